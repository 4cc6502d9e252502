import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import type { Session, SessionStore } from '../sessions/store';

export const sessionCookie = 'stackdeck_session';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore;
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
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { store: SessionStore }) => {
  await app.register(cookie);
  app.decorate('sessions', opts.store);
  app.decorateRequest('session', null as unknown as Session);
  app.addHook('onClose', () => opts.store.close());
});

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: Session): void {
  reply.setCookie(sessionCookie, session.id, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
}

/** preHandler for every route that needs a signed-in user. */
export async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const id = request.cookies[sessionCookie];
  if (!id) throw new AppError(401, 'auth.unauthenticated', 'You are not signed in.');
  const session = await request.server.sessions.get(id);
  if (!session) {
    clearSessionCookie(request, reply);
    throw new AppError(401, 'auth.session_expired', 'Your session has ended. Sign in again.');
  }
  request.session = session;
}
