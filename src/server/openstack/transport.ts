import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import { Agent, type Dispatcher, request } from 'undici';
import { badResponse, type ServiceType, unreachable } from './errors';

export interface UpstreamRequest {
  service: ServiceType;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token?: string | undefined;
  headers?: Record<string, string> | undefined;
  json?: unknown;
  log: FastifyBaseLogger;
  /** A shorter limit than the transport's own, for a caller that must answer quickly (a readiness probe). */
  timeoutMs?: number | undefined;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the upstream said JSON, else the text (OpenStack errors are sometimes HTML). */
  body: unknown;
  requestId: string | undefined;
}

export interface TransportOptions {
  timeoutMs: number;
  caFile?: string | undefined;
}

/**
 * Layer 1 of the client (seed 004): one keep-alive connection pool for every upstream call, token
 * injection, the upstream request id captured, and one log line per call with its timing. It never
 * logs headers or bodies, so tokens and passwords stay out of the logs.
 */
export class Transport {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: TransportOptions) {
    this.dispatcher = new Agent({
      keepAliveTimeout: 30_000,
      connectTimeout: Math.min(options.timeoutMs, 10_000),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.caFile && { connect: { ca: readFileSync(options.caFile) } }),
    });
  }

  async send(req: UpstreamRequest): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'stackdeck',
      // A global request id lets an operator follow one click through every service's logs.
      'x-openstack-request-id': `req-${randomUUID()}`,
      ...req.headers,
    };
    if (req.token) headers['x-auth-token'] = req.token;
    if (req.json !== undefined) headers['content-type'] = 'application/json';

    const started = performance.now();
    let res: Dispatcher.ResponseData;
    try {
      res = await request(req.url, {
        method: req.method,
        headers,
        body: req.json === undefined ? null : JSON.stringify(req.json),
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(Math.min(req.timeoutMs ?? Infinity, this.options.timeoutMs)),
      });
    } catch (error) {
      req.log.warn({ upstream: { service: req.service, method: req.method, url: redactUrl(req.url) }, err: describe(error) }, 'upstream unreachable');
      throw unreachable(req.service, error);
    }

    const requestId = header(res.headers, 'x-openstack-request-id') ?? header(res.headers, 'x-compute-request-id');
    let text: string;
    try {
      text = await res.body.text();
    } catch (error) {
      throw unreachable(req.service, error, requestId);
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    req.log.info(
      { upstream: { service: req.service, method: req.method, url: redactUrl(req.url), status: res.statusCode, durationMs, requestId } },
      'upstream call',
    );

    return { status: res.statusCode, headers: res.headers, body: parseBody(req.service, text, res.headers, requestId), requestId };
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

function parseBody(service: ServiceType, text: string, headers: UpstreamResponse['headers'], requestId: string | undefined): unknown {
  if (text === '') return undefined;
  const type = header(headers, 'content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw badResponse(service, 'The body is not valid JSON.', requestId);
  }
}

export function header(headers: UpstreamResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Query strings can carry markers and filters a user typed; the path is enough for the logs. */
function redactUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

function describe(error: unknown): { name: string; code?: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' && { code }) };
  }
  return { name: 'unknown', message: String(error) };
}
