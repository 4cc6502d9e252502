import type { ApplicationCredential, Domain, IdentityStore, Project, Role, User } from './store';

export type DomainRef = { id: string } | { name: string };
export type UserRef = { id: string } | { name: string; domain: DomainRef };
export type ProjectRef = { id: string } | { name: string; domain: DomainRef };

/** The domain, if it exists and is enabled: a disabled domain takes its users and projects with it. */
export function findDomain(store: IdentityStore, ref: DomainRef): Domain | undefined {
  const domain =
    'id' in ref ? store.domains.get(ref.id) : [...store.domains.values()].find((d) => d.name === ref.name);
  return domain?.enabled ? domain : undefined;
}

/** An enabled user in an enabled domain. */
export function findUser(store: IdentityStore, ref: UserRef): User | undefined {
  const user = 'id' in ref ? store.users.get(ref.id) : findNamed(store.users, ref.name, findDomain(store, ref.domain));
  return user?.enabled && findDomain(store, { id: user.domainId }) ? user : undefined;
}

/** The project, enabled or not (callers decide: scoping refuses disabled ones, listings show them). */
export function findProject(store: IdentityStore, ref: ProjectRef): Project | undefined {
  return 'id' in ref ? store.projects.get(ref.id) : findNamed(store.projects, ref.name, findDomain(store, ref.domain));
}

export function isScopable(store: IdentityStore, project: Project): boolean {
  return project.enabled && findDomain(store, { id: project.domainId }) !== undefined;
}

function findNamed<T extends { name: string; domainId: string }>(
  entities: Map<string, T>,
  name: string,
  domain: Domain | undefined,
): T | undefined {
  if (!domain) return undefined;
  return [...entities.values()].find((e) => e.name === name && e.domainId === domain.id);
}

/** Projects where the user has any role, in store order, disabled ones included (as Keystone). */
export function projectsOf(store: IdentityStore, userId: string): Project[] {
  const ids = new Set(store.assignments.filter((a) => a.userId === userId).map((a) => a.projectId));
  return [...store.projects.values()].filter((p) => ids.has(p.id));
}

/** The user's roles on a project: assigned ones first, then those they imply. */
export function effectiveRoles(store: IdentityStore, userId: string, projectId: string): Role[] {
  const found = new Map<string, Role>();
  const pending = store.assignments
    .filter((a) => a.userId === userId && a.projectId === projectId)
    .map((a) => a.roleId);
  for (let roleId = pending.shift(); roleId !== undefined; roleId = pending.shift()) {
    const role = store.roles.get(roleId);
    if (!role || found.has(role.id)) continue;
    found.set(role.id, role);
    pending.push(...role.implies);
  }
  return [...found.values()];
}

/** The credential's roles that its user still holds on its project: all that its tokens carry. */
export function applicationCredentialRoles(store: IdentityStore, credential: ApplicationCredential): Role[] {
  return effectiveRoles(store, credential.userId, credential.projectId).filter((r) => credential.roleIds.includes(r.id));
}
