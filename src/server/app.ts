import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fastifyEtag from '@fastify/etag';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { CloudRegistry } from './clouds';
import type { Config } from './plugins/config';
import { errorHandlerPlugin, sendClientError, sendFrameworkError } from './plugins/error-handler';
import { securityPlugin } from './plugins/security';
import { sessionPlugin } from './plugins/session';
import { spaPlugin } from './plugins/spa';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { networkRoutes } from './routes/networks';
import { actionRoutes } from './routes/actions';
import { computeOptionRoutes } from './routes/compute-options';
import { serverRoutes } from './routes/servers';
import { taskRoutes } from './routes/tasks';
import { ServerViews } from './servers/views';
import { type PollTiming, TaskTracker } from './tasks/tracker';
import { SessionCache } from './sessions/cache';
import { SessionLifecycle } from './sessions/lifecycle';
import { revokeQuietly } from './sessions/sign-in';
import { MemorySessionStore, type SessionStore } from './sessions/store';

declare module 'fastify' {
  interface FastifyInstance {
    /** The task tracker: every action's task, followed upstream. */
    tasks: TaskTracker;
    /** Every route the app serves, as registered: what the CSRF and fuzz suites walk, so a new route cannot be left out. */
    routeTable: ReadonlyArray<{ method: string; url: string }>;
  }
}

export interface AppOptions {
  config: Config;
  sessionStore?: SessionStore;
  logger?: FastifyServerOptions['logger'];
  /** How often tasks poll upstream; tests make it quick. */
  pollTiming?: PollTiming;
  /** The sessions' clock (idle timeout, maximum age); tests move it. */
  now?: () => number;
}

/** Never let a secret reach a log line, whatever a future log call passes in. */
export const logRedactions = [
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'req.headers["x-subject-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
];

/** Builds the BFF from its plugins. main.ts listens; tests call this and `inject()` or listen. */
export async function buildApp({ config, sessionStore, logger, pollTiming, now }: AppOptions): Promise<FastifyInstance> {
  if (config.clouds.length === 0) throw new Error('buildApp needs at least one cloud.');
  const options = {
    logger: logger ?? { level: config.logLevel, redact: logRedactions },
    genReqId: () => randomUUID(),
    // A client-chosen request id would let anyone forge log correlation; we always make our own.
    requestIdHeader: false,
    bodyLimit: 64 * 1024,
    // A hop count as the function Fastify makes of one (its types leave numbers out).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: sendFrameworkError,
    clientErrorHandler: sendClientError,
  } satisfies FastifyServerOptions;
  const { tls } = config;
  // Fastify types an HTTPS instance apart from an HTTP one; nothing here uses either's specifics.
  const app = (tls ? Fastify({ ...options, https: { cert: readFileSync(tls.cert), key: readFileSync(tls.key) } }) : Fastify(options)) as unknown as FastifyInstance;
  const routeTable: Array<{ method: string; url: string }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', ({ method, url }) => {
    for (const m of [method].flat()) routeTable.push({ method: m, url });
  });
  // The API speaks JSON only; a text body is a 415, not a string handed to a route.
  app.removeContentTypeParser('text/plain');
  const clouds = new CloudRegistry(config.clouds, { timeoutMs: config.upstreamTimeoutMs });
  app.addHook('onClose', () => clouds.close());
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin);
  const store = sessionStore ?? new MemorySessionStore();
  const tracker = new TaskTracker(clouds, store, app.log.child({ component: 'tasks' }), pollTiming);
  app.decorate('tasks', tracker);
  app.addHook('onClose', async () => tracker.close());
  const cache = new SessionCache();
  const sessionLog = app.log.child({ component: 'sessions' });
  const sessions = new SessionLifecycle(
    store,
    config.session,
    {
      revoke: async (session) => {
        const cloud = clouds.get(session.cloudId);
        if (cloud) await revokeQuietly(cloud, session.token, sessionLog);
      },
      ended: (session, reason) => {
        tracker.forget(session.id);
        cache.forget(session.id);
        sessionLog.info({ user: session.user.name, reason }, 'session ended');
      },
      move: (from, to) => {
        tracker.move(from, to);
        cache.forget(from);
      },
    },
    now,
  );
  await app.register(sessionPlugin, { sessions });
  const views = new ServerViews(cache, (sessionId, serverId) => tracker.running(sessionId, serverId));
  await app.register(healthRoutes, { clouds });
  await app.register(authRoutes, { clouds, loginRateLimit: config.loginRateLimit });
  await app.register(async (reads) => {
    // The lists and their details answer with a weak ETag, and 304 when the browser already
    // holds that answer (it revalidates them: `private, no-cache`): a page of servers is 170 KB
    // that a remote browser need not download again. (A SHA-1 of it: 0.05 ms.)
    await reads.register(fastifyEtag, { weak: true });
    await reads.register(serverRoutes, { clouds, views });
    await reads.register(networkRoutes, { clouds, cache });
  });
  await app.register(actionRoutes, { clouds, tracker });
  await app.register(taskRoutes, { clouds, tracker, views });
  await app.register(computeOptionRoutes, { clouds });
  await app.register(spaPlugin, { root: config.staticDir });
  return app;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
