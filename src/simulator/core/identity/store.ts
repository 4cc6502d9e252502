/** Keystone's state, held as Keystone holds it: entities by id, assignments as rows. */

export interface Domain {
  id: string;
  name: string;
  enabled: boolean;
}

export interface User {
  id: string;
  name: string;
  domainId: string;
  enabled: boolean;
  defaultProjectId?: string;
  options?: UserOptions;
}

/** Keystone's user options that change how the user signs in. */
export interface UserOptions {
  /** Keystone reads a missing value as true: rules, once set, apply unless this is false. */
  multiFactorAuthEnabled?: boolean;
  /** Method lists, any one of which completes a login, e.g. `[["password", "totp"]]`. */
  multiFactorAuthRules?: string[][];
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  enabled: boolean;
  description: string;
}

export interface Role {
  id: string;
  name: string;
  /** Ids of the roles this one implies, as Keystone's default admin → member → reader chain. */
  implies: string[];
}

export interface RoleAssignment {
  userId: string;
  projectId: string;
  roleId: string;
}

export type ServiceType = 'identity' | 'compute' | 'network' | 'image';

export interface Service {
  id: string;
  type: ServiceType;
  name: string;
}

export interface Endpoint {
  id: string;
  serviceId: string;
  regionId: string;
  interface: 'public' | 'internal';
  url: string;
}

/** A user's delegation to an application: one project, a subset of the user's roles there. */
export interface ApplicationCredential {
  id: string;
  name: string;
  userId: string;
  projectId: string;
  /** Roles the credential may use; a token gets those the user still holds on the project. */
  roleIds: string[];
  /** Keystone's default: the credential cannot create more credentials or trusts. */
  restricted: boolean;
}

/** What a token stands for; its body is rendered at each validation, as fernet tokens are. */
export interface TokenRecord {
  id: string;
  userId: string;
  projectId?: string;
  /** Set when an application credential made the token: its roles and project, never another scope. */
  applicationCredentialId?: string;
  methods: string[];
  /** The token's own audit id, then (after a rescope) the id of the chain's first token. */
  auditIds: [string] | [string, string];
  issuedAt: number;
  expiresAt: number;
  /** Kept after a revocation (until it would have expired) so tests can see what was revoked. */
  revoked: boolean;
}

/** A partial login of a multi-factor user: the methods already passed, until it expires. */
export interface ReceiptRecord {
  id: string;
  userId: string;
  methods: string[];
  issuedAt: number;
  expiresAt: number;
}

export interface IdentityStore {
  domains: Map<string, Domain>;
  users: Map<string, User>;
  /** Passwords by user id, apart from the users so that a user record never carries a secret. */
  passwords: Map<string, string>;
  /** Base32 TOTP secrets by user id (Keystone keeps them as credentials of type `totp`). */
  totpSecrets: Map<string, string>;
  applicationCredentials: Map<string, ApplicationCredential>;
  /** Application credential secrets by credential id, apart as passwords are. */
  applicationCredentialSecrets: Map<string, string>;
  projects: Map<string, Project>;
  roles: Map<string, Role>;
  assignments: RoleAssignment[];
  /** Region ids in catalog order. */
  regions: string[];
  services: Map<string, Service>;
  endpoints: Map<string, Endpoint>;
  tokens: Map<string, TokenRecord>;
  receipts: Map<string, ReceiptRecord>;
}

export function createIdentityStore(): IdentityStore {
  return {
    domains: new Map(),
    users: new Map(),
    passwords: new Map(),
    totpSecrets: new Map(),
    applicationCredentials: new Map(),
    applicationCredentialSecrets: new Map(),
    projects: new Map(),
    roles: new Map(),
    assignments: [],
    regions: [],
    services: new Map(),
    endpoints: new Map(),
    tokens: new Map(),
    receipts: new Map(),
  };
}
