// A server's life on both sides: POST /servers (its answer, the build's states, its addresses and
// its instance action), then DELETE (the states to 404, its ports in Neutron, a second DELETE);
// and the create requests Nova refuses, each answer side by side.
import { type BootChoices, bootChoices, deleteServers, postServer, serverRequest, testServerName } from '../test-servers';
import type { KnownDifference } from './known-differences';
import { shapeOf } from './normalise';
import { createKey, deleteKey } from './observed';
import { type CheckResult, failed, judge } from './report';
import type { Check } from './request-checks';
import { sequenceAspects, type ServerState } from './sequence';
import { answerOf, answerShape, dynamicKeys } from './shapes';
import type { Side } from './sides';
import { type NovaServer, read, show, stateOf, version, watch } from './watch';

const noSuchId = '00000000-0000-4000-8000-000000000000';

/** A build ends when the server leaves `building` with no task (ACTIVE, or ERROR). */
const built = (s: NovaServer | undefined) => s !== undefined && s['OS-EXT-STS:vm_state'] !== 'building' && s['OS-EXT-STS:task_state'] === null;

const hasAddresses = (s: NovaServer | undefined) => Object.keys(s?.addresses ?? {}).length > 0;

/**
 * Where addresses show during a build. Nova allocates the ports while spawning and writes its
 * network info cache when the allocation ends, racing the end of the spawn; so only the states
 * before networking (none yet) and the end (the addresses' shape) are compared.
 */
export function buildAddresses(seen: ReadonlyArray<NovaServer | undefined>) {
  const early = seen.filter((s) => s?.['OS-EXT-STS:vm_state'] === 'building' && (s['OS-EXT-STS:task_state'] === 'scheduling' || s['OS-EXT-STS:task_state'] === null));
  return { beforeNetworking: early.some(hasAddresses), atEnd: shapeOf(seen.at(-1)?.addresses ?? null, new Set(dynamicKeys), 'addresses') };
}

interface ActionEvent {
  event: string;
  result: string | null;
}
interface InstanceAction {
  action: string;
  message: string | null;
  events?: ActionEvent[];
}

/**
 * The server's instance actions as the test user sees them: names, the newest one's events and
 * the fields of both. Nova finishes an event just after the state it leads to is saved, so the
 * real cloud is read again until every event has its result.
 */
async function instanceActions(side: Side, id: string) {
  const list = await side.nova(`/servers/${id}/os-instance-actions`, { version });
  const actions = (list.body as { instanceActions?: Array<InstanceAction & { request_id: string }> }).instanceActions ?? [];
  const newest = actions[0];
  if (!newest) return { status: list.status, actions: [] };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const detail = (await side.nova(`/servers/${id}/os-instance-actions/${newest.request_id}`, { version })).body as { instanceAction?: InstanceAction };
    const events = detail.instanceAction?.events ?? [];
    if (events.every((e) => e.result !== null) || Date.now() > deadline) {
      return {
        status: list.status,
        actions: actions.map((a) => a.action),
        fields: shapeOf(newest),
        newest: { action: detail.instanceAction?.action, message: detail.instanceAction?.message, events: events.map((e) => `${e.event}: ${e.result}`) },
        detailFields: shapeOf(detail.instanceAction),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const portsOf = async (side: Side, id: string) => {
  const ports = ((await side.call('network', `/ports?device_id=${id}`)).body as { ports?: Array<{ device_owner: string; status: string }> }).ports ?? [];
  return ports.map((p) => ({ device_owner: p.device_owner, status: p.status }));
};

interface Life {
  created: { answer: unknown; location: boolean; states: ServerState[]; powerState: number; addresses: unknown; actions: unknown };
  deleted: { answer: unknown; key: string; states: ServerState[]; ports: { before: unknown; after: unknown }; again: unknown };
}

/** Creates a server, watches it build, deletes it and watches it go; `made` gets its id at once. */
async function live(side: Side, choices: BootChoices, name: string, made: string[]): Promise<Life> {
  const reply = await postServer(side.client, serverRequest(choices, name), version);
  const id = reply.body.server?.id;
  if (!id) throw new Error(`${side.name}: POST /servers answered ${reply.status}`);
  made.push(id);
  const building = await watch(side, id, built, 'create');
  const end = building.at(-1);
  const created = {
    answer: answerOf(reply),
    location: reply.headers.get('location') === (reply.body.server as { links?: Array<{ href: string }> }).links?.[0]?.href,
    states: building.map(stateOf),
    powerState: end?.['OS-EXT-STS:power_state'] ?? -1,
    addresses: buildAddresses(building),
    actions: await instanceActions(side, id),
  };
  const first = await show(side, id);
  const before = await portsOf(side, id);
  const removed = await side.nova(`/servers/${id}`, { method: 'DELETE', version });
  const going = await watch(side, id, (s) => s === undefined, 'delete');
  const deleted = {
    answer: answerOf(removed),
    key: deleteKey(first.status, first['OS-EXT-STS:power_state']),
    states: [first, ...going].map(stateOf),
    ports: { before, after: await portsOf(side, id) },
    again: answerOf(await side.nova(`/servers/${id}`, { method: 'DELETE', version })),
  };
  if ((await read(side, id)) !== undefined) throw new Error(`${side.name}: ${id} is back after its DELETE`);
  return { created, deleted };
}

/** Runs one server's life on both sides; whatever was made is deleted, also when a check fails. */
export async function runLifecycleChecks(real: Side, sim: Side, known: ReadonlyMap<string, KnownDifference>, notified: ReadonlyMap<string, ServerState[]>): Promise<CheckResult[]> {
  const name = testServerName('diff-life');
  const made: Record<'real' | 'sim', string[]> = { real: [], sim: [] };
  const results: CheckResult[] = [];
  const check = (id: string, a: unknown, b: unknown) => results.push(judge(id, a, b, known));
  try {
    const [realChoices, simChoices] = await Promise.all([bootChoices(real.client), bootChoices(sim.client)]);
    const [a, b] = await Promise.all([live(real, realChoices, name, made.real), live(sim, simChoices, name, made.sim)]);
    check('nova.create.answer', { ...(a.created.answer as object), location: a.created.location }, { ...(b.created.answer as object), location: b.created.location });
    for (const [aspect, x, y] of sequenceAspects(a.created.states, b.created.states, notified.get(createKey))) check(`nova.create.${aspect}`, x, y);
    check('nova.create.power_state', a.created.powerState, b.created.powerState);
    check('nova.create.addresses', a.created.addresses, b.created.addresses);
    check('nova.create.instance-actions', a.created.actions, b.created.actions);
    check('nova.delete.answer', a.deleted.answer, b.deleted.answer);
    for (const [aspect, x, y] of sequenceAspects(a.deleted.states, b.deleted.states, notified.get(a.deleted.key))) check(`nova.delete.${aspect}`, x, y);
    check('neutron.delete.ports', a.deleted.ports, b.deleted.ports);
    check('nova.delete.again', a.deleted.again, b.deleted.again);
  } catch (error) {
    results.push(failed('nova.create', error));
  } finally {
    await Promise.allSettled([deleteServers(real.client, made.real), deleteServers(sim.client, made.sim)]);
  }
  return results;
}

/** One name for every refused create, so that Nova's echo of the body reads the same on both sides. */
const refusedName = testServerName('diff-refused');

const choicesBySide = new Map<Side, Promise<BootChoices>>();
const choicesOf = (side: Side) => {
  const found = choicesBySide.get(side) ?? bootChoices(side.client);
  choicesBySide.set(side, found);
  return found;
};

/**
 * A create Nova refuses, from `server`'s fields. A server the cloud makes after all is deleted at
 * once, and its 202 is the difference reported.
 */
const refusal = (id: string, server: (c: BootChoices) => Record<string, unknown>, mv = version): Check => ({
  id: `nova.create.${id}`,
  run: async (side) => {
    const reply = await postServer(side.client, { server: server(await choicesOf(side)) }, mv);
    if (reply.body.server) await deleteServers(side.client, [reply.body.server.id]);
    return answerShape(reply);
  },
});

/**
 * Bodies the schema refuses name no image or flavor of either cloud, whose ids Nova would echo;
 * the others boot the side's own image on its own flavor with no network, but for what is wrong.
 */
const unchecked = { imageRef: noSuchId, flavorRef: noSuchId, networks: 'none' };
const bootable = (c: BootChoices) => ({ name: refusedName, imageRef: c.image.id, flavorRef: c.flavors[0]?.id, networks: 'none' });

export const createRefusals: Check[] = [
  refusal('flavor-unknown', (c) => ({ ...bootable(c), flavorRef: 'no-such-flavor' })),
  refusal('image-unknown', (c) => ({ ...bootable(c), imageRef: noSuchId })),
  refusal('network-unknown', (c) => ({ ...bootable(c), networks: [{ uuid: noSuchId }] })),
  refusal('networks-word', () => ({ name: refusedName, ...unchecked, networks: 'bogus' })),
  refusal('network-uuid-malformed', () => ({ name: refusedName, ...unchecked, networks: [{ uuid: 'abc' }] })),
  refusal('name-missing', () => unchecked),
  refusal('flavor-missing', () => ({ name: refusedName, imageRef: noSuchId, networks: 'none' })),
  refusal('networks-missing@2.37', () => ({ name: refusedName, imageRef: noSuchId, flavorRef: noSuchId }), '2.37'),
  refusal('networks-missing@2.93', () => ({ name: refusedName, imageRef: noSuchId, flavorRef: noSuchId })),
];
