// What every stand-in BFF handler answers with, as the BFF does: bodies checked against the
// contract, errors in its one shape, lists continued by an opaque cursor.
import { HttpResponse, type JsonBodyType } from 'msw';
import type { z } from 'zod/mini';
import { type ErrorBody, errorBodySchema } from '../../domain/api';

/** The BFF's headers for a user's data; sign-in and session answers use `no-store`. */
export const privateNoCache = { 'cache-control': 'private, no-cache' };
export const noStore = { 'cache-control': 'no-store' };

export function respond<T extends JsonBodyType>(schema: z.ZodMiniType<T>, body: T, status = 200, headers: Record<string, string> = privateNoCache) {
  return HttpResponse.json(schema.parse(body), { status, headers });
}

export function errorResponse(status: number, error: ErrorBody['error'], headers: Record<string, string> = privateNoCache) {
  return respond(errorBodySchema, { error }, status, headers);
}

export function searchOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** A cursor that holds where a list stopped, valid only for the query (`listKey`) that made it. */
export function encodeCursor(listKey: string, position: unknown): string {
  return btoa(JSON.stringify({ v: 1, q: listKey, p: position })).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The position a cursor holds, or undefined for a forged one or one made for another query. */
export function decodeCursor(raw: string, listKey: string): unknown {
  try {
    const value = JSON.parse(atob(raw.replaceAll('-', '+').replaceAll('_', '/'))) as { v?: unknown; q?: unknown; p?: unknown };
    return value.v === 1 && value.q === listKey ? value.p : undefined;
  } catch {
    return undefined;
  }
}

export function badCursor() {
  return errorResponse(400, { code: 'cursor.invalid', message: 'This list position is no longer valid. Reload the list.' });
}
