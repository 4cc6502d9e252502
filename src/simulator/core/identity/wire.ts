/** Keystone v3 response shapes, as in shared/fixtures/openstack/identity. */

export interface KeystoneRef {
  id: string;
  name: string;
}

export interface KeystoneEndpoint {
  id: string;
  interface: 'public' | 'internal';
  region: string;
  region_id: string;
  url: string;
}

export interface KeystoneCatalogEntry {
  endpoints: KeystoneEndpoint[];
  id: string;
  name: string;
  type: string;
}

export interface KeystoneToken {
  audit_ids: string[];
  catalog?: KeystoneCatalogEntry[];
  expires_at: string;
  is_domain?: false;
  issued_at: string;
  methods: string[];
  project?: KeystoneRef & { domain: KeystoneRef };
  roles?: KeystoneRef[];
  user: KeystoneRef & { domain: KeystoneRef; password_expires_at: string | null };
}
