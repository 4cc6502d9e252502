import type { FastifyInstance, FastifyReply } from 'fastify';
import { NeutronFault } from '../core/network/errors';

/** `{"NeutronError": {"type", "message", "detail": ""}}` (api_common.convert_exception_to_http_exc). */
export function sendFault(reply: FastifyReply, fault: NeutronFault): FastifyReply {
  return reply.code(fault.status).send({ NeutronError: { type: fault.type, message: fault.message, detail: '' } });
}

export const resourceNotFound = () => new NeutronFault(404, 'HTTPNotFound', 'The resource could not be found.');

export function installNeutronErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendFault(reply, resourceNotFound()));
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof NeutronFault) return sendFault(reply, error);
    // Fastify refused the body (bad JSON): Neutron's JSON deserializer says it so.
    if ((error as { statusCode?: number }).statusCode === 400) {
      return sendFault(reply, new NeutronFault(400, 'MalformedRequestBody', 'Malformed request body: cannot understand JSON.'));
    }
    return sendFault(reply, new NeutronFault(500, 'HTTPInternalServerError', 'Request Failed: internal server error while processing your request.'));
  });
}
