import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../core/identity/totp';
import { demoApplicationCredential, mfaTotpSecret, projectIds, userIds } from '../core/seed';
import { startSimulatorProcess, type SimulatorProcess } from '../testing/simulator-process';
import { connectNova, type NovaApi, type NovaFlavor, type NovaServer } from './nova-api';
import { assertOpenstackInstalled, createOpenstackCli, type OpenstackCli } from './openstack';

/**
 * Debian's python3-openstackclient against `npm run simulator`, unchanged, as a user would run it.
 * Each call costs about 2 s of Python start-up, so the tests run concurrently (two clients at a
 * time) and each works on servers of its own; Nova's `fast` profile ends every task in seconds.
 */
const slow = 120_000;

let simulator: SimulatorProcess | undefined;
let openstack: OpenstackCli;
let nova: NovaApi;
let demoEnvironment: Record<string, string>;
/** Active, unlocked servers of the demo project, one per test that changes a server. */
let servers: NovaServer[];
let flavors: NovaFlavor[];
/** Why the set-up failed: every test then fails with it (a failing beforeAll would mark them skipped). */
let setupError: unknown;

beforeAll(async () => {
  try {
    await assertOpenstackInstalled();
    simulator = await startSimulatorProcess(['--servers', '60', '--networks', '8', '--projects', '3', '--seed', '7', '--profile', 'fast']);
    const [demo] = simulator.environments;
    if (demo?.OS_USERNAME !== 'demo') throw new Error('The first printed block is not demo’s');
    demoEnvironment = demo;
    openstack = await createOpenstackCli(demo);
    nova = await connectNova(demo);
    servers = (await nova.servers()).filter((s) => s.status === 'ACTIVE' && !s.locked && s['OS-EXT-STS:task_state'] === null);
    flavors = await nova.flavors();
  } catch (error) {
    setupError = error;
  }
}, 60_000);

beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  await openstack?.dispose();
  await simulator?.stop();
});

/** Takes a server no other test uses, the first that passes `test`. */
function claimServer(test: (server: NovaServer) => boolean = () => true): NovaServer {
  const index = servers.findIndex(test);
  const [server] = index < 0 ? [] : servers.splice(index, 1);
  if (!server) throw new Error('The seed has too few active, unlocked servers for the suite');
  return server;
}

/**
 * The smallest other flavor Nova lets the server move to: no smaller disk (Nova refuses to shrink
 * one), and as few added cores and as little RAM as can be, since Nova checks quota for what a
 * resize adds.
 */
function resizeTarget(server: NovaServer): NovaFlavor | undefined {
  const { original_name: name, disk } = server.flavor;
  return flavors
    .filter((f) => f.name !== name && f.disk >= disk)
    .sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram)
    .at(0);
}

function claimResizable(): { server: NovaServer; flavor: NovaFlavor } {
  const server = claimServer((candidate) => resizeTarget(candidate) !== undefined);
  return { server, flavor: resizeTarget(server) as NovaFlavor };
}

describe.concurrent('openstack CLI against npm run simulator', () => {
  describe('Keystone', () => {
    it('token issue', async () => {
      const token = await openstack.json<Record<string, string>>(['token', 'issue']);
      expect(token).toMatchObject({ project_id: projectIds.demo, user_id: userIds.demo });
      expect(token.id).toMatch(/^gAAAAA/);
    }, slow);

    it('project list (a 403 on /v3/projects, then /v3/users/{id}/projects)', async () => {
      const projects = await openstack.json<{ Name: string }[]>(['project', 'list']);
      expect(projects.map((p) => p.Name)).toEqual(['demo', 'demo-staging', 'demo-archive']);
    }, slow);

    it('catalog list', async () => {
      const catalog = await openstack.json<{ Type: string; Endpoints: { region: string }[] }[]>(['catalog', 'list']);
      expect(catalog.map((s) => s.Type).sort()).toEqual(['compute', 'identity', 'image', 'network']);
      for (const service of catalog) expect(new Set(service.Endpoints.map((e) => e.region))).toEqual(new Set(['RegionOne', 'RegionTwo']));
    }, slow);

    it('token issue with an application credential', async () => {
      const environment = {
        ...withoutPasswordLogin(),
        OS_AUTH_URL: demoEnvironment.OS_AUTH_URL,
        OS_IDENTITY_API_VERSION: '3',
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: demoApplicationCredential.id,
        OS_APPLICATION_CREDENTIAL_SECRET: demoApplicationCredential.secret,
      };
      const token = await openstack.json<Record<string, string>>(['token', 'issue'], { environment });
      expect(token).toMatchObject({ project_id: projectIds.demo, user_id: userIds.demo });
    }, slow);

    it('token issue as a TOTP user: keystoneauth reads the receipt, then passes with both methods', async () => {
      const passwordOnly = await openstack.run(['token', 'issue'], { environment: { OS_USERNAME: 'mfa', OS_PASSWORD: 'mfa' } });
      expect(passwordOnly.code).toBe(1);
      expect(passwordOnly.stderr).toContain("Not all required auth rules were satisfied: [['password', 'totp']]");

      // The client's --os-auth-methods flag splits its value into letters; clouds.yaml takes a list.
      // The code is written once this call's turn comes: a code waits a minute at most.
      const writeCloud = async () =>
        openstack.writeCloudsYaml(
          [
            'clouds:',
            '  mfa:',
            '    auth_type: v3multifactor',
            '    auth_methods: [v3password, v3totp]',
            '    identity_api_version: 3',
            '    auth:',
            `      auth_url: ${demoEnvironment.OS_AUTH_URL}`,
            '      username: mfa',
            '      password: mfa',
            '      user_domain_name: Default',
            '      project_name: demo',
            '      project_domain_name: Default',
            `      passcode: "${await totpCode(mfaTotpSecret, Date.now())}"`,
          ].join('\n'),
        );
      const environment = { ...withoutPasswordLogin(), OS_CLOUD: 'mfa' };
      const token = await openstack.json<Record<string, string>>(['token', 'issue'], { environment, prepare: writeCloud });
      expect(token).toMatchObject({ project_id: projectIds.demo, user_id: userIds.mfa });
    }, slow);
  });

  describe('Nova', () => {
    it('server list --limit 5', async () => {
      const listed = await openstack.json<Record<string, unknown>[]>(['server', 'list', '--limit', '5']);
      expect(listed).toHaveLength(5);
      for (const row of listed) expect(Object.keys(row)).toEqual(['ID', 'Name', 'Status', 'Networks', 'Image', 'Flavor']);
    }, slow);

    it('server list --name web', async () => {
      const listed = await openstack.json<{ Name: string }[]>(['server', 'list', '--name', 'web']);
      expect(listed.length).toBeGreaterThan(0);
      for (const row of listed) expect(row.Name).toMatch(/web/);
    }, slow);

    it('server show', async () => {
      const server = claimServer();
      const flavor = flavors.find((f) => f.name === server.flavor.original_name);
      const shown = await openstack.json<Record<string, unknown>>(['server', 'show', server.id]);
      expect(shown).toMatchObject({ id: server.id, name: server.name, status: 'ACTIVE', flavor: `${flavor?.name} (${flavor?.id})` });
    }, slow);

    it('server reboot --hard --wait, then server event list', async () => {
      const server = claimServer();
      await openstack.ok(['server', 'reboot', '--hard', '--wait', server.id]);
      expect((await nova.server(server.id)).status).toBe('ACTIVE');
      const events = await openstack.json<{ Action: string }[]>(['server', 'event', 'list', server.id]);
      expect(events[0]?.Action).toBe('reboot');
    }, slow);

    it('server stop, then server start', async () => {
      const server = claimServer();
      await openstack.ok(['server', 'stop', server.id]);
      await nova.waitFor(server.id, 'SHUTOFF');
      await openstack.ok(['server', 'start', server.id]);
      await nova.waitFor(server.id, 'ACTIVE');
    }, slow);

    it('server rescue, then server unrescue', async () => {
      const server = claimServer();
      await openstack.ok(['server', 'rescue', server.id]);
      await nova.waitFor(server.id, 'RESCUE');
      await openstack.ok(['server', 'unrescue', server.id]);
      await nova.waitFor(server.id, 'ACTIVE');
    }, slow);

    it('server resize --flavor --wait, then server resize confirm', async () => {
      const { server, flavor } = claimResizable();
      await openstack.ok(['server', 'resize', '--flavor', flavor.name, '--wait', server.id]);
      expect((await nova.server(server.id)).status).toBe('VERIFY_RESIZE');
      await openstack.ok(['server', 'resize', 'confirm', server.id]);
      expect((await nova.waitFor(server.id, 'ACTIVE')).flavor.original_name).toBe(flavor.name);
    }, slow);

    it('server resize --flavor --wait, then server resize revert', async () => {
      const { server, flavor } = claimResizable();
      await openstack.ok(['server', 'resize', '--flavor', flavor.name, '--wait', server.id]);
      await openstack.ok(['server', 'resize', 'revert', server.id]);
      expect((await nova.waitFor(server.id, 'ACTIVE')).flavor.original_name).toBe(server.flavor.original_name);
    }, slow);

    it('server lock and unlock; server unpause of an active server prints Nova’s 409', async () => {
      const server = claimServer();
      await openstack.ok(['server', 'lock', server.id]);
      expect((await nova.server(server.id)).locked).toBe(true);
      await openstack.ok(['server', 'unlock', server.id]);
      expect((await nova.server(server.id)).locked).toBe(false);

      const refused = await openstack.run(['server', 'unpause', server.id]);
      expect(refused.code).toBe(1);
      // openstacksdk's wording around Nova's message, as against a real cloud.
      expect(refused.stderr).toMatch(/^ConflictException: 409: Client Error for url: .*\/action, /);
      expect(refused.stderr).toContain(`Cannot 'unpause' instance ${server.id} while it is in vm_state active`);
    }, slow);
  });

  describe('Neutron and Glance', () => {
    it('network list, subnet list, port list --network', async () => {
      const networks = await openstack.json<{ ID: string; Name: string; Subnets: string[] }[]>(['network', 'list']);
      expect(networks.map((n) => n.Name)).toEqual(expect.arrayContaining(['public', 'private']));
      const subnets = await openstack.json<{ ID: string; Network: string }[]>(['subnet', 'list']);
      expect(subnets.length).toBeGreaterThan(0);
      const networkIds = new Set(networks.map((n) => n.ID));
      for (const subnet of subnets) expect(networkIds).toContain(subnet.Network);

      const privateNetwork = networks.find((n) => n.Name === 'private');
      const ports = await openstack.json<{ 'Fixed IP Addresses': { subnet_id: string }[] }[]>(
        ['port', 'list', '--network', String(privateNetwork?.ID)],
      );
      expect(ports.length).toBeGreaterThan(0);
      for (const port of ports) {
        for (const ip of port['Fixed IP Addresses']) expect(privateNetwork?.Subnets).toContain(ip.subnet_id);
      }
    }, slow);

    it('image list', async () => {
      const images = await openstack.json<{ Name: string; Status: string }[]>(['image', 'list']);
      expect(images.map((i) => i.Name)).toEqual(expect.arrayContaining(['cirros-0.6.2-x86_64']));
    }, slow);
  });
});

/** Removes the printed password login's variables, for a call that signs in another way. */
function withoutPasswordLogin(): Record<string, undefined> {
  return Object.fromEntries(Object.keys(demoEnvironment).map((name) => [name, undefined]));
}
