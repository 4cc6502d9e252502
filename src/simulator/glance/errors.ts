import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const titles: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
};

/**
 * Glance raises plain webob HTTP errors, not an envelope of its own: webob picks HTML, JSON or
 * plain text by the request's Accept (HTML when nothing matches better).
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

const offers = ['text/html', 'application/json', 'text/plain'] as const;

/** webob's `best_match`: the offer with the highest quality, the first offer on a tie. */
export function negotiate(accept: string | undefined): (typeof offers)[number] {
  const ranges = (accept ?? '*/*').split(',').map((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { range: range.trim(), q: q ? Number(q.slice(2)) : 1 };
  });
  const quality = (offer: string) =>
    Math.max(0, ...ranges.filter(({ range }) => range === offer || range === '*/*' || range === `${offer.split('/')[0]}/*`).map(({ q }) => q));
  let best: (typeof offers)[number] = 'text/html';
  let bestQ = 0;
  for (const offer of offers) {
    if (quality(offer) > bestQ) [best, bestQ] = [offer, quality(offer)];
  }
  return best;
}

/** webob's three templates; the blank lines are its emptied detail and comment. */
function send(request: FastifyRequest, reply: FastifyReply, error: GlanceError): FastifyReply {
  const status = `${error.status} ${titles[error.status] ?? 'Error'}`;
  const html = `${error.explanation}<br /><br />\n\n\n`;
  reply.code(error.status);
  switch (negotiate(request.headers.accept)) {
    case 'application/json':
      return reply.type('application/json').send(JSON.stringify({ message: html, code: status, title: titles[error.status] ?? 'Error' }));
    case 'text/plain':
      return reply.type('text/plain; charset=UTF-8').send(`${status}\n\n${error.explanation}\n\n   `);
    case 'text/html':
      return reply.type('text/html; charset=UTF-8').send(`<html>\n <head>\n  <title>${status}</title>\n </head>\n <body>\n  <h1>${status}</h1>\n  ${html}\n </body>\n</html>`);
  }
}

export function installGlanceErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => send(request, reply, new GlanceError(404, 'The resource could not be found.')));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof GlanceError) return send(request, reply, error);
    if ((error as { statusCode?: number }).statusCode === 400) return send(request, reply, glanceBadRequest('Malformed JSON in request body.'));
    return send(request, reply, new GlanceError(500, 'The server has either erred or is incapable of performing the requested operation.'));
  });
}
