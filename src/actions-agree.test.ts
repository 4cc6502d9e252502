import { describe, expect, it } from 'vitest';
import { type ActionId, actionIds, refusal, type Viewer } from './domain/compute';
import { taskStates, vmStates } from './domain/compute/states';
import { type GuardedAction, novaWouldAccept, type ServerForVerdict } from './simulator/core/compute/actions/guard-table';

/**
 * Two readings of Nova's checks, written apart on purpose (architecture.md, "Simulator"): the
 * BFF's action table in domain/compute and the simulator's decorators. Every combination the
 * simulator can produce must get the same yes or no from both; one wrong row cannot pass.
 */
const simulatorAction: Record<ActionId, GuardedAction> = {
  reboot: 'rebootSoft',
  'hard-reboot': 'rebootHard',
  stop: 'stop',
  start: 'start',
  pause: 'pause',
  unpause: 'unpause',
  suspend: 'suspend',
  resume: 'resume',
  rescue: 'rescue',
  unrescue: 'unrescue',
  resize: 'resize',
  'confirm-resize': 'confirmResize',
  'revert-resize': 'revertResize',
  lock: 'lock',
  unlock: 'unlock',
  snapshot: 'createImage',
  rebuild: 'rebuild',
};

const callers = [
  { name: 'member', roles: ['member', 'reader'], isAdmin: false },
  { name: 'admin', roles: ['admin', 'member', 'reader'], isAdmin: true },
  { name: 'reader', roles: ['reader'], isAdmin: false },
] as const;

const project = 'p1';

describe('the BFF’s action table agrees with the simulator’s reading of Nova', () => {
  it('for every action × vm_state × task_state × lock × launched × host × role', () => {
    const disagreements: string[] = [];
    let cases = 0;
    for (const vmState of vmStates) {
      for (const taskState of [null, ...taskStates]) {
        for (const locked of [false, true]) {
          for (const launched of [true, false]) {
            for (const host of ['compute-01', null]) {
              for (const caller of callers) {
                const server: ServerForVerdict = {
                  id: 'srv',
                  vmState,
                  taskState,
                  locked,
                  // The owner's lock: an admin's is invisible to the BFF, as it is in Nova's API.
                  lockedBy: locked ? 'owner' : null,
                  launchedAt: launched ? 1 : null,
                  host,
                  projectId: project,
                };
                const viewer: Viewer = { isAdmin: caller.isAdmin, readOnly: caller.name === 'reader', policy: 'new-defaults' };
                for (const action of actionIds) {
                  // The UI offers lock only when unlocked and unlock only when locked; Nova takes both always.
                  if ((action === 'lock' && locked) || (action === 'unlock' && !locked)) continue;
                  cases += 1;
                  const ours = refusal(action, { vmState, taskState, locked, launched, hasHost: host !== null }, viewer) === undefined;
                  const nova = novaWouldAccept(simulatorAction[action], server, { isAdmin: caller.isAdmin, projectId: project, roles: caller.roles }).ok;
                  if (ours !== nova) disagreements.push(`${action} ${vmState}/${taskState ?? 'None'} locked=${locked} launched=${launched} host=${host} ${caller.name}: ours ${ours}, Nova ${nova}`);
                }
              }
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(50_000);
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
