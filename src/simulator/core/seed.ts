import { hexId } from './ids';
import type { IdentityStore, ServiceType } from './identity/store';

// Fixed ids, so that a log or a bookmark from one run still means something in the next.
export const roleIds = {
  admin: 'f1b098c623594a34a3edb139b28c537e',
  member: 'a2386619067744109a3a10dcda179ee8',
  reader: 'c8b0ee2483684a86975c6955baac722b',
};
export const projectIds = {
  demo: 'e5234e5b65ec4fa9a6f958c8cc75726f',
  demoStaging: 'f7f15e9a6ab74f0c89dd80ccf129e148',
  admin: '0259c06b1ade452ba77db5083e49e4a8',
  demoArchive: '0bb8a2cafe824c76b51f239d72456a39',
};
export const userIds = {
  demo: '21b0133220154b70b3efaa67058c8a33',
  admin: 'dae2c509010242adaccd50a11a083b0f',
  reader: 'ba52a02f6737428fa253634302b641c2',
  mfa: 'e2f3c05ddcd24b62867b76f8c63cef9f',
};

/** The demo user's application credential, with its secret, for clients that sign in with one. */
export const demoApplicationCredential = {
  id: 'd852c9b4f45a439884d285cdfc978278',
  name: 'monitoring',
  secret: '5veJ4N2SAarDwb7j7Zo396C3',
};

/**
 * The `mfa` user's TOTP secret in base32: RFC 6238's own test key ("12345678901234567890"), so the
 * RFC's test vectors check the simulator's TOTP too.
 */
export const mfaTotpSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/**
 * Where each service is until the simulator's listeners run and report their ports. `.invalid`
 * never resolves, so a catalog used without HTTP (msw handlers) cannot reach a real host by mistake.
 */
const placeholderUrls: Record<ServiceType, string> = {
  identity: 'http://identity.simulator.invalid/v3',
  compute: 'http://compute.simulator.invalid/v2.1',
  network: 'http://network.simulator.invalid',
  image: 'http://image.simulator.invalid',
};
const serviceNames: Record<ServiceType, string> = {
  identity: 'keystone',
  compute: 'nova',
  network: 'neutron',
  image: 'glance',
};

/** The demo cloud's identities: the logins `npm start` prints, plus a disabled project to be filtered. */
export function seedIdentity(store: IdentityStore): void {
  store.domains.set('default', { id: 'default', name: 'Default', enabled: true });

  // Keystone's bootstrap makes admin imply member and member imply reader; tokens list all three.
  store.roles.set(roleIds.admin, { id: roleIds.admin, name: 'admin', implies: [roleIds.member] });
  store.roles.set(roleIds.member, { id: roleIds.member, name: 'member', implies: [roleIds.reader] });
  store.roles.set(roleIds.reader, { id: roleIds.reader, name: 'reader', implies: [] });

  const projects = [
    { id: projectIds.demo, name: 'demo', enabled: true, description: 'Demo project' },
    { id: projectIds.demoStaging, name: 'demo-staging', enabled: true, description: 'Staging for the demo project' },
    { id: projectIds.admin, name: 'admin', enabled: true, description: 'Bootstrap project for the admin user' },
    { id: projectIds.demoArchive, name: 'demo-archive', enabled: false, description: 'Disabled: clients must hide it' },
  ];
  for (const p of projects) store.projects.set(p.id, { ...p, domainId: 'default' });

  const users = [
    { id: userIds.demo, name: 'demo', defaultProjectId: projectIds.demo },
    { id: userIds.admin, name: 'admin', defaultProjectId: projectIds.admin },
    { id: userIds.reader, name: 'reader', defaultProjectId: projectIds.demo },
  ];
  for (const u of users) {
    store.users.set(u.id, { ...u, domainId: 'default', enabled: true });
    store.passwords.set(u.id, u.name);
  }
  seedSecondFactors(store);

  store.assignments.push(
    { userId: userIds.demo, projectId: projectIds.demo, roleId: roleIds.member },
    { userId: userIds.demo, projectId: projectIds.demoStaging, roleId: roleIds.member },
    { userId: userIds.demo, projectId: projectIds.demoArchive, roleId: roleIds.member },
    { userId: userIds.admin, projectId: projectIds.admin, roleId: roleIds.admin },
    { userId: userIds.admin, projectId: projectIds.demo, roleId: roleIds.member },
    { userId: userIds.reader, projectId: projectIds.demo, roleId: roleIds.reader },
  );
  // Two regions, so that clients meet a region choice; both regions' endpoints point at the same
  // simulated services, which is enough for the demo (both regions list the same servers).
  store.regions.push('RegionOne', 'RegionTwo');
  for (const type of Object.keys(placeholderUrls) as ServiceType[]) {
    const serviceId = hexId();
    store.services.set(serviceId, { id: serviceId, type, name: serviceNames[type] });
    for (const regionId of store.regions) {
      for (const iface of ['public', 'internal'] as const) {
        const id = hexId();
        store.endpoints.set(id, { id, serviceId, regionId, interface: iface, url: placeholderUrls[type] });
      }
    }
  }
}

/**
 * The other ways to sign in: a user who needs a password and a TOTP code (so clients meet
 * Keystone's receipts), and an application credential of the demo user's, restricted to `member`.
 */
function seedSecondFactors(store: IdentityStore): void {
  const options = { multiFactorAuthEnabled: true, multiFactorAuthRules: [['password', 'totp']] };
  store.users.set(userIds.mfa, {
    id: userIds.mfa,
    name: 'mfa',
    domainId: 'default',
    enabled: true,
    defaultProjectId: projectIds.demo,
    options,
  });
  store.passwords.set(userIds.mfa, 'mfa');
  store.totpSecrets.set(userIds.mfa, mfaTotpSecret);
  store.assignments.push({ userId: userIds.mfa, projectId: projectIds.demo, roleId: roleIds.member });

  const { id, name, secret } = demoApplicationCredential;
  store.applicationCredentials.set(id, {
    id,
    name,
    userId: userIds.demo,
    projectId: projectIds.demo,
    roleIds: [roleIds.member],
    restricted: true,
  });
  store.applicationCredentialSecrets.set(id, secret);
}
