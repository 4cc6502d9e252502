import type { FastifyInstance } from 'fastify';

/** Nova's fault names by status (nova/api/openstack/wsgi.py::Fault); anything else is computeFault. */
const faultNames: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

/** Thrown anywhere in the simulated Nova; the app renders `{"<faultName>": {"code", "message"}}`. */
export class NovaFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'NovaFault';
  }

  get body(): Record<string, { code: number; message: string }> {
    return { [faultNames[this.status] ?? 'computeFault']: { code: this.status, message: this.message } };
  }
}

export const badRequest = (message: string) => new NovaFault(400, message);
export const forbidden = (message: string) => new NovaFault(403, message);
export const notFound = (message: string) => new NovaFault(404, message);
export const conflict = (message: string) => new NovaFault(409, message);

/** `Policy doesn't allow <rule> to be performed.` (exception.PolicyNotAuthorized) */
export const policyDenied = (rule: string) => forbidden(`Policy doesn't allow ${rule} to be performed.`);

export function registerNovaFaults(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof NovaFault) return reply.code(error.status).send(error.body);
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 400 || status === 415) {
      // Fastify's own body errors (bad JSON, wrong content type) read as Nova's.
      return reply.code(400).send(new NovaFault(400, 'Malformed request body').body);
    }
    const fault = new NovaFault(500, `Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class '${error instanceof Error ? error.name : 'Exception'}'>`);
    return reply.code(500).send(fault.body);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(notFound('The resource could not be found.').body));
}
