import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiPrefix } from '../../domain/api';
import { AppError } from '../errors';

/** Fastify's own errors, worded for people. Anything not listed here is a 500. */
function fromFastify(error: FastifyError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'request.malformed', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'request.too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'request.unsupported_media_type', 'Send the request body as application/json.');
    default:
      if (error.statusCode === 400 && error instanceof SyntaxError) {
        return new AppError(400, 'request.malformed', 'The request body is not valid JSON.');
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return new AppError(error.statusCode, 'request.invalid', 'The request is not valid.');
      }
      return undefined;
  }
}

/**
 * Errors are normalised here once: every failure leaves the BFF as the contract's error body
 * with a request id, and nothing internal (stack, upstream URL, token) reaches the browser.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastify(error);
    if (known) {
      const level = known.status >= 500 ? 'warn' : 'info';
      request.log[level]({ code: known.code, status: known.status, detail: known.detail }, known.message);
      if (known.status === 401) reply.header('cache-control', 'no-store');
      if (known.status === 429 && typeof known.params?.retryAfter === 'number') reply.header('retry-after', String(known.params.retryAfter));
      return reply.status(known.status).send(known.toBody(request.id));
    }
    request.log.error({ err: error }, 'unhandled error');
    const internal = new AppError(500, 'internal', 'Something went wrong in Stackdeck. The error was logged with this request id.');
    return reply.status(500).send(internal.toBody(request.id));
  });

});

export function isApiPath(url: string): boolean {
  return url.startsWith(apiPrefix) || url === apiPrefix.slice(0, -1);
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // The path is not repeated: an answer that echoes what the client wrote is a reflection to abuse.
  const err = new AppError(404, 'not_found', 'There is nothing at this address.');
  return reply.status(404).send(err.toBody(request.id));
}
