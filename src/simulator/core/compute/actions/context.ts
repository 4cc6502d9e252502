import type { SimulatedCloud } from '../../cloud';
import type { Server } from '../model';
import type { ActionCaller } from './instance-actions';

/** Everything an action needs from the request, without the HTTP framework. */
export interface ActionContext {
  cloud: SimulatedCloud;
  caller: ActionCaller;
  /** The response's `x-openstack-request-id`: the instance action's request_id. */
  requestId: string;
  now: number;
  microversion: { atLeast(version: string): boolean };
}

/** What an accepted action answers; the service layer turns it into Nova's status and body. */
export type ActionResult =
  /** 202 without a body. */
  | { kind: 'accepted' }
  /** 204: confirmResize. */
  | { kind: 'no-content' }
  /** 200 `{"adminPass"}`: rescue. */
  | { kind: 'password'; adminPass: string }
  /** 202 with `{"image_id"}` from 2.45, a Location header before: createImage. */
  | { kind: 'image'; imageId: string }
  /** 202 with the server and its new password: rebuild. */
  | { kind: 'rebuilt'; server: Server; adminPass: string }
  /** 200 `{"output"}`: os-getConsoleOutput. */
  | { kind: 'console'; output: string };

export const accepted: ActionResult = { kind: 'accepted' };
