/**
 * resize, confirmResize and revertResize. A resized server keeps `oldFlavorId` while its migration
 * is `finished`, which is what confirm and revert look for: they clear it (confirm at once, as the
 * migration turns `confirming`), so a second confirm or revert gets `Instance has not been resized.`
 */
import { type Flavor, PowerState, type Server } from '../model';
import { accepted, type ActionContext, type ActionResult } from './context';
import { invalidRequest } from './errors';
import { flavorNotFound, usableFlavor } from './flavors';
import { admit } from './guard-table';
import { flavorImageMismatch, isVolumeBacked } from './images';
import { actionSchema, diskConfig, flavorRef } from './parameter-types';
import { taskPlans } from './plans';
import { checkUpsizeQuota } from './quota';
import type { Schema } from './schema';
import { startTask } from './tasks';

export const resizeSchema: Schema = actionSchema('resize', {
  type: 'object',
  properties: { flavorRef, 'OS-DCF:diskConfig': diskConfig },
  required: ['flavorRef'],
  additionalProperties: false,
});

const notResized = () => invalidRequest('Instance has not been resized.');
const running = (server: Server) => server.powerState === PowerState.RUNNING;

/** The order of the checks is compute API's resize(): flavor, zero disk, disabled, same, quota, image. */
export function resize(ctx: ActionContext, server: Server, value: { flavorRef: string | number }): ActionResult {
  const flavorId = String(value.flavorRef);
  admit('resize', server, ctx.caller);
  const { flavors } = ctx.cloud.compute;
  const current = flavors.get(server.flavorId) as Flavor;
  const next = usableFlavor(ctx.cloud.compute, ctx.caller, flavorId);
  if (!next) throw invalidRequest(flavorNotFound(flavorId));
  const localDisk = !isVolumeBacked(server);
  if (next.diskGb === 0 && current.diskGb !== 0 && localDisk) {
    throw invalidRequest('Server disk was unable to be resized because: Resize to zero disk flavor is not allowed.');
  }
  if (next.id === current.id) throw invalidRequest('When resizing, instances must change flavor!');
  if (next.disabled) throw invalidRequest(flavorNotFound(flavorId));
  checkUpsizeQuota(ctx.cloud.compute, server, current, next);
  // Nova checks the image as recorded at boot, whose min_disk became at least the boot flavor's disk.
  const image = ctx.cloud.images.images.get(server.imageId);
  const booted = { minRamMb: image?.minRamMb ?? 0, minDiskGb: Math.max(image?.minDiskGb ?? 0, current.diskGb), size: null };
  const mismatch = flavorImageMismatch(next, booted, localDisk);
  if (mismatch) throw invalidRequest(mismatch);

  const wasRunning = running(server);
  startTask(ctx, server, taskPlans.resize, {
    finish(s) {
      s.oldFlavorId = s.flavorId;
      s.flavorId = next.id;
      s.powerState = wasRunning ? PowerState.RUNNING : PowerState.SHUTDOWN;
    },
  });
  return accepted;
}

export function confirmResize(ctx: ActionContext, server: Server): ActionResult {
  admit('confirmResize', server, ctx.caller);
  if (server.oldFlavorId === null) throw notResized();
  server.oldFlavorId = null;
  startTask(ctx, server, taskPlans.confirmResize, {
    finish(s) {
      s.vmState = running(s) ? 'active' : 'stopped';
    },
  });
  return { kind: 'no-content' };
}

export function revertResize(ctx: ActionContext, server: Server): ActionResult {
  admit('revertResize', server, ctx.caller);
  const old = server.oldFlavorId;
  if (old === null) throw notResized();
  if (!ctx.cloud.compute.flavors.has(old)) throw invalidRequest('Flavor used by the instance could not be found.');
  // A server resized while stopped stays powered off in VERIFY_RESIZE, and goes back stopped.
  const wasRunning = running(server);
  startTask(ctx, server, taskPlans.revertResize, {
    finish(s) {
      s.flavorId = old;
      s.oldFlavorId = null;
      s.vmState = wasRunning ? 'active' : 'stopped';
      s.powerState = wasRunning ? PowerState.RUNNING : PowerState.SHUTDOWN;
    },
  });
  return accepted;
}
