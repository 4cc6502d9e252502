import { projectUsage } from './compute/actions/quota';
import { availabilityZone, type ComputeStore, computeHosts, type Flavor, type InstanceAction, PowerState, type Server, type VmState } from './compute/model';
import type { IdentityStore } from './identity/store';
import type { Image, ImageStore } from './image/model';
import { ipv4At, ipv6At, macAddress } from './network/addresses';
import { addPort, type Network, type NetworkStore, type Subnet } from './network/model';
import { createRandom, type Random } from './random';
import { projectIds, userIds } from './seed';

export interface ResourceSeedOptions {
  /** Servers over all projects; the demo has about 200. */
  servers?: number;
  /** Networks in all, including each project's `private` network and the shared `public` one. */
  networks?: number;
  /** Projects that own resources: demo, demo-staging, admin, then generated ones. */
  projects?: number;
  /** The generator's seed: the same seed gives the same cloud. */
  seed?: number;
}

interface Stores {
  identity: IdentityStore;
  compute: ComputeStore;
  network: NetworkStore;
  images: ImageStore;
}

const day = 86_400_000;

const flavors: Array<Omit<Flavor, 'isPublic' | 'disabled' | 'description' | 'extraSpecs' | 'ephemeralGb' | 'swapMb'>> = [
  { id: '1', name: 'm1.tiny', vcpus: 1, ramMb: 512, diskGb: 1 },
  { id: '2', name: 'm1.small', vcpus: 1, ramMb: 2048, diskGb: 20 },
  { id: '3', name: 'm1.medium', vcpus: 2, ramMb: 4096, diskGb: 40 },
  { id: '4', name: 'm1.large', vcpus: 4, ramMb: 8192, diskGb: 80 },
  { id: '5', name: 'm1.xlarge', vcpus: 8, ramMb: 16384, diskGb: 160 },
  { id: 'c1', name: 'c1.compute', vcpus: 16, ramMb: 16384, diskGb: 40 },
  { id: 'r1', name: 'r1.memory', vcpus: 4, ramMb: 65536, diskGb: 80 },
];

const publicImages = [
  { name: 'cirros-0.6.2-x86_64', os: 'cirros', minDisk: 1, size: 21_430_272 },
  { name: 'ubuntu-24.04-server', os: 'ubuntu', minDisk: 10, size: 598_736_896 },
  { name: 'debian-12-generic', os: 'debian', minDisk: 4, size: 421_527_552 },
  { name: 'fedora-40-cloud', os: 'fedora', minDisk: 5, size: 412_090_368 },
  { name: 'rocky-9.4-genericcloud', os: 'rocky', minDisk: 10, size: 1_063_256_064 },
  { name: 'windows-server-2022', os: 'windows', minDisk: 40, size: 9_663_676_416 },
];

const roles = ['web', 'api', 'db', 'cache', 'worker', 'k8s-node', 'queue', 'search', 'ci-runner', 'bastion', 'gateway', 'batch'];
const envs = ['prod', 'staging', 'dev', 'qa'];
const networkRoles = ['frontend', 'backend', 'data', 'mgmt', 'storage', 'dmz', 'k8s', 'build'];

/**
 * Fills Nova, Neutron and Glance with a cloud that looks lived-in: realistic names, IPv4 and IPv6
 * fixed and floating addresses, and the first servers of the demo project in every state an
 * operator meets (so a demo shows them without luck), the rest drawn from a realistic mix.
 */
export function seedResources(stores: Stores, now: number, options: ResourceSeedOptions = {}): void {
  const random = createRandom(options.seed ?? 42);
  const projects = resourceProjects(stores.identity, options.projects ?? 3);
  seedFlavors(stores.compute);
  const images = seedImages(stores.images, random, now);
  const nets = seedNetworks(stores.network, random, now, projects, Math.max(options.networks ?? 30, projects.length + 1));
  seedServers(stores, random, now, projects, nets, images, options.servers ?? 200);
  fitQuota(stores.compute, projects);
}

/**
 * Quota with headroom over the busiest project: resizes to bigger flavors work in the demo, and
 * the limit is still a real one that the resize dialog can show and a test can reach.
 */
function fitQuota(compute: ComputeStore, projects: string[]): void {
  const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;
  for (const projectId of projects) {
    const usage = projectUsage(compute, projectId);
    compute.quota.cores = Math.max(compute.quota.cores, roundUp(usage.cores * 1.25 + 32, 10));
    compute.quota.ramMb = Math.max(compute.quota.ramMb, roundUp(usage.ram * 1.25 + 65536, 1024));
    compute.quota.instances = Math.max(compute.quota.instances, roundUp(usage.instances * 1.25 + 10, 10));
  }
}

/** Project ids that own resources: the seeded ones first, then generated projects (admin sees them). */
function resourceProjects(identity: IdentityStore, count: number): string[] {
  const ids = [projectIds.demo, projectIds.demoStaging, projectIds.admin];
  for (let i = ids.length; i < count; i++) {
    const id = `9a7e${String(i).padStart(28, '0')}`;
    identity.projects.set(id, { id, name: `tenant-${String(i + 1).padStart(3, '0')}`, domainId: 'default', enabled: true, description: 'Generated project' });
    ids.push(id);
  }
  return ids.slice(0, Math.max(1, count));
}

function seedFlavors(compute: ComputeStore): void {
  for (const f of flavors) {
    compute.flavors.set(f.id, { ...f, ephemeralGb: 0, swapMb: 0, isPublic: true, disabled: false, description: null, extraSpecs: {} });
  }
}

function seedImages(store: ImageStore, random: Random, now: number): Image[] {
  const created = now - 500 * day;
  return publicImages.map((spec, i) => {
    const image: Image = {
      id: random.uuid(),
      name: spec.name,
      status: 'active',
      visibility: 'public',
      owner: projectIds.admin,
      size: spec.size,
      virtualSize: spec.size * 4,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      minDiskGb: spec.minDisk,
      minRamMb: 0,
      protected: false,
      osHidden: false,
      tags: [],
      createdAt: created + i * day,
      updatedAt: created + i * day,
      checksum: random.hex(32),
      properties: { os_distro: spec.os, hw_architecture: 'x86_64' },
      activeAt: null,
    };
    store.images.set(image.id, image);
    return image;
  });
}

interface ProjectNetwork {
  network: Network;
  v4: Subnet;
  v6: Subnet | undefined;
  /** Next free host offset in the v4 subnet. */
  next: number;
}

interface SeededNetworks {
  byProject: Map<string, ProjectNetwork[]>;
  external: ProjectNetwork;
}

function seedNetworks(store: NetworkStore, random: Random, now: number, projects: string[], count: number): SeededNetworks {
  const created = now - 450 * day;
  const make = (name: string, projectId: string, v4cidr: string, v6cidr: string | undefined, extra: Partial<Network>, at: number): ProjectNetwork => {
    const network: Network = {
      id: random.uuid(),
      name,
      description: '',
      projectId,
      createdAt: at,
      updatedAt: at,
      revisionNumber: 1,
      tags: [],
      status: 'ACTIVE',
      adminStateUp: true,
      shared: false,
      external: false,
      mtu: 1450,
      portSecurityEnabled: true,
      availabilityZones: ['nova'],
      networkType: 'vxlan',
      ...extra,
    };
    store.networks.set(network.id, network);
    const subnet = (version: 4 | 6, cidr: string): Subnet => {
      const s: Subnet = {
        id: random.uuid(),
        name: `${name}-v${version}`,
        description: '',
        projectId,
        createdAt: at,
        updatedAt: at,
        revisionNumber: 0,
        tags: [],
        networkId: network.id,
        ipVersion: version,
        cidr,
        gatewayIp: version === 4 ? ipv4At(cidr, 1) : ipv6At(cidr, 1),
        allocationPools: version === 4 ? [{ start: ipv4At(cidr, 2), end: ipv4At(cidr, cidrSize(cidr) - 2) }] : [{ start: ipv6At(cidr, 2), end: `${cidr.split('/')[0]?.replace(/::$/, '')}:ffff:ffff:ffff:ffff` }],
        enableDhcp: true,
        dnsNameservers: version === 4 ? ['9.9.9.9'] : [],
        hostRoutes: [],
        ipv6AddressMode: version === 6 ? 'slaac' : null,
        ipv6RaMode: version === 6 ? 'slaac' : null,
        subnetpoolId: null,
      };
      store.subnets.set(s.id, s);
      return s;
    };
    const v4 = subnet(4, v4cidr);
    const v6 = v6cidr ? subnet(6, v6cidr) : undefined;
    // Every network with DHCP has Neutron's DHCP port, as a real one does.
    addPort(store, {
      id: random.uuid(),
      name: '',
      description: '',
      projectId,
      createdAt: at,
      updatedAt: at,
      revisionNumber: 2,
      tags: [],
      networkId: network.id,
      macAddress: macAddress(random.int(0, 0xffffff)),
      fixedIps: [{ subnetId: v4.id, ipAddress: ipv4At(v4cidr, 2) }],
      deviceId: `dhcp${random.hex(32)}-${network.id}`,
      deviceOwner: 'network:dhcp',
      status: 'ACTIVE',
      adminStateUp: true,
      securityGroups: [],
      bindingHostId: 'network-01',
    });
    return { network, v4, v6, next: 10 };
  };

  const external = make('public', projectIds.admin, '203.0.113.0/24', '2001:db8:ffff::/64', { shared: true, external: true, networkType: 'flat', mtu: 1500 }, created);
  const byProject = new Map<string, ProjectNetwork[]>();
  projects.forEach((projectId, p) => {
    byProject.set(projectId, [make('private', projectId, `10.${10 + p}.0.0/16`, `fd00:${(p + 1).toString(16)}::/64`, {}, created + p * 3600_000)]);
  });
  for (let i = 0; i < count - projects.length - 1; i++) {
    const projectId = random.pick(projects);
    const name = `${random.pick(networkRoles)}-${random.pick(envs)}-${String(i + 1).padStart(2, '0')}`;
    const cidr = `10.${100 + (i >> 8)}.${i & 255}.0/24`;
    const v6 = random.chance(0.5) ? `fd10:${i.toString(16)}::/64` : undefined;
    const pn = make(name, projectId, cidr, v6, { shared: random.chance(0.05) }, created + random.int(1, 400) * day);
    byProject.get(projectId)?.push(pn);
  }
  return { byProject, external };
}

function cidrSize(cidr: string): number {
  return 2 ** (32 - Number(cidr.split('/')[1]));
}

/** The states an operator meets, each given to one early demo server so that every demo shows them. */
type Scenario = 'active' | 'stopped' | 'error-never-launched' | 'error-after-launch' | 'verify-resize' | 'rescued' | 'paused' | 'suspended' | 'locked-owner' | 'locked-admin';
const showcase: Scenario[] = ['stopped', 'error-never-launched', 'error-after-launch', 'verify-resize', 'rescued', 'paused', 'suspended', 'locked-owner', 'locked-admin'];

function drawScenario(random: Random): Scenario {
  const r = random.next();
  if (r < 0.8) return 'active';
  if (r < 0.88) return 'stopped';
  if (r < 0.9) return 'error-after-launch';
  if (r < 0.91) return 'error-never-launched';
  if (r < 0.93) return 'paused';
  if (r < 0.95) return 'suspended';
  if (r < 0.96) return 'rescued';
  if (r < 0.97) return 'verify-resize';
  if (r < 0.99) return 'locked-owner';
  return 'locked-admin';
}

function seedServers(stores: Stores, random: Random, now: number, projects: string[], nets: SeededNetworks, images: Image[], count: number): void {
  const { compute, network } = stores;
  const flavorIds = [...compute.flavors.keys()];
  const userOf = (projectId: string): string => (projectId === projectIds.admin ? userIds.admin : userIds.demo);
  const nameCounts = new Map<string, number>();
  let portSeq = 0;
  let floatingSeq = 10;

  for (let i = 0; i < count; i++) {
    // The first servers go to the demo project in the showcase states; the rest spread out.
    const projectId = i < showcase.length ? projectIds.demo : (projects[i % projects.length] as string);
    const scenario = i < showcase.length ? (showcase[i] as Scenario) : drawScenario(random);
    const base = `${random.pick(roles)}-${random.pick(envs)}`;
    const n = (nameCounts.get(base) ?? 0) + 1;
    nameCounts.set(base, n);
    const createdAt = now - random.int(1, 400) * day - random.int(0, day - 1);
    const bootFromVolume = random.chance(0.1);
    const flavorId = random.pick(flavorIds);
    const neverLaunched = scenario === 'error-never-launched';
    const host = neverLaunched ? null : random.pick(computeHosts);
    const id = random.uuid();

    const server: Server = {
      id,
      name: `${base}-${String(n).padStart(2, '0')}`,
      projectId,
      userId: userOf(projectId),
      createdAt,
      updatedAt: createdAt + 120_000,
      launchedAt: neverLaunched ? null : createdAt + random.int(20, 90) * 1000,
      terminatedAt: null,
      deletedAt: null,
      vmState: 'active',
      taskState: null,
      powerState: PowerState.RUNNING,
      progress: 0,
      flavorId,
      oldFlavorId: null,
      imageId: bootFromVolume ? '' : random.pick(images).id,
      host,
      availabilityZone,
      keyName: random.chance(0.7) ? 'ops-key' : null,
      metadata: random.chance(0.3) ? { owner: random.pick(['platform', 'payments', 'search', 'data']) } : {},
      description: null,
      tags: [],
      locked: false,
      lockedBy: null,
      lockedReason: null,
      securityGroups: ['default'],
      volumesAttached: bootFromVolume ? [{ id: random.uuid(), deleteOnTermination: false }] : [],
      preservedPortIds: [],
      fault: null,
      accessIPv4: '',
      accessIPv6: '',
      configDrive: '',
      pendingSteps: [],
    };
    applyScenario(server, scenario, flavorIds, random);
    compute.servers.set(id, server);
    compute.actions.set(id, [createAction(server, random)]);

    if (neverLaunched) continue; // Nova never plugged a port for it: no addresses
    const own = nets.byProject.get(projectId) ?? [];
    const attached = own.length > 1 && random.chance(0.25) ? [own[0], random.pick(own.slice(1))] : [own[0]];
    for (const pn of attached) {
      if (!pn) continue;
      const v4 = ipv4At(pn.v4.cidr, pn.next);
      const fixedIps = [{ subnetId: pn.v4.id, ipAddress: v4 }];
      if (pn.v6) fixedIps.push({ subnetId: pn.v6.id, ipAddress: ipv6At(pn.v6.cidr, pn.next) });
      pn.next += 1;
      const port = {
        id: random.uuid(),
        name: '',
        description: '',
        projectId,
        createdAt: server.launchedAt ?? createdAt,
        updatedAt: server.launchedAt ?? createdAt,
        revisionNumber: 4,
        tags: [],
        networkId: pn.network.id,
        macAddress: macAddress(++portSeq),
        fixedIps,
        deviceId: id,
        deviceOwner: `compute:${server.availabilityZone}`,
        status: server.powerState === PowerState.RUNNING ? ('ACTIVE' as const) : ('DOWN' as const),
        adminStateUp: true,
        securityGroups: [],
        bindingHostId: host ?? '',
      };
      addPort(network, port);
      if (pn === attached[0] && random.chance(0.2) && floatingSeq < 250) {
        const fip = {
          id: random.uuid(),
          name: '',
          description: '',
          projectId,
          createdAt: port.createdAt,
          updatedAt: port.createdAt,
          revisionNumber: 1,
          tags: [],
          floatingIpAddress: ipv4At(nets.external.v4.cidr, floatingSeq++),
          floatingNetworkId: nets.external.network.id,
          portId: port.id,
          fixedIpAddress: v4,
          status: 'ACTIVE' as const,
        };
        network.floatingIps.set(fip.id, fip);
      }
    }
  }
}

function applyScenario(server: Server, scenario: Scenario, flavorIds: string[], random: Random): void {
  const set = (vmState: VmState, powerState: Server['powerState']) => {
    server.vmState = vmState;
    server.powerState = powerState;
  };
  switch (scenario) {
    case 'active':
      return;
    case 'stopped':
      return set('stopped', PowerState.SHUTDOWN);
    case 'paused':
      return set('paused', PowerState.PAUSED);
    case 'suspended':
      return set('suspended', PowerState.SUSPENDED);
    case 'rescued':
      return set('rescued', PowerState.RUNNING);
    case 'verify-resize':
      server.oldFlavorId = server.flavorId;
      server.flavorId = random.pick(flavorIds.filter((f) => f !== server.flavorId));
      return set('resized', PowerState.RUNNING);
    case 'error-never-launched':
      set('error', PowerState.NOSTATE);
      server.fault = { code: 500, message: 'No valid host was found. There are not enough hosts available.', created: server.createdAt + 30_000 };
      return;
    case 'error-after-launch':
      set('error', PowerState.SHUTDOWN);
      server.fault = {
        code: 500,
        message: 'Instance failed to spawn: libvirtError: internal error: qemu unexpectedly closed the monitor',
        details: 'Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/nova/compute/manager.py", line 2637, in _build_resources\n    yield resources\nlibvirt.libvirtError: internal error: qemu unexpectedly closed the monitor',
        created: (server.launchedAt ?? server.createdAt) + random.int(1, 30) * day,
      };
      return;
    case 'locked-owner':
      server.locked = true;
      server.lockedBy = 'owner';
      server.lockedReason = random.pick(['Production database: do not touch', 'Change freeze until Friday', null]);
      return;
    case 'locked-admin':
      server.locked = true;
      server.lockedBy = 'admin';
      server.lockedReason = 'Locked by the operations team during an incident';
      return;
  }
}

function createAction(server: Server, random: Random): InstanceAction {
  const failed = server.vmState === 'error' && server.launchedAt === null;
  const start = server.createdAt;
  const finish = start + random.int(15, 90) * 1000;
  return {
    requestId: `req-${random.uuid()}`,
    serverId: server.id,
    action: 'create',
    userId: server.userId,
    projectId: server.projectId,
    startTime: start,
    updatedAt: finish,
    message: failed ? 'Error' : null,
    events: [
      {
        event: 'compute__do_build_and_run_instance',
        startTime: start + 2000,
        finishTime: finish,
        result: failed ? 'Error' : 'Success',
        traceback: failed ? 'nova.exception.NoValidHost: No valid host was found.' : null,
        host: server.host,
        details: null,
      },
    ],
  };
}
