import { z } from 'zod/mini';
import { apiPrefix, csrfHeader, errorBodySchema } from '../domain/api';
import { ApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

interface BaseOptions {
  method?: HttpMethod;
  /** Sent as JSON. State-changing requests without a body send `{}`: Fastify refuses an empty JSON body. */
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal | undefined;
}
export interface RequestOptions<T> extends BaseOptions {
  schema: z.core.$ZodType<T>;
}

/** An error body that is well formed but carries a code this build does not know yet. */
const looseErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.optional(z.string()) }),
});

/**
 * The only `fetch` in the SPA. Success bodies are parsed with `schema`; without one the body is
 * ignored (204s). Every failure, including the network and unreadable bodies, is an `ApiError`.
 */
export function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<T>;
export function apiRequest(path: string, options?: BaseOptions): Promise<void>;
export async function apiRequest<T>(
  path: string,
  options: BaseOptions & { schema?: z.core.$ZodType<T> } = {},
): Promise<T | void> {
  const { method = 'GET', body, query, signal, schema } = options;
  // A path from outside the contract (or a full URL) would send the session cookie elsewhere.
  if (!path.startsWith(apiPrefix)) throw new TypeError(`apiRequest: not an /api path: ${path}`);

  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers[csrfHeader.name] = csrfHeader.value;
    payload = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    throw connectionError(cause, signal, 'Stackdeck cannot be reached. Check your connection and try again.', 0);
  }

  const requestId = response.headers.get('x-request-id') ?? undefined;
  const text = await readText(response, signal);

  if (!response.ok) throw toApiError(response.status, text, requestId);
  if (!schema) return;

  const json = parseJson(text);
  const parsed = json.ok ? z.safeParse(schema, json.value) : undefined;
  if (!parsed?.success) {
    throw new ApiError({
      code: 'response.invalid',
      message: 'Stackdeck received an answer it could not read.',
      status: response.status,
      requestId,
      detail: parsed ? z.prettifyError(parsed.error) : 'The answer is not JSON.',
    });
  }
  return parsed.data;
}

/** A request that never got a full answer: cancelled by us, or cut off by the network. */
function connectionError(cause: unknown, signal: AbortSignal | undefined, message: string, status: number): ApiError {
  if (signal?.aborted) return new ApiError({ code: 'aborted', message: 'The request was cancelled.', status: 0, cause });
  return new ApiError({ code: 'network', message, status, cause });
}

function withQuery(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const encoded = search.toString();
  return encoded ? `${path}?${encoded}` : path;
}

async function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw connectionError(cause, signal, 'The connection to Stackdeck broke off. Try again.', response.status);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function toApiError(status: number, text: string, headerRequestId: string | undefined): ApiError {
  const json = parseJson(text);
  const value = json.ok ? json.value : undefined;

  const known = errorBodySchema.safeParse(value);
  if (known.success) {
    const { code, message, params, detail, requestId } = known.data.error;
    return new ApiError({ code, message, status, params, detail, requestId: requestId ?? headerRequestId });
  }
  const loose = looseErrorBodySchema.safeParse(value);
  if (loose.success) {
    const { message, requestId } = loose.data.error;
    return new ApiError({ code: 'unknown', message, status, requestId: requestId ?? headerRequestId });
  }
  // Not the BFF speaking: typically a proxy in front of it answering 502/503/504 with HTML.
  if (status === 502 || status === 503 || status === 504) {
    return new ApiError({
      code: 'network',
      message: 'Stackdeck cannot be reached. Try again in a moment.',
      status,
      requestId: headerRequestId,
    });
  }
  return new ApiError({
    code: 'response.invalid',
    message: 'Stackdeck received an answer it could not read.',
    status,
    requestId: headerRequestId,
  });
}
