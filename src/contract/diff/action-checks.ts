// Server actions on servers the check creates on both sides, step by step in the same order:
// each answer (status and body), the states each task goes through, and where it ends.
import type { ActionId } from '../../domain/compute';
import { novaActionBody } from '../../domain/compute/server-actions';
import type { Reply } from '../target';
import { type BootChoices, bootChoices, createActiveServers, deleteServers, testServerName } from '../test-servers';
import type { KnownDifference } from './known-differences';
import { type CheckResult, failed, judge } from './report';
import { observationKey } from './observed';
import { sequenceAspects, type ServerState } from './sequence';
import { answerOf, dynamicKeys, fieldsShape } from './shapes';
import type { Side } from './sides';
import { type NovaServer, show, stateOf, version, watch } from './watch';

interface Step {
  /** The check id's middle part: `nova.action.<id>.<aspect>`. */
  id: string;
  action: ActionId;
  /** For resize: the index into the side's boot flavors. */
  flavor?: number;
  /** Not allowed in this state: only the answer is compared. */
  refused?: boolean;
  /** For rebuild: an image no cloud has. */
  unknownImage?: boolean;
}

const noSuchImage = '00000000-0000-4000-8000-000000000000';

const refused = (state: string, ...actions: ActionId[]): Step[] => actions.map((action) => ({ id: `${action}.${state}.refused`, action, refused: true }));

/** Two servers per side, each with its own chain, run side by side. */
const chains: Step[][] = [
  [
    { id: 'reboot', action: 'reboot' },
    { id: 'hard-reboot', action: 'hard-reboot' },
    { id: 'stop', action: 'stop' },
    ...refused('shutoff', 'reboot', 'pause', 'suspend', 'stop', 'unrescue'),
    { id: 'rescue.shutoff', action: 'rescue' },
    { id: 'unrescue.from-shutoff', action: 'unrescue' },
    ...refused('active', 'start', 'unpause', 'resume', 'unrescue', 'confirm-resize', 'revert-resize'),
    { id: 'resize.same-flavor.refused', action: 'resize', flavor: 0, refused: true },
    { id: 'rebuild', action: 'rebuild' },
    { id: 'rebuild.image-unknown.refused', action: 'rebuild', unknownImage: true, refused: true },
    { id: 'pause', action: 'pause' },
    ...refused('paused', 'suspend', 'pause', 'rescue', 'rebuild'),
    { id: 'resize.paused.refused', action: 'resize', flavor: 1, refused: true },
    { id: 'unpause', action: 'unpause' },
    { id: 'suspend', action: 'suspend' },
    ...refused('suspended', 'pause', 'stop', 'rebuild'),
    { id: 'resume', action: 'resume' },
    { id: 'rescue', action: 'rescue' },
    ...refused('rescued', 'reboot', 'stop', 'rescue', 'snapshot', 'rebuild'),
    { id: 'unrescue', action: 'unrescue' },
    { id: 'lock', action: 'lock' },
    { id: 'lock.locked', action: 'lock' },
    ...refused('locked', 'stop', 'reboot', 'rescue', 'rebuild'),
    { id: 'unlock', action: 'unlock' },
    { id: 'unlock.unlocked', action: 'unlock' },
    { id: 'snapshot', action: 'snapshot' },
  ],
  [
    { id: 'resize', action: 'resize', flavor: 1 },
    ...refused('verify-resize', 'hard-reboot', 'stop', 'snapshot', 'rebuild'),
    { id: 'resize.verify-resize.refused', action: 'resize', flavor: 2, refused: true },
    { id: 'confirm-resize', action: 'confirm-resize' },
    { id: 'resize.again', action: 'resize', flavor: 2 },
    { id: 'revert-resize', action: 'revert-resize' },
    { id: 'stop.before-resize', action: 'stop' },
    { id: 'rebuild.shutoff', action: 'rebuild' },
    { id: 'resize.shutoff', action: 'resize', flavor: 2 },
    { id: 'confirm-resize.shutoff', action: 'confirm-resize' },
    { id: 'start', action: 'start' },
  ],
];

/**
 * What an action's task ends on: no task_state; for confirmResize (no task_state at all) a
 * vm_state past `resized`; for a rebuild of a stopped server, stopped again (it passes through
 * active with no task before Nova powers it off).
 */
export const settled = (action: ActionId, from: NovaServer) => (s: NovaServer | undefined) => {
  if (s?.['OS-EXT-STS:task_state'] !== null) return false;
  if (action === 'confirm-resize') return s['OS-EXT-STS:vm_state'] !== 'resized';
  if (action === 'rebuild' && from['OS-EXT-STS:vm_state'] === 'stopped') return s['OS-EXT-STS:vm_state'] === 'stopped';
  return true;
};

interface StepOutcome {
  answer: unknown;
  body: Record<string, unknown>;
  /** The observation of this action from this state, in `observe`'s record. */
  key: string;
  /** The states seen, the one before the action first: polled (real), or every one (simulator). */
  states: ServerState[];
  powerState: number;
}

async function runStep(side: Side, id: string, step: Step, body: Record<string, unknown>): Promise<StepOutcome> {
  const first = await show(side, id);
  const reply = await side.nova(`/servers/${id}/action`, { method: 'POST', body, version });
  const answer = answerOf(reply);
  const replied = reply.body && typeof reply.body === 'object' ? (reply.body as Record<string, unknown>) : {};
  const outcome = (seen: Array<NovaServer | undefined>) => {
    const end = seen.at(-1) ?? first;
    return { answer, body: replied, key: observationKey(body, first.status, first['OS-EXT-STS:power_state']), states: [first, ...seen].map(stateOf), powerState: end['OS-EXT-STS:power_state'] };
  };
  if (reply.status >= 400 || step.refused) return outcome([await show(side, id)]);
  return outcome(await watch(side, id, settled(step.action, first), step.id));
}

type Record3 = (id: string, real: unknown, sim: unknown) => void;

/** A fresh ACTIVE server's fields and their types, at the oldest and the real cloud's newest microversion. */
async function fieldChecks(real: Side, sim: Side, ids: [string, string], name: string, check: Record3): Promise<void> {
  for (const v of ['2.1', version]) {
    const [a, b] = await Promise.all([real.nova(`/servers/${ids[0]}`, { version: v }), sim.nova(`/servers/${ids[1]}`, { version: v })]);
    check(`nova.server.fields@${v}`, fieldsShape(a, 'server', dynamicKeys), fieldsShape(b, 'server', dynamicKeys));
  }
  const query = `/servers/detail?name=${encodeURIComponent(`^${name}$`)}`;
  const [a, b] = await Promise.all([real.nova(query, { version }), sim.nova(query, { version })]);
  const first = (reply: Reply<unknown>) => ({ ...reply, body: { server: (reply.body as { servers?: unknown[] }).servers?.[0] } });
  check(`nova.servers.detail.fields@${version}`, fieldsShape(first(a), 'server', dynamicKeys), fieldsShape(first(b), 'server', dynamicKeys));
}

/** The image a snapshot left in Glance, once its task has ended. */
async function snapshotCheck(images: ReadonlyArray<[Side, string]>, check: Record3): Promise<void> {
  const image = async (name: Side['name']) => {
    const found = images.find(([side]) => side.name === name);
    if (!found) return 'no snapshot';
    const reply = await found[0].call('image', `/images/${found[1]}`);
    const body = reply.body as Record<string, unknown>;
    return { status: body.status, image_type: body.image_type, instance_uuid: typeof body.instance_uuid };
  };
  check('glance.snapshot.image', await image('real'), await image('sim'));
}

/** Runs every chain on fresh servers on both sides and deletes them, and their snapshots, after. */
export async function runActionChecks(real: Side, sim: Side, known: ReadonlyMap<string, KnownDifference>, notified: ReadonlyMap<string, ServerState[]>): Promise<CheckResult[]> {
  const [realChoices, simChoices] = await Promise.all([bootChoices(real.client), bootChoices(sim.client)]);
  const names = chains.map((_, i) => testServerName(`diff-${i}`));
  const created: Record<'real' | 'sim', string[]> = { real: [], sim: [] };
  const images: Array<[Side, string]> = [];
  const results: CheckResult[] = [];
  const check = (id: string, a: unknown, b: unknown) => results.push(judge(id, a, b, known));
  try {
    const [realIds, simIds] = await Promise.all([
      createActiveServers(real.client, realChoices, names).then((ids) => (created.real = ids)),
      createActiveServers(sim.client, simChoices, names).then((ids) => (created.sim = ids)),
    ]);
    await fieldChecks(real, sim, [realIds[0] as string, simIds[0] as string], names[0] as string, check);
    await Promise.all(
      chains.map(async (chain, c) => {
        for (const step of chain) {
          const prefix = `nova.action.${step.id}`;
          const bodyFor = (choices: BootChoices) => {
            const imageId = step.action === 'rebuild' ? (step.unknownImage ? noSuchImage : choices.image.id) : undefined;
            return novaActionBody(step.action, { flavorId: choices.flavors[step.flavor ?? 0]?.id, imageId, name: `${names[c]}-snap`, reason: 'stackdeck differential check' }, () => true);
          };
          try {
            const realBody = bodyFor(realChoices);
            const [a, b] = await Promise.all([runStep(real, realIds[c] as string, step, realBody), runStep(sim, simIds[c] as string, step, bodyFor(simChoices))]);
            for (const [side, outcome] of [[real, a], [sim, b]] as const) {
              if (typeof outcome.body.image_id === 'string') images.push([side, outcome.body.image_id]);
            }
            check(`${prefix}.answer`, a.answer, b.answer);
            if (step.refused) continue;
            for (const [aspect, x, y] of sequenceAspects(a.states, b.states, notified.get(a.key))) check(`${prefix}.${aspect}`, x, y);
            check(`${prefix}.power_state`, a.powerState, b.powerState);
          } catch (error) {
            results.push(failed(`${prefix}`, error));
          }
        }
      }),
    );
    await snapshotCheck(images, check);
  } finally {
    await Promise.allSettled([deleteServers(real.client, created.real), deleteServers(sim.client, created.sim), ...images.map(([side, id]) => side.call('image', `/images/${id}`, { method: 'DELETE' }))]);
  }
  return results;
}
