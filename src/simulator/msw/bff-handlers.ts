import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import type { z } from 'zod/mini';
import {
  apiPaths,
  cloudsResponseSchema,
  csrfHeader,
  loginRequestSchema,
  scopeRequestSchema,
  sessionSummarySchema,
  type Cloud,
  type ErrorBody,
} from '../../domain/api';
import { createCloud, type SimulatedCloud } from '../core/cloud';
import { KeystoneError } from '../core/identity/errors';
import { buildSessionSummary } from '../core/session-summary';
import { type BffSession, signIn, switchScope } from './bff-login';
import { createNetworkHandlers } from './networks-handlers';
import { createServerHandlers, type SessionCheck } from './servers-handlers';
import { createTaskHandlers, type SimulatedTasks } from './tasks-handlers';
import { errorResponse as errorWith, noStore, respond as respondWith } from './responses';

export const simulatedCloudInfo: Cloud = { id: 'simulator', name: 'Simulated cloud' };

export interface BffState {
  /** The signed-in session, or null. */
  session: BffSession | null;
}

export interface BffHandlers {
  handlers: HttpHandler[];
  state: BffState;
  cloud: SimulatedCloud;
  /** Actions and their tasks: `tick()` follows them once and pushes the changes on the event stream. */
  tasks: SimulatedTasks;
}

/**
 * msw handlers that play the BFF for the SPA's component tests, over the simulator's core: the
 * same users, projects, roles and token expiry as the demo. Every body is checked against the
 * contract's schema before it is sent, so a handler cannot drift from what the real BFF must answer.
 */
export function createBffHandlers(cloud: SimulatedCloud = createCloud()): BffHandlers {
  const state: BffState = { session: null };
  const { keystone } = cloud;

  function endSession(): void {
    if (!state.session) return;
    try {
      keystone.revokeToken(state.session.tokenId);
    } catch (error) {
      // Already expired or revoked: the session ends all the same.
      if (!(error instanceof KeystoneError)) throw error;
    }
    state.session = null;
  }

  function sessionBody(tokenId: string, region: string) {
    const token = keystone.validateToken(tokenId);
    return buildSessionSummary(keystone, token, { cloud: simulatedCloudInfo, region });
  }

  /** The session's Keystone token, as every data route of the BFF checks it first. */
  const sessionToken: SessionCheck = () => {
    const { session } = state;
    if (!session) return { refusal: errorResponse(401, { code: 'auth.unauthenticated', message: 'You are not signed in.' }) };
    try {
      return { token: keystone.validateToken(session.tokenId) };
    } catch (error) {
      if (!(error instanceof KeystoneError)) throw error;
      state.session = null;
      return { refusal: errorResponse(401, { code: 'auth.session_expired', message: 'Your session has expired. Sign in again.' }) };
    }
  };

  const tasks = createTaskHandlers({ cloud, session: sessionToken, sessionKey: () => state.session?.tokenId });

  const handlers = [
    http.get(`*${apiPaths.clouds}`, () => respond(cloudsResponseSchema, { clouds: [simulatedCloudInfo] })),

    http.post(`*${apiPaths.login}`, async ({ request }) => {
      if (!hasCsrfHeader(request)) return csrfRefusal();
      const body: unknown = await request.json().catch(() => undefined);
      if (body === undefined) {
        return errorResponse(400, { code: 'request.malformed', message: 'The request body is not valid JSON.' });
      }
      const login = loginRequestSchema.safeParse(body);
      if (!login.success || (login.data.cloud !== undefined && login.data.cloud !== simulatedCloudInfo.id)) {
        return errorResponse(400, { code: 'request.invalid', message: 'The sign-in request is not valid.' });
      }
      const result = signIn(keystone, login.data);
      if (!result.ok) return errorResponse(result.status, result.body.error);
      endSession();
      state.session = { tokenId: result.tokenId, region: 'RegionOne' };
      return respond(sessionSummarySchema, sessionBody(result.tokenId, state.session.region));
    }),

    http.get(`*${apiPaths.session}`, () => {
      const { session } = state;
      if (!session) return errorResponse(401, { code: 'auth.unauthenticated', message: 'You are not signed in.' });
      try {
        return respond(sessionSummarySchema, sessionBody(session.tokenId, session.region));
      } catch (error) {
        if (!(error instanceof KeystoneError)) throw error;
        state.session = null;
        const message = 'Your session has expired. Sign in again.';
        return errorResponse(401, { code: 'auth.session_expired', message });
      }
    }),

    http.post(`*${apiPaths.scope}`, async ({ request }) => {
      if (!hasCsrfHeader(request)) return csrfRefusal();
      const check = sessionToken();
      if ('refusal' in check) return check.refusal;
      const body = scopeRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return errorResponse(400, { code: 'request.invalid', message: 'The scope request is not valid.' });
      const current = state.session as BffSession;
      const result = switchScope(keystone, current, body.data);
      if (!result.ok) return errorResponse(result.status, result.body.error);
      if (result.tokenId !== current.tokenId) endSession();
      state.session = { tokenId: result.tokenId, region: result.region };
      return respond(sessionSummarySchema, sessionBody(result.tokenId, result.region));
    }),

    http.post(`*${apiPaths.logout}`, ({ request }) => {
      if (!hasCsrfHeader(request)) return csrfRefusal();
      endSession();
      return new HttpResponse(null, { status: 204, headers: noStore });
    }),

    // The stand-in holds one session: "everywhere" is that one.
    http.post(`*${apiPaths.logoutEverywhere}`, ({ request }) => {
      if (!hasCsrfHeader(request)) return csrfRefusal();
      const check = sessionToken();
      if ('refusal' in check) return check.refusal;
      endSession();
      return new HttpResponse(null, { status: 204, headers: noStore });
    }),

    ...tasks.handlers,
    ...createServerHandlers({ cloud, session: sessionToken, busy: (serverId) => tasks.running(serverId) }),
    ...createNetworkHandlers({ cloud, session: sessionToken }),
  ];
  return { handlers, state, cloud, tasks };
}

function respond<T extends JsonBodyType>(schema: z.ZodMiniType<T>, body: T, status = 200) {
  return respondWith(schema, body, status, noStore);
}

function errorResponse(status: number, error: ErrorBody['error']) {
  return errorWith(status, error, noStore);
}

function hasCsrfHeader(request: Request): boolean {
  return request.headers.get(csrfHeader.name) === csrfHeader.value;
}

function csrfRefusal() {
  const message = 'The request was refused: it did not come from the Stackdeck app.';
  return errorResponse(403, { code: 'auth.csrf', message });
}
