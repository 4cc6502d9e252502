/** reboot, os-stop, os-start, pause, unpause, suspend, resume: a guard, then a task. */
import type { Server } from '../model';
import { accepted, type ActionContext, type ActionResult } from './context';
import { admit, type GuardedAction } from './guard-table';
import { actionSchema } from './parameter-types';
import { taskPlans, type TaskPlan } from './plans';
import type { Schema } from './schema';
import { startTask } from './tasks';

export const rebootSchema: Schema = actionSchema('reboot', {
  type: 'object',
  properties: { type: { type: 'string', enum: ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft'] } },
  required: ['type'],
  additionalProperties: false,
});

export function reboot(ctx: ActionContext, server: Server, value: { type: string }): ActionResult {
  return value.type.toUpperCase() === 'HARD' ? run(ctx, server, 'rebootHard', taskPlans.rebootHard) : run(ctx, server, 'rebootSoft', taskPlans.rebootSoft);
}

/** An action whose whole work is its guard and its task. */
export const guardedTask = (action: GuardedAction & keyof typeof taskPlans) => (ctx: ActionContext, server: Server) => run(ctx, server, action, taskPlans[action]);

function run(ctx: ActionContext, server: Server, action: GuardedAction, plan: TaskPlan): ActionResult {
  admit(action, server, ctx.caller);
  startTask(ctx, server, plan);
  return accepted;
}
