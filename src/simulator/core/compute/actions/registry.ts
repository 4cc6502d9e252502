/**
 * Every server action by its body key (POST /servers/{id}/action), with its schema, and the
 * request steps Nova takes before looking up the server: peek at the body, find the action (400
 * `There is no such action`), validate the body against the schema of the request's microversion.
 */
import type { Server } from '../model';
import { peekAction } from './action-body';
import { consoleOutput, consoleOutputSchema } from './console';
import type { ActionContext, ActionResult } from './context';
import { invalidRequest } from './errors';
import { lock, lockSchema, lockSchemaV273, unlock } from './lock';
import { actionSchema } from './parameter-types';
import { guardedTask, reboot, rebootSchema } from './power';
import { rebuild, rebuildSchema } from './rebuild';
import { rescue, rescueSchema } from './rescue';
import { confirmResize, resize, resizeSchema, revertResize } from './resize';
import { type Schema, validate } from './schema';
import { createImage, createImageSchema } from './snapshot';

type Microversion = ActionContext['microversion'];

export interface ServerAction {
  schema(microversion: Microversion): Schema;
  run(ctx: ActionContext, server: Server, value: unknown): ActionResult;
}

/** Ties a schema to the body it guarantees; `run` sees the value under the action's key. */
function action<T>(schema: Schema | ((microversion: Microversion) => Schema), run: (ctx: ActionContext, server: Server, value: T) => ActionResult): ServerAction {
  return { schema: typeof schema === 'function' ? schema : () => schema, run: run as ServerAction['run'] };
}

/** An action that takes no input: Nova's schema accepts any value under its key. */
const bare = (key: string, run: (ctx: ActionContext, server: Server) => ActionResult) => action(actionSchema(key), run);

export const serverActions: Readonly<Record<string, ServerAction>> = {
  reboot: action(rebootSchema, reboot),
  'os-stop': bare('os-stop', guardedTask('stop')),
  'os-start': bare('os-start', guardedTask('start')),
  pause: bare('pause', guardedTask('pause')),
  unpause: bare('unpause', guardedTask('unpause')),
  suspend: bare('suspend', guardedTask('suspend')),
  resume: bare('resume', guardedTask('resume')),
  rescue: action(rescueSchema, rescue),
  unrescue: bare('unrescue', guardedTask('unrescue')),
  resize: action(resizeSchema, resize),
  confirmResize: bare('confirmResize', confirmResize),
  revertResize: bare('revertResize', revertResize),
  createImage: action(createImageSchema, createImage),
  lock: action((mv) => (mv.atLeast('2.73') ? lockSchemaV273 : lockSchema), lock),
  unlock: bare('unlock', unlock),
  rebuild: action(rebuildSchema, rebuild),
  'os-getConsoleOutput': action(consoleOutputSchema, consoleOutput),
};

export interface ActionRequest {
  /** The body's key, e.g. `os-stop`. */
  key: string;
  action: ServerAction;
  /** The validated value under the action's key. */
  value: unknown;
}

/** Reads a raw action body as Nova's API does before it loads the server; throws Nova's 400s. */
export function readActionRequest(text: string, microversion: Microversion): ActionRequest {
  const { key, body } = peekAction(text);
  const found = Object.hasOwn(serverActions, key) ? serverActions[key] : undefined;
  if (!found) throw invalidRequest(`There is no such action: ${key}`);
  validate(found.schema(microversion), body);
  return { key, action: found, value: body[key] };
}
