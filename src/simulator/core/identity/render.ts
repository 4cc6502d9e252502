import { tokenNotFound } from './errors';
import { applicationCredentialRoles, effectiveRoles, findProject, findUser, isScopable } from './lookup';
import type { ApplicationCredential, IdentityStore, TokenRecord, User } from './store';
import type { KeystoneCatalogEntry, KeystoneRef, KeystoneToken, KeystoneUserRef } from './wire';

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
    user: { ...userRefOf(store, user), password_expires_at: null },
  };
  if (record.projectId === undefined) return token;

  const project = findProject(store, { id: record.projectId });
  if (!project || !isScopable(store, project)) throw tokenNotFound();
  const credential = applicationCredentialOf(store, record);
  // An application credential's token carries only the credential's roles.
  const roles = credential ? applicationCredentialRoles(store, credential) : effectiveRoles(store, user.id, project.id);
  if (roles.length === 0) throw tokenNotFound();
  return {
    ...token,
    ...(credential && { application_credential: { id: credential.id, name: credential.name, restricted: credential.restricted } }),
    catalog: renderCatalog(store),
    is_domain: false,
    project: { domain: domainRef(store, project.domainId), id: project.id, name: project.name },
    roles: roles.map((r) => ({ id: r.id, name: r.name })),
  };
}

export function userRefOf(store: IdentityStore, user: User): KeystoneUserRef {
  return { domain: domainRef(store, user.domainId), id: user.id, name: user.name };
}

/** The credential that made the token, if one did; a deleted credential takes its tokens with it. */
function applicationCredentialOf(store: IdentityStore, record: TokenRecord): ApplicationCredential | undefined {
  if (record.applicationCredentialId === undefined) return undefined;
  const credential = store.applicationCredentials.get(record.applicationCredentialId);
  if (!credential) throw tokenNotFound();
  return credential;
}

function domainRef(store: IdentityStore, domainId: string): KeystoneRef {
  const domain = store.domains.get(domainId);
  if (!domain) throw tokenNotFound();
  return { id: domain.id, name: domain.name };
}
