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

export type KeystoneUserRef = KeystoneRef & { domain: KeystoneRef };

export interface KeystoneToken {
  /** Only on tokens made by an application credential. */
  application_credential?: KeystoneRef & { restricted: boolean };
  audit_ids: string[];
  catalog?: KeystoneCatalogEntry[];
  expires_at: string;
  is_domain?: false;
  issued_at: string;
  methods: string[];
  project?: KeystoneRef & { domain: KeystoneRef };
  roles?: KeystoneRef[];
  user: KeystoneUserRef & { password_expires_at: string | null };
}

/** The body of the 401 that asks a multi-factor user for another method. */
export interface KeystoneReceiptBody {
  receipt: { expires_at: string; issued_at: string; methods: string[]; user: KeystoneUserRef };
  required_auth_methods: string[][];
}
