import type { ActionId } from './actions';

export interface ActionInput {
  flavorId?: string | undefined;
  imageId?: string | undefined;
  password?: string | undefined;
  reason?: string | undefined;
  name?: string | undefined;
}

/**
 * The body of `POST /servers/{id}/action` for each of our action ids (openstack-api.md §2.6).
 * `atLeast` tells the negotiated microversion, for the lock reason (2.73).
 */
export function novaActionBody(action: ActionId, input: ActionInput, atLeast: (version: string) => boolean): Record<string, unknown> {
  switch (action) {
    case 'reboot':
      return { reboot: { type: 'SOFT' } };
    case 'hard-reboot':
      return { reboot: { type: 'HARD' } };
    case 'stop':
      return { 'os-stop': null };
    case 'start':
      return { 'os-start': null };
    case 'pause':
    case 'unpause':
    case 'suspend':
    case 'resume':
    case 'unrescue':
    case 'unlock':
      return { [action]: null };
    case 'rescue':
      return { rescue: { ...(input.password && { adminPass: input.password }), ...(input.imageId && { rescue_image_ref: input.imageId }) } };
    case 'resize':
      return { resize: { flavorRef: input.flavorId } };
    case 'confirm-resize':
      return { confirmResize: null };
    case 'revert-resize':
      return { revertResize: null };
    case 'lock':
      return { lock: input.reason && atLeast('2.73') ? { locked_reason: input.reason } : null };
    case 'snapshot':
      return { createImage: { name: input.name } };
    case 'rebuild':
      return { rebuild: { imageRef: input.imageId } };
  }
}
