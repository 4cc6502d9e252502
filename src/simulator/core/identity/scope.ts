import { KeystoneError } from './errors';
import { effectiveRoles, findProject, isScopable, type DomainRef, type ProjectRef } from './lookup';
import type { IdentityStore, Project, User } from './store';

/**
 * What a token request asks for. `default` is a request without a `scope` key; `unscoped` is
 * Keystone's explicit string. Domain and system scope exist so that they fail as Keystone fails
 * them: the simulator grants no role on a domain or the system.
 */
export type ScopeRequest = 'default' | 'unscoped' | { project: ProjectRef } | { domain: DomainRef } | { system: 'all' };

/** The project a new token is scoped to, or undefined for an unscoped token. */
export function resolveScope(store: IdentityStore, user: User, scope: ScopeRequest): Project | undefined {
  if (scope === 'unscoped') return undefined;
  if (scope === 'default') return defaultProject(store, user);
  if (!('project' in scope)) throw new KeystoneError('unauthorized', `User ${user.id} has no role on that scope`);
  const project = findProject(store, scope.project);
  if (!project || !isScopable(store, project)) {
    throw new KeystoneError('unauthorized', 'Could not find an enabled project for the requested scope');
  }
  if (effectiveRoles(store, user.id, project.id).length === 0) {
    throw new KeystoneError('unauthorized', `User ${user.id} has no access to project ${project.id}`);
  }
  return project;
}

/** Keystone falls back to an unscoped token, never to an error, when the default project is unusable. */
function defaultProject(store: IdentityStore, user: User): Project | undefined {
  const project = user.defaultProjectId ? store.projects.get(user.defaultProjectId) : undefined;
  if (!project || !isScopable(store, project)) return undefined;
  return effectiveRoles(store, user.id, project.id).length > 0 ? project : undefined;
}
