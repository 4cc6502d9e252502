import { hexId } from './ids';
import type { IdentityStore, ServiceType } from './identity/store';

// Fixed ids, so that a log or a bookmark from one run still means something in the next.
const role = {
  admin: 'f1b098c623594a34a3edb139b28c537e',
  member: 'a2386619067744109a3a10dcda179ee8',
  reader: 'c8b0ee2483684a86975c6955baac722b',
};
const project = {
  demo: 'e5234e5b65ec4fa9a6f958c8cc75726f',
  demoStaging: 'f7f15e9a6ab74f0c89dd80ccf129e148',
  admin: '0259c06b1ade452ba77db5083e49e4a8',
  demoArchive: '0bb8a2cafe824c76b51f239d72456a39',
};
const user = {
  demo: '21b0133220154b70b3efaa67058c8a33',
  admin: 'dae2c509010242adaccd50a11a083b0f',
  reader: 'ba52a02f6737428fa253634302b641c2',
};

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
  store.roles.set(role.admin, { id: role.admin, name: 'admin', implies: [role.member] });
  store.roles.set(role.member, { id: role.member, name: 'member', implies: [role.reader] });
  store.roles.set(role.reader, { id: role.reader, name: 'reader', implies: [] });

  const projects = [
    { id: project.demo, name: 'demo', enabled: true, description: 'Demo project' },
    { id: project.demoStaging, name: 'demo-staging', enabled: true, description: 'Staging for the demo project' },
    { id: project.admin, name: 'admin', enabled: true, description: 'Bootstrap project for the admin user' },
    { id: project.demoArchive, name: 'demo-archive', enabled: false, description: 'Disabled: clients must hide it' },
  ];
  for (const p of projects) store.projects.set(p.id, { ...p, domainId: 'default' });

  const users = [
    { id: user.demo, name: 'demo', defaultProjectId: project.demo },
    { id: user.admin, name: 'admin', defaultProjectId: project.admin },
    { id: user.reader, name: 'reader', defaultProjectId: project.demo },
  ];
  for (const u of users) {
    store.users.set(u.id, { ...u, domainId: 'default', enabled: true });
    store.passwords.set(u.id, u.name);
  }

  store.assignments.push(
    { userId: user.demo, projectId: project.demo, roleId: role.member },
    { userId: user.demo, projectId: project.demoStaging, roleId: role.member },
    { userId: user.demo, projectId: project.demoArchive, roleId: role.member },
    { userId: user.admin, projectId: project.admin, roleId: role.admin },
    { userId: user.admin, projectId: project.demo, roleId: role.member },
    { userId: user.reader, projectId: project.demo, roleId: role.reader },
  );

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
