import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceType } from '../core/identity/store';
import { injectedErrors } from './error-responses';
import type { ServiceFaults, SimulatorFaults } from './model';

type ServiceResponse = ServerResponse<IncomingMessage>;
type RequestListener = (request: IncomingMessage, response: ServiceResponse) => void;

/**
 * Puts a fault gate in front of a service's HTTP server, where a load balancer would sit: faults
 * strike before the service (and its token check) sees the request. The faults are read at each
 * connection and request, so a change applies at once.
 */
export function installFaultGate(server: Server, service: ServiceType, faults: SimulatorFaults): void {
  const current = (): ServiceFaults => faults[service] ?? {};

  // An outage resets new connections before HTTP sees them, and requests on kept-alive ones:
  // clients get ECONNRESET, as from a host whose service is down.
  server.prependListener('connection', (socket: Socket) => {
    if (current().outage) socket.resetAndDestroy();
  });

  const appListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  // Runs after any delay, so an outage or error rate set meanwhile applies.
  const serve: RequestListener = (request, response) => {
    const { outage, errorRate = 0, errorStatus = 500 } = current();
    if (outage) request.socket.resetAndDestroy();
    else if (errorRate > 0 && Math.random() < errorRate) answerError(service, errorStatus, request, response);
    else for (const listener of appListeners) listener.call(server, request, response);
  };
  server.on('request', (request: IncomingMessage, response: ServiceResponse) => {
    const delay = latencyOf(service, faults, request);
    if (delay === 0) serve(request, response);
    else void sleep(delay).then(() => serve(request, response));
  });
}

/** The service's latency, plus the slow Keystone's on token requests. */
function latencyOf(service: ServiceType, faults: SimulatorFaults, request: IncomingMessage): number {
  const base = faults[service]?.latencyMs ?? 0;
  const path = request.url?.split('?')[0]?.replace(/\/$/, '');
  const isTokenRequest = service === 'identity' && request.method === 'POST' && path === '/v3/auth/tokens';
  return base + (isTokenRequest ? (faults.slowKeystoneMs ?? 0) : 0);
}

function answerError(service: ServiceType, status: 500 | 503, request: IncomingMessage, response: ServiceResponse): void {
  const { contentType, body } = injectedErrors[service](status);
  // The body may not have been read: drain it so a kept-alive connection stays usable.
  request.resume();
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'x-openstack-request-id': `req-${crypto.randomUUID()}`,
  });
  response.end(body);
}
