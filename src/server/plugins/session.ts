import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import type { SessionLifecycle } from '../sessions/lifecycle';
import type { Session } from '../sessions/store';

export const sessionCookie = 'stackdeck_session';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionLifecycle;
  }
  interface FastifyContextConfig {
    /**
     * `false` on routes a page calls by itself (background polls, the task stream): they need a
     * session but do not keep it from ending idle.
     */
    activity?: boolean;
  }
  interface FastifyRequest {
    /** Set by `requireSession`; routes behind it can rely on it. */
    session: Session;
  }
}

/**
 * The browser holds only an opaque random id in an HttpOnly, SameSite=Strict cookie; the session
 * with its Keystone token stays in the store.
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { sessions: SessionLifecycle }) => {
  await app.register(cookie);
  app.decorate('sessions', opts.sessions);
  app.decorateRequest('session', null as unknown as Session);
  // Before the server stops listening, while Keystone can still be told to revoke what ends with us.
  app.addHook('preClose', async () => opts.sessions.close());
  app.addHook('onClose', async () => opts.sessions.store.close());
});

/**
 * The cookie ends with the browser, unless the operator keeps it (STACKDECK_PERSISTENT_COOKIE)
 * until the session's end at the latest.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: Session): void {
  const { sessions } = request.server;
  reply.setCookie(sessionCookie, session.id, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    ...(sessions.policy.persistentCookie && { expires: sessions.hardEnd(session) }),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
}

/** preHandler for every route that needs a signed-in user. */
export async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const id = request.cookies[sessionCookie];
  if (!id) throw new AppError(401, 'auth.unauthenticated', 'You are not signed in.');
  const session = await request.server.sessions.resume(id, { activity: request.routeOptions.config.activity !== false });
  if (!session) {
    clearSessionCookie(request, reply);
    throw new AppError(401, 'auth.session_expired', 'Your session has ended. Sign in again.');
  }
  request.session = session;
}
