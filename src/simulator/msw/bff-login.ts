import type { z } from 'zod/mini';
import type { ErrorBody, loginRequestSchema } from '../../domain/api';
import type { Keystone } from '../core/identity/keystone';

export type ParsedLogin = z.output<typeof loginRequestSchema>;

export type SignInResult =
  | { ok: true; tokenId: string }
  | { ok: false; status: 401 | 403; body: ErrorBody };

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
 * The BFF's project switch, done against the core: the session's token is rescoped with the token
 * method to the project asked for (by name or id) among the user's enabled ones; the caller revokes
 * the token it replaces.
 */
export function switchProject(keystone: Keystone, tokenId: string, wanted: string): SignInResult {
  const token = keystone.validateToken(tokenId);
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
  return { ok: true, tokenId: issued.id };
}

function failure(status: 401 | 403, error: ErrorBody['error']): SignInResult {
  return { ok: false, status, body: { error } };
}
