import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KeystoneError, type KeystoneErrorKind } from '../core/identity/errors';
import { requestOrigin } from '../http/service-app';

const titles = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
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
  internal: 'An unexpected error prevented the server from fulfilling your request.',
} as const;

/** Keystone's error envelope; every 401 also says where to authenticate. */
export function sendKeystoneError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: KeystoneStatus,
  message: string,
): FastifyReply {
  if (status === 401) reply.header('www-authenticate', `Keystone uri="${requestOrigin(request)}"`);
  return reply.code(status).send({ error: { code: status, title: titles[status], message } });
}

export function installKeystoneErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendKeystoneError(request, reply, 404, keystoneMessages.notFound));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof KeystoneError) {
      const status = statusOf[error.kind];
      // Without insecure_debug Keystone never says why a 401 happened: no user enumeration.
      const message = status === 401 ? keystoneMessages.unauthorized : error.message;
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
