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

/** What a token stands for; its body is rendered at each validation, as fernet tokens are. */
export interface TokenRecord {
  id: string;
  userId: string;
  projectId?: string;
  methods: string[];
  /** The token's own audit id, then (after a rescope) the id of the chain's first token. */
  auditIds: [string] | [string, string];
  issuedAt: number;
  expiresAt: number;
  /** Kept after a revocation (until it would have expired) so tests can see what was revoked. */
  revoked: boolean;
}

export interface IdentityStore {
  domains: Map<string, Domain>;
  users: Map<string, User>;
  /** Passwords by user id, apart from the users so that a user record never carries a secret. */
  passwords: Map<string, string>;
  projects: Map<string, Project>;
  roles: Map<string, Role>;
  assignments: RoleAssignment[];
  /** Region ids in catalog order. */
  regions: string[];
  services: Map<string, Service>;
  endpoints: Map<string, Endpoint>;
  tokens: Map<string, TokenRecord>;
}

export function createIdentityStore(): IdentityStore {
  return {
    domains: new Map(),
    users: new Map(),
    passwords: new Map(),
    projects: new Map(),
    roles: new Map(),
    assignments: [],
    regions: [],
    services: new Map(),
    endpoints: new Map(),
    tokens: new Map(),
  };
}
