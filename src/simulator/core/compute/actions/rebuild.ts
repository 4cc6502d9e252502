/**
 * rebuild: the API writes the new image, name, metadata and description with the first task_state;
 * the compute host respawns the guest (and powers it off again if it was stopped).
 */
import { settleImages } from '../../image/model';
import type { Flavor, Server } from '../model';
import type { ActionContext, ActionResult } from './context';
import { invalidRequest } from './errors';
import { admit } from './guard-table';
import { flavorImageMismatch, isVolumeBacked, visibleImage } from './images';
import { actionSchema, adminPassword, boolean, description, diskConfig, fieldsAt, type FieldsSince, imageId, metadata, name } from './parameter-types';
import { generatePassword } from './password';
import { taskPlans } from './plans';
import type { Schema } from './schema';
import { startTask } from './tasks';

/** Fields rebuild accepts, as schemas/servers.py grows them by microversion (personality is gone from 2.57). */
const rebuildFields: FieldsSince = [
  ['2.1', { name, imageRef: imageId, adminPass: adminPassword, metadata, preserve_ephemeral: boolean, 'OS-DCF:diskConfig': diskConfig, accessIPv4: { type: 'string' }, accessIPv6: { type: 'string' } }],
  ['2.19', { description }],
  ['2.54', { key_name: { type: ['string', 'null'], minLength: 1, maxLength: 255 } }],
  ['2.57', { user_data: { type: ['string', 'null'], maxLength: 65535 } }],
  ['2.63', { trusted_image_certificates: { type: ['array', 'null'] } }],
  ['2.90', { hostname: { type: 'string', minLength: 1, maxLength: 255 } }],
];

export function rebuildSchema(microversion: { atLeast(version: string): boolean }): Schema {
  const properties = fieldsAt(microversion, rebuildFields);
  if (!microversion.atLeast('2.57')) properties.personality = { type: 'array' };
  return actionSchema('rebuild', { type: 'object', properties, required: ['imageRef'], additionalProperties: false });
}

interface RebuildBody {
  imageRef: string;
  name?: string;
  adminPass?: string;
  metadata?: Record<string, string>;
  description?: string | null;
}

export function rebuild(ctx: ActionContext, server: Server, value: RebuildBody): ActionResult {
  const adminPass = value.adminPass ?? generatePassword();
  admit('rebuild', server, ctx.caller);
  // A snapshot taken moments ago may have become active since anything last read Glance.
  settleImages(ctx.cloud.images, ctx.now);
  const image = visibleImage(ctx.cloud.images, ctx.caller, value.imageRef);
  if (!image) throw invalidRequest('Cannot find image for rebuild');
  if (image.status !== 'active') throw invalidRequest(`Image ${image.id} is not active.`);
  const flavor = ctx.cloud.compute.flavors.get(server.flavorId) as Flavor;
  const mismatch = flavorImageMismatch(flavor, image, !isVolumeBacked(server));
  if (mismatch) throw invalidRequest(mismatch);

  const plan = server.vmState === 'stopped' ? taskPlans.rebuildStopped : taskPlans.rebuild;
  startTask(ctx, server, plan, {
    finish(s, at) {
      s.launchedAt = at;
    },
  });
  // An empty image reference marks a volume-backed server; a rebuild keeps it so.
  if (!isVolumeBacked(server)) server.imageId = image.id;
  if (value.name !== undefined) server.name = value.name;
  if (value.metadata !== undefined) server.metadata = { ...value.metadata };
  if (value.description !== undefined) server.description = value.description;
  server.progress = 0;
  return { kind: 'rebuilt', server, adminPass };
}
