import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import { applyStrictHeaders } from './security';

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

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // The path is not repeated: an answer that echoes what the client wrote is a reflection to abuse.
  const err = new AppError(404, 'not_found', 'There is nothing at this address.');
  return reply.status(404).send(err.toBody(request.id));
}

/**
 * What the router answers by itself, before any hook (Fastify's `frameworkErrors`): a broken
 * percent-escape and an over-long path parameter. In the contract's shape with the security
 * headers, like every other answer, and without repeating the path.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known =
    error.code === 'FST_ERR_BAD_URL'
      ? new AppError(400, 'request.malformed', 'The address is not valid.')
      : new AppError(404, 'not_found', 'There is nothing at this address.');
  applyStrictHeaders(request, reply, () => {
    void reply.header('x-request-id', request.id).header('cache-control', 'no-store').status(known.status).send(known.toBody(request.id));
  });
}

/**
 * What Node's parser refuses before Fastify sees a request (a broken request line, headers too
 * large): the contract's error shape rather than Fastify's default, and the connection closed.
 */
export function sendClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const known = status === 431 ? new AppError(431, 'request.too_large', 'The request headers are too large.') : new AppError(status, 'request.malformed', 'The request could not be read.');
  const body = JSON.stringify(known.toBody(randomUUID()));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
  );
}
