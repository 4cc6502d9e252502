/**
 * The simulated Nova's server creation and actions, without HTTP: guards in the style of Nova's decorators,
 * task sequences stepping on the cloud's clock, instance actions with their events, and failure
 * injection for tests.
 */
export { ComputeError } from './errors';
export { actionGuards, novaWouldAccept, type CallerForVerdict, type GuardedAction, type ServerForVerdict, type Verdict } from './guard-table';
export { checkInstanceHost, checkInstanceLock, checkInstanceState, conflictMessage, firstRefusal, type Guard, type Refusal } from './guards';
export { armFailure, FAIL_KEY, FAIL_MESSAGE_KEY } from './failures';
export { computeProfiles, taskPlans, type ComputeProfile, type TaskPlan } from './plans';
export { findAction, listActions, type ActionCaller, type ActionQuery } from './instance-actions';
export type { ActionContext, ActionResult } from './context';
export { readActionRequest, serverActions, type ServerAction } from './registry';
export { deleteServer } from './delete';
export { createServers, readCreateRequest } from './create';
