import { tokenNotFound } from './errors';
import { effectiveRoles, findProject, findUser, isScopable } from './lookup';
import type { IdentityStore, TokenRecord } from './store';
import type { KeystoneCatalogEntry, KeystoneRef, KeystoneToken } from './wire';

/** Keystone's timestamp format: ISO 8601 with microseconds and `Z`. */
export function keystoneTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

export function renderCatalog(store: IdentityStore): KeystoneCatalogEntry[] {
  const endpoints = [...store.endpoints.values()];
  return [...store.services.values()].map((service) => ({
    endpoints: endpoints
      .filter((ep) => ep.serviceId === service.id)
      .map((ep) => ({ id: ep.id, interface: ep.interface, region: ep.regionId, region_id: ep.regionId, url: ep.url })),
    id: service.id,
    name: service.name,
    type: service.type,
  }));
}

/**
 * The token's body from the current state, as a fernet token is rebuilt at each validation: a
 * token whose user was disabled, or whose project lost its role or was disabled, is no longer valid.
 */
export function renderToken(store: IdentityStore, record: TokenRecord): KeystoneToken {
  const user = findUser(store, { id: record.userId });
  if (!user) throw tokenNotFound();
  const token: KeystoneToken = {
    audit_ids: record.auditIds,
    expires_at: keystoneTime(record.expiresAt),
    issued_at: keystoneTime(record.issuedAt),
    methods: record.methods,
    user: { domain: domainRef(store, user.domainId), id: user.id, name: user.name, password_expires_at: null },
  };
  if (record.projectId === undefined) return token;

  const project = findProject(store, { id: record.projectId });
  const roles = project ? effectiveRoles(store, user.id, project.id) : [];
  if (!project || !isScopable(store, project) || roles.length === 0) throw tokenNotFound();
  return {
    ...token,
    catalog: renderCatalog(store),
    is_domain: false,
    project: { domain: domainRef(store, project.domainId), id: project.id, name: project.name },
    roles: roles.map((r) => ({ id: r.id, name: r.name })),
  };
}

function domainRef(store: IdentityStore, domainId: string): KeystoneRef {
  const domain = store.domains.get(domainId);
  if (!domain) throw tokenNotFound();
  return { id: domain.id, name: domain.name };
}
