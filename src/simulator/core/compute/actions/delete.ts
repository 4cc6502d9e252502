/** DELETE /servers/{id}: lock checked, any state; the server ends `deleted`, its ports go or are handed back. */
import type { Server } from '../model';
import type { ActionContext, ActionResult } from './context';
import { admit } from './guard-table';
import { taskPlans } from './plans';
import { removePorts } from './ports';
import { startTask } from './tasks';

export function deleteServer(ctx: ActionContext, server: Server): ActionResult {
  admit('delete', server, ctx.caller);
  startTask(ctx, server, taskPlans.delete, {
    finish(s, at) {
      s.deletedAt = at;
      s.terminatedAt = at;
      removePorts(ctx.cloud.network, s, at);
    },
  });
  return { kind: 'no-content' };
}
