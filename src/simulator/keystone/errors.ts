import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KeystoneError, type KeystoneErrorKind } from '../core/identity/errors';
import { requestOrigin } from '../http/service-app';

const titles = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
} as const;
export type KeystoneStatus = keyof typeof titles;

const statusOf: Record<KeystoneErrorKind, KeystoneStatus> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
};

export const keystoneMessages = {
  unauthorized: 'The request you have made requires authentication.',
  badRequest:
    'The server could not comply with the request since it is either malformed or otherwise incorrect. ' +
    'The client is assumed to be in error.',
  notFound: 'The resource could not be found.',
  forbidden: 'You are not authorized to perform the requested action.',
  internal: 'An unexpected error prevented the server from fulfilling your request.',
  // werkzeug's text: Keystone has no 503 of its own, Flask answers it.
  unavailable:
    'The server is temporarily unable to service your request due to maintenance downtime or capacity problems. ' +
    'Please try again later.',
} as const;

/** Keystone's error envelope. */
export function keystoneErrorBody(status: KeystoneStatus, message: string) {
  return { error: { code: status, title: titles[status], message } };
}

/** Keystone's error response; every 401 also says where to authenticate. */
export function sendKeystoneError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: KeystoneStatus,
  message: string,
): FastifyReply {
  if (status === 401) reply.header('www-authenticate', `Keystone uri="${requestOrigin(request)}"`);
  return reply.code(status).send(keystoneErrorBody(status, message));
}

export function installKeystoneErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendKeystoneError(request, reply, 404, keystoneMessages.notFound));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof KeystoneError) {
      const status = statusOf[error.kind];
      // Without insecure_debug Keystone never says why a 401 happened (no user enumeration),
      // unless the exception's own message format names the problem.
      const message = status === 401 && !error.disclosed ? keystoneMessages.unauthorized : error.message;
      return sendKeystoneError(request, reply, status, message);
    }
    // Fastify's own 400s: a malformed or empty JSON body.
    if (statusCodeOf(error) === 400) return sendKeystoneError(request, reply, 400, keystoneMessages.badRequest);
    return sendKeystoneError(request, reply, 500, keystoneMessages.internal);
  });
}

function statusCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
}
