import { AppError } from '../errors';

/** Names users know the services by, for messages such as "Compute service unavailable". */
export const serviceLabels = {
  identity: 'The identity service (Keystone)',
  compute: 'The compute service (Nova)',
  network: 'The network service (Neutron)',
  image: 'The image service (Glance)',
} as const;
export type ServiceType = keyof typeof serviceLabels;

export function unreachable(service: ServiceType, cause: unknown, requestId?: string): AppError {
  return new AppError(503, 'upstream.unavailable', `${serviceLabels[service]} cannot be reached. Try again in a moment.`, {
    cause,
    requestId,
  });
}

export function badResponse(service: ServiceType, why: string, requestId?: string): AppError {
  return new AppError(502, 'upstream.bad_response', `${serviceLabels[service]} sent an answer Stackdeck cannot read.`, {
    detail: why,
    requestId,
  });
}

/** An upstream 5xx or another status the caller did not expect. */
export function failed(service: ServiceType, status: number, detail: string | undefined, requestId?: string): AppError {
  if (status === 503 || status === 504) {
    return new AppError(503, 'upstream.unavailable', `${serviceLabels[service]} is unavailable. Try again in a moment.`, {
      detail,
      requestId,
    });
  }
  return new AppError(502, 'upstream.error', `${serviceLabels[service]} failed to answer (HTTP ${status}).`, {
    detail,
    requestId,
    params: { status },
  });
}

/**
 * The service is down rather than refusing this request (unreachable, timed out, a 5xx): the
 * same call may well succeed once it is back.
 */
export function isOutage(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  return error.code === 'upstream.unavailable' || (error.code === 'upstream.error' && Number(error.params?.status) >= 500);
}

/**
 * Pulls the human text out of any OpenStack error body: Keystone `{error:{message}}`, Nova
 * `{<faultName>:{message}}`, Neutron `{NeutronError:{message}}`, Glance's JSON `{message}` or its plain text.
 */
export function upstreamMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  // Glance asked for JSON answers `{"message", "code", "title"}`; the others wrap it in one key.
  if ('message' in body && typeof body.message === 'string') return body.message;
  for (const value of Object.values(body)) {
    if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
      return value.message;
    }
  }
  return undefined;
}
