/** rescue (200 with the password) and unrescue. */
import type { Server } from '../model';
import type { ActionContext, ActionResult } from './context';
import { invalidRequest } from './errors';
import { admit } from './guard-table';
import { isVolumeBacked, visibleImage } from './images';
import { actionSchema, adminPassword, imageId } from './parameter-types';
import { generatePassword } from './password';
import { taskPlans } from './plans';
import type { Schema } from './schema';
import { startTask } from './tasks';

export const rescueSchema: Schema = actionSchema('rescue', {
  type: ['object', 'null'],
  properties: { adminPass: adminPassword, rescue_image_ref: imageId },
  additionalProperties: false,
});

type RescueBody = { adminPass?: string; rescue_image_ref?: string } | null;

export function rescue(ctx: ActionContext, server: Server, value: RescueBody): ActionResult {
  const adminPass = value?.adminPass ?? generatePassword();
  admit('rescue', server, ctx.caller);
  const imageRef = value?.rescue_image_ref;
  const image = imageRef === undefined ? undefined : visibleImage(ctx.cloud.images, ctx.caller, imageRef);
  if (imageRef !== undefined && !image) throw invalidRequest(`Requested rescue image '${imageRef}' is not supported`);
  if (isVolumeBacked(server)) {
    // From 2.87 a volume-backed server may be rescued with an image that says how to attach it;
    // the simulator's libvirt hosts all report the COMPUTE_RESCUE_BFV trait.
    const stableRescue = ctx.microversion.atLeast('2.87') && image?.properties.hw_rescue_bus !== undefined && image.properties.hw_rescue_device !== undefined;
    if (!stableRescue) throw invalidRequest(`Instance ${server.id} cannot be rescued: Cannot rescue a volume-backed instance`);
  }
  startTask(ctx, server, taskPlans.rescue);
  return { kind: 'password', adminPass };
}
