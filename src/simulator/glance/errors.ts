import type { FastifyInstance, FastifyReply } from 'fastify';

const titles: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
};

/**
 * Glance raises plain webob HTTP errors, not a JSON envelope: the body is webob's text template,
 * `<status>\n\n<explanation>\n\n   ` (the three spaces are its emptied detail and comment lines).
 */
export class GlanceError extends Error {
  constructor(
    readonly status: number,
    readonly explanation: string,
  ) {
    super(explanation);
    this.name = 'GlanceError';
  }
}

export const glanceBadRequest = (explanation: string) => new GlanceError(400, explanation);

function send(reply: FastifyReply, error: GlanceError): FastifyReply {
  return reply
    .code(error.status)
    .type('text/plain; charset=UTF-8')
    .send(`${error.status} ${titles[error.status] ?? 'Error'}\n\n${error.explanation}\n\n   `);
}

export function installGlanceErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => send(reply, new GlanceError(404, 'The resource could not be found.')));
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof GlanceError) return send(reply, error);
    if ((error as { statusCode?: number }).statusCode === 400) return send(reply, glanceBadRequest('Malformed JSON in request body.'));
    return send(reply, new GlanceError(500, 'The server has either erred or is incapable of performing the requested operation.'));
  });
}
