import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceType } from '../core/identity/store';
import { injectedErrors } from './error-responses';
import type { SimulatorFaults } from './model';

type RequestListener = (request: IncomingMessage, response: ServiceResponse) => void;
type ServiceResponse = ServerResponse<IncomingMessage>;

/**
 * Puts a fault gate in front of a service's HTTP server, where a load balancer would sit: faults
 * strike before the service (and its token check) sees the request. The faults are read at each
 * connection and request, so a change applies at once.
 */
export function installFaultGate(server: Server, service: ServiceType, faults: SimulatorFaults): void {
  const inOutage = () => faults[service]?.outage === true;

  // An outage resets new connections before HTTP sees them, and requests on kept-alive ones:
  // clients get ECONNRESET, as from a host whose service is down.
  server.prependListener('connection', (socket: Socket) => {
    if (inOutage()) socket.resetAndDestroy();
  });

  const appListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const pass = (request: IncomingMessage, response: ServiceResponse) => {
    for (const listener of appListeners) listener.call(server, request, response);
  };
  server.on('request', (request: IncomingMessage, response: ServiceResponse) => {
    // Checked after the delay too: an outage that starts meanwhile drops the request.
    const handle = () => (inOutage() ? request.socket.resetAndDestroy() : strike(service, faults, request, response, pass));
    const delay = latencyOf(service, faults, request);
    if (delay === 0) handle();
    else void sleep(delay).then(handle);
  });
}

/** The service's latency, plus the slow Keystone's on token requests. */
function latencyOf(service: ServiceType, faults: SimulatorFaults, request: IncomingMessage): number {
  const base = faults[service]?.latencyMs ?? 0;
  const isTokenRequest = request.method === 'POST' && request.url?.split('?')[0]?.replace(/\/$/, '') === '/v3/auth/tokens';
  return base + (service === 'identity' && isTokenRequest ? (faults.slowKeystoneMs ?? 0) : 0);
}

/** Answers with an injected error at the configured rate, otherwise hands the request to the service. */
function strike(
  service: ServiceType,
  faults: SimulatorFaults,
  request: IncomingMessage,
  response: ServiceResponse,
  pass: RequestListener,
): void {
  const { errorRate = 0, errorStatus = 500 } = faults[service] ?? {};
  if (errorRate === 0 || Math.random() >= errorRate) return pass(request, response);
  const { contentType, body } = injectedErrors[service](errorStatus);
  // The body may not have been read: drain it so a kept-alive connection stays usable.
  request.resume();
  response.writeHead(errorStatus, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'x-openstack-request-id': `req-${crypto.randomUUID()}`,
  });
  response.end(body);
}
