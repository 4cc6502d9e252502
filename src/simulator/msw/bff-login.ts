import type { z } from 'zod/mini';
import { type ErrorBody, type loginRequestSchema, regionUnavailable, type scopeRequestSchema } from '../../domain/api';
import { catalogRegions } from '../../domain/identity';
import type { Keystone } from '../core/identity/keystone';

export type ParsedLogin = z.output<typeof loginRequestSchema>;

export type ParsedScope = z.output<typeof scopeRequestSchema>;

/** The signed-in session the stand-in keeps: its Keystone token stays here, as in the BFF. */
export interface BffSession {
  tokenId: string;
  region: string;
}

interface Failure {
  ok: false;
  status: 400 | 401 | 403;
  body: ErrorBody;
}
export type SignInResult = { ok: true; tokenId: string } | Failure;
export type ScopeResult = ({ ok: true } & BffSession) | Failure;

/**
 * The BFF's password login, read from the architecture and done against the core: a wrong
 * password, user or domain all fail alike; the project is the one asked for (by name or id), else
 * the user's default project, else the first enabled one by name.
 */
export function signIn(keystone: Keystone, login: ParsedLogin): SignInResult {
  const user = keystone.authenticatePassword({
    userName: login.username,
    domainName: login.domain,
    password: login.password,
  });
  if (!user) {
    return failure(401, { code: 'auth.invalid_credentials', message: 'The username, password or domain is not correct.' });
  }

  const projects = keystone
    .projectsOf(user.id)
    .filter((p) => p.enabled)
    .sort((a, b) => a.name.localeCompare(b.name));
  const wanted = login.project;
  const project = wanted
    ? projects.find((p) => p.id === wanted || p.name === wanted)
    : (projects.find((p) => p.id === user.defaultProjectId) ?? projects[0]);
  if (!project && wanted) {
    return failure(403, {
      code: 'auth.project_unavailable',
      message: `You have no role in a project named “${wanted}”.`,
      params: { project: wanted },
    });
  }
  if (!project) {
    return failure(403, { code: 'auth.no_projects', message: 'You have no role in any project of this cloud.' });
  }

  const issued = keystone.issueToken({ userId: user.id, scope: { project: { id: project.id } } });
  return { ok: true, tokenId: issued.id };
}

/**
 * The BFF's scope change, done against the core: a region must be one the token's catalog lists,
 * and the token keeps serving it (the catalog is the same); a project is reached by rescoping the
 * token with the token method, among the user's enabled projects (by name or id). The caller
 * revokes a token that was replaced.
 */
export function switchScope(keystone: Keystone, session: BffSession, scope: ParsedScope): ScopeResult {
  const token = keystone.validateToken(session.tokenId);
  const region = scope.region ?? session.region;
  const regions = catalogRegions(token.catalog ?? []);
  if (!regions.includes(region)) return failure(400, regionUnavailable(region, regions));
  const wanted = scope.projectId;
  if (wanted === undefined) return { ok: true, tokenId: session.tokenId, region };
  const project = keystone
    .projectsOf(token.user.id)
    .filter((p) => p.enabled)
    .find((p) => p.id === wanted || p.name === wanted);
  if (!project) {
    return failure(403, {
      code: 'auth.project_unavailable',
      message: `You have no role in a project named “${wanted}”.`,
      params: { project: wanted },
    });
  }
  const issued = keystone.issueToken({ userId: token.user.id, methods: ['token'], scope: { project: { id: project.id } } });
  return { ok: true, tokenId: issued.id, region };
}

function failure(status: Failure['status'], error: ErrorBody['error']): Failure {
  return { ok: false, status, body: { error } };
}
