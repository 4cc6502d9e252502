import type { FastifyInstance } from 'fastify';
import { apiPaths, cloudsResponseSchema, loginRequestSchema, scopeRequestSchema, type SessionSummary } from '../../domain/api';
import { isReadOnly } from '../../domain/identity';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { clearSessionCookie, requireSession, sessionCookie, setSessionCookie } from '../plugins/session';
import { LoginLimiter } from '../sessions/login-limits';
import { revokeQuietly, rescopeSession, signIn } from '../sessions/sign-in';
import type { Session } from '../sessions/store';
import { parseInput } from '../validation';

export interface AuthRoutesOptions {
  clouds: CloudRegistry;
  loginRateLimit: number;
}

export async function authRoutes(app: FastifyInstance, { clouds, loginRateLimit }: AuthRoutesOptions): Promise<void> {
  const limiter = new LoginLimiter(loginRateLimit);

  const summary = (session: Session): SessionSummary => {
    const cloud = clouds.get(session.cloudId);
    return {
      user: session.user,
      project: session.project,
      roles: session.roles,
      region: session.region,
      regions: session.regions,
      cloud: { id: session.cloudId, name: cloud?.config.name ?? session.cloudId },
      expiresAt: app.sessions.hardEnd(session).toISOString(),
      projects: session.projects,
      readOnly: isReadOnly(session.roles),
    };
  };

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/auth/')) reply.header('cache-control', 'no-store');
  });

  app.get(apiPaths.clouds, async () => cloudsResponseSchema.parse({ clouds: clouds.list() }));

  app.post(apiPaths.login, async (request, reply) => {
    const input = parseInput(loginRequestSchema, request.body);
    const cloud = input.cloud ? clouds.get(input.cloud) : clouds.default;
    if (!cloud) throw new AppError(400, 'request.invalid', `There is no cloud “${input.cloud}”.`, { params: { cloud: input.cloud ?? '' } });

    await limiter.take(request.ip, `${input.domain}/${input.username}`);
    const session = await app.sessions.open(await signIn(cloud, input, request.log));
    await limiter.succeeded(request.ip, `${input.domain}/${input.username}`);
    // A new id at every sign-in: a session id planted before login is worth nothing after it.
    const previous = request.cookies[sessionCookie];
    if (previous) await app.sessions.end(previous, 'signed_out');
    setSessionCookie(request, reply, session);
    request.log.info({ user: session.user.name, project: session.project.name }, 'signed in');
    return summary(session);
  });

  app.get(apiPaths.session, { preHandler: requireSession }, async (request) => summary(request.session));

  app.post(apiPaths.scope, { preHandler: requireSession }, async (request, reply) => {
    const input = parseInput(scopeRequestSchema, request.body);
    const previous = request.session;
    const cloud = clouds.get(previous.cloudId);
    if (!cloud) throw new AppError(401, 'auth.session_expired', 'Your session has ended. Sign in again.');

    // A new id, as at sign-in, so what the old one owns (caches of its project and region) stays
    // behind; a replaced token is revoked so only the session's token stays valid.
    const session = await app.sessions.replace(previous, await rescopeSession(cloud, previous, input, request.log));
    if (session.token !== previous.token) await revokeQuietly(cloud, previous.token, request.log);
    setSessionCookie(request, reply, session);
    request.log.info(
      { user: session.user.name, from: { project: previous.project.name, region: previous.region }, project: session.project.name, region: session.region },
      'switched scope',
    );
    return summary(session);
  });

  app.post(apiPaths.logout, async (request, reply) => {
    const id = request.cookies[sessionCookie];
    if (id) await app.sessions.end(id, 'signed_out');
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  // Every session of this user on this cloud, in every browser: after a lost laptop, or a shared one.
  app.post(apiPaths.logoutEverywhere, { preHandler: requireSession }, async (request, reply) => {
    const ended = await app.sessions.endEverywhere(request.session);
    request.log.info({ user: request.session.user.name, ended }, 'signed out everywhere');
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });
}
