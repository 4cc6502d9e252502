/**
 * createImage: a Glance image owned by the server's project, `saving` while the compute host
 * uploads and `active` when the task ends (settled lazily like the task itself). A server booted
 * from a volume is snapshotted by the API alone (snapshot_volume_backed): the image is a record
 * of volume snapshots, active at once with size 0, and no task runs.
 */
import type { Image } from '../../image/model';
import type { Flavor, Server } from '../model';
import type { ActionContext, ActionResult } from './context';
import { admit } from './guard-table';
import { isVolumeBacked } from './images';
import { apiHost, finishEvent, recordAction, startEvent } from './instance-actions';
import { actionSchema, metadata, name } from './parameter-types';
import { taskPlans } from './plans';
import type { Schema } from './schema';
import { startTask } from './tasks';

export const createImageSchema: Schema = actionSchema('createImage', {
  type: 'object',
  properties: { name, metadata },
  required: ['name'],
  additionalProperties: false,
});

/** Image properties a snapshot inherits from the image the server booted from. */
const inherited = ['os_distro', 'os_version', 'os_type', 'hw_architecture', 'hw_disk_bus', 'hw_vif_model', 'hw_machine_type'];

export function createImage(ctx: ActionContext, server: Server, value: { name: string; metadata?: Record<string, string> }): ActionResult {
  admit('createImage', server, ctx.caller);
  const { cloud, now, caller } = ctx;
  const source = cloud.images.images.get(server.imageId);
  const flavor = cloud.compute.flavors.get(server.flavorId) as Flavor;
  const image = snapshotImage(ctx, server, source, flavor, value);
  cloud.images.images.set(image.id, image);

  if (isVolumeBacked(server)) {
    // The API quiesces the guest and snapshots the volumes itself; only the action is recorded.
    const record = recordAction(cloud.compute, server, 'createImage', caller, ctx.requestId, now);
    finishEvent(record, startEvent(record, 'api_snapshot_instance', apiHost, now), now);
    return { kind: 'image', imageId: image.id };
  }
  const task = startTask(ctx, server, taskPlans.createImage, {
    finish(s, at) {
      image.size = Math.round((source?.size ?? 1_073_741_824) * 1.3);
      image.virtualSize = flavor.diskGb * 1024 ** 3;
      image.checksum = s.id.replaceAll('-', '');
      image.updatedAt = at;
    },
    failed() {
      cloud.images.images.delete(image.id);
    },
  });
  if (!task.failure) image.activeAt = task.endsAt;
  return { kind: 'image', imageId: image.id };
}

/** The image record the API creates (compute utils' create_image), owned by the server's project. */
function snapshotImage(ctx: ActionContext, server: Server, source: Image | undefined, flavor: Flavor, value: { name: string; metadata?: Record<string, string> }): Image {
  const volumeBacked = isVolumeBacked(server);
  const properties: Record<string, string> = {};
  for (const key of inherited) {
    const property = source?.properties[key];
    if (property !== undefined) properties[key] = property;
  }
  return {
    id: crypto.randomUUID(),
    name: value.name,
    status: volumeBacked ? 'active' : 'saving',
    visibility: 'private',
    owner: server.projectId,
    size: volumeBacked ? 0 : null,
    virtualSize: null,
    diskFormat: source?.diskFormat ?? 'qcow2',
    containerFormat: source?.containerFormat ?? 'bare',
    minDiskGb: Math.max(source?.minDiskGb ?? 0, flavor.diskGb),
    minRamMb: source?.minRamMb ?? 0,
    protected: false,
    osHidden: false,
    tags: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
    checksum: null,
    properties: {
      ...properties,
      ...(volumeBacked ? { bdm_v2: 'True', root_device_name: '/dev/vda' } : { base_image_ref: server.imageId, image_type: 'snapshot' }),
      instance_uuid: server.id,
      user_id: ctx.caller.userId,
      ...value.metadata,
    },
    activeAt: null,
  };
}
