import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { apiRequest } from './api-client';
import { ApiError } from './errors';
import { server } from './testing/msw-server';

const itemSchema = z.object({ id: z.string() });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest', () => {
  it('parses a success body with the given schema', async () => {
    server.use(http.get('*/api/things', () => HttpResponse.json({ id: 'a', extra: 1 })));
    await expect(apiRequest('/api/things', { schema: itemSchema })).resolves.toEqual({ id: 'a' });
  });

  it('sends query parameters, leaving empty ones out', async () => {
    let url = '';
    server.use(
      http.get('*/api/things', ({ request }) => {
        url = request.url;
        return HttpResponse.json({ id: 'a' });
      }),
    );
    await apiRequest('/api/things', { schema: itemSchema, query: { q: '10.0.0.1', status: undefined, limit: 50, sort: '' } });
    expect(new URL(url).search).toBe('?q=10.0.0.1&limit=50');
  });

  it('sends the CSRF header, JSON and `{}` on a state-changing request without a body', async () => {
    let seen: { headers: Headers; body: string; credentials: RequestCredentials } | undefined;
    server.use(
      http.post('*/api/things', async ({ request }) => {
        seen = { headers: request.headers, body: await request.text(), credentials: request.credentials };
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await expect(apiRequest('/api/things', { method: 'POST' })).resolves.toBeUndefined();
    expect(seen?.headers.get('x-requested-with')).toBe('stackdeck');
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(seen?.body).toBe('{}');
  });

  it('sends no CSRF header and no body on a GET', async () => {
    let headers: Headers | undefined;
    server.use(
      http.get('*/api/things', ({ request }) => {
        headers = request.headers;
        return HttpResponse.json({ id: 'a' });
      }),
    );
    await apiRequest('/api/things', { schema: itemSchema });
    expect(headers?.get('x-requested-with')).toBeNull();
    expect(headers?.get('content-type')).toBeNull();
  });

  it('turns an error body into an ApiError with all its fields', async () => {
    server.use(
      http.post('*/api/things', () =>
        HttpResponse.json(
          {
            error: {
              code: 'upstream.error',
              message: 'Nova said no',
              params: { status: 500 },
              detail: 'Cannot reboot while resizing',
              requestId: 'req-42',
            },
          },
          { status: 502 },
        ),
      ),
    );
    const error = await failure(apiRequest('/api/things', { method: 'POST', body: { a: 1 } }));
    expect(error).toMatchObject({
      code: 'upstream.error',
      message: 'Nova said no',
      status: 502,
      params: { status: 500 },
      detail: 'Cannot reboot while resizing',
      requestId: 'req-42',
    });
  });

  it('keeps the message of an error code this build does not know', async () => {
    server.use(
      http.get('*/api/things', () =>
        HttpResponse.json({ error: { code: 'quota.exceeded', message: 'Quota exceeded for cores' } }, { status: 403 }),
      ),
    );
    const error = await failure(apiRequest('/api/things', { schema: itemSchema }));
    expect(error).toMatchObject({ code: 'unknown', message: 'Quota exceeded for cores', status: 403 });
  });

  it('reports a network failure as code "network" with no status', async () => {
    server.use(http.get('*/api/things', () => HttpResponse.error()));
    const error = await failure(apiRequest('/api/things', { schema: itemSchema }));
    expect(error).toMatchObject({ code: 'network', status: 0 });
  });

  it('reports a proxy page in front of a down BFF as "network"', async () => {
    server.use(
      http.get('*/api/things', () =>
        new HttpResponse('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ),
    );
    const error = await failure(apiRequest('/api/things', { schema: itemSchema }));
    expect(error).toMatchObject({ code: 'network', status: 502 });
  });

  it.each([
    ['a body that breaks the schema', HttpResponse.json({ id: 7 })],
    ['a body that is not JSON', new HttpResponse('<html></html>', { status: 200 })],
    ['an empty body', new HttpResponse(null, { status: 200 })],
  ])('reports %s as "response.invalid"', async (_what, response) => {
    server.use(http.get('*/api/things', () => response.clone()));
    const error = await failure(apiRequest('/api/things', { schema: itemSchema }));
    expect(error.code).toBe('response.invalid');
    expect(error.detail).toBeTruthy();
  });

  it('reports an unreadable error body as "response.invalid"', async () => {
    server.use(http.get('*/api/things', () => new HttpResponse('oops', { status: 400 })));
    const error = await failure(apiRequest('/api/things', { schema: itemSchema }));
    expect(error).toMatchObject({ code: 'response.invalid', status: 400 });
  });

  it('reports a cancelled request as "aborted"', async () => {
    server.use(http.get('*/api/things', () => new Promise<Response>(() => {})));
    const controller = new AbortController();
    const pending = apiRequest('/api/things', { schema: itemSchema, signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.code).toBe('aborted');
  });

  it('refuses a path outside /api', async () => {
    await expect(apiRequest('https://elsewhere.example/api/x')).rejects.toThrow(TypeError);
    await expect(apiRequest('/healthz')).rejects.toThrow(TypeError);
  });
});
