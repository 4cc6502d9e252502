import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type LoginRequest, regionUnavailable, type ScopeRequest } from '../../domain/api';
import { catalogRegions } from '../../domain/identity';
import { AppError } from '../errors';
import { passwordAuth, tokenAuth } from '../openstack/auth/plugins';
import type { IssuedToken } from '../openstack/keystone';
import type { CloudRuntime } from '../clouds';
import type { NewSession, Session } from './store';

type Credentials = Required<Pick<LoginRequest, 'username' | 'password' | 'domain'>> & { project?: string | undefined };

/**
 * Signs in with Keystone and picks the project: the one asked for (by name or id), else the
 * user's default project (Keystone scopes to it when no scope is sent), else the first enabled
 * project by name. Tokens issued on the way are revoked, so only the session's token stays valid.
 */
export async function signIn(cloud: CloudRuntime, creds: Credentials, log: FastifyBaseLogger): Promise<NewSession> {
  const { keystone } = cloud;
  const first = await keystone.authenticate(passwordAuth(creds), { kind: 'default' }, log);
  const issued = [first];
  try {
    const projects = await keystone.projects(first.token, log);
    if (projects.length === 0) {
      throw new AppError(403, 'auth.no_projects', 'Your account has no role in any project of this cloud. Ask an administrator for one.');
    }
    const target = pickProject(projects, creds.project, first.body.project?.id);
    let scoped: IssuedToken = first;
    if (first.body.project?.id !== target.id) {
      scoped = await rescope(cloud, first.token, target, log);
      issued.push(scoped);
    }
    const session = toSession(cloud, scoped, projects);
    await Promise.all(issued.filter((t) => t !== scoped).map((t) => revokeQuietly(cloud, t.token, log)));
    return session;
  } catch (error) {
    await Promise.all(issued.map((t) => revokeQuietly(cloud, t.token, log)));
    throw error;
  }
}

/**
 * Moves a signed-in session to another scope: another of the user's projects (by name or id),
 * another of the catalog's regions, or both. The new session has a new id, as at sign-in; the
 * caller stores it and revokes the token it replaces when that changed.
 */
export async function rescopeSession(cloud: CloudRuntime, session: Session, scope: ScopeRequest, log: FastifyBaseLogger): Promise<NewSession> {
  // Checked first, so a mistyped region costs no token.
  const region = scope.region === undefined ? session.region : catalogRegion(session.regions, scope.region);
  if (scope.projectId === undefined) {
    // The same token and catalog: only the endpoints picked from it change (ServiceClient).
    return { ...session, id: newSessionId(), region };
  }
  const projects = await cloud.keystone.projects(session.token, log);
  const target = pickProject(projects, scope.projectId, undefined);
  const scoped = await rescope(cloud, session.token, target, log);
  try {
    return toSession(cloud, scoped, projects, region);
  } catch (error) {
    await revokeQuietly(cloud, scoped.token, log);
    throw error;
  }
}

function catalogRegion(regions: readonly string[], wanted: string): string {
  if (regions.includes(wanted)) return wanted;
  const { code, message, params } = regionUnavailable(wanted, regions);
  throw new AppError(400, code, message, { params });
}

/** A token for the same user scoped to `target`, got with the token method. */
function rescope(cloud: CloudRuntime, token: string, target: Session['projects'][number], log: FastifyBaseLogger): Promise<IssuedToken> {
  return cloud.keystone.authenticate(tokenAuth(token), { kind: 'project', id: target.id }, log);
}

function pickProject(projects: Session['projects'], wanted: string | undefined, defaultId: string | undefined): Session['projects'][number] {
  if (wanted) {
    const match = projects.find((p) => p.id === wanted) ?? projects.find((p) => p.name === wanted);
    if (!match) {
      throw new AppError(403, 'auth.project_unavailable', `You have no role in a project named “${wanted}”.`, { params: { project: wanted } });
    }
    return match;
  }
  return projects.find((p) => p.id === defaultId) ?? (projects[0] as Session['projects'][number]);
}

/**
 * The session's region is `region` when the catalog has it (after a project switch, endpoint
 * filtering may leave it out of the new project's), else the configured one, else the first.
 */
function toSession(cloud: CloudRuntime, issued: IssuedToken, projects: Session['projects'], region = cloud.config.region): NewSession {
  const { body } = issued;
  if (!body.project) throw new AppError(502, 'upstream.bad_response', 'Keystone returned a token without a project.');
  const catalog = body.catalog ?? [];
  const regions = catalogRegions(catalog);
  const fallbackRegion = cloud.config.region;
  const session: NewSession = {
    id: newSessionId(),
    cloudId: cloud.config.id,
    token: issued.token,
    expiresAt: new Date(Date.parse(body.expires_at)).toISOString(),
    user: { id: body.user.id, name: body.user.name, domain: body.user.domain },
    project: { id: body.project.id, name: body.project.name },
    roles: (body.roles ?? []).map((r) => r.name).sort(),
    catalog,
    region: [region, fallbackRegion].find((r) => r !== undefined && regions.includes(r)) ?? regions[0] ?? fallbackRegion ?? '',
    regions,
    projects,
  };
  // Readiness has no token to ask for a catalog: it probes the services of the newest one.
  cloud.lastCatalog = { catalog, region: session.region };
  return session;
}

function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export async function revokeQuietly(cloud: CloudRuntime, token: string, log: FastifyBaseLogger): Promise<void> {
  try {
    await cloud.keystone.revoke(token, log);
  } catch (error) {
    // The token expires on its own; failing a sign-in or sign-out over it would help no one.
    log.warn({ err: error }, 'token revocation failed');
  }
}
