import type { ErrorCode } from '../domain/api';

/**
 * Codes the SPA makes up itself, for failures that never reached the BFF's error handler.
 * They live here and not in the domain contract because the BFF never sends them.
 */
export const clientErrorCodes = ['network', 'aborted', 'response.invalid', 'unknown'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export type ApiErrorParams = Readonly<Record<string, string | number>>;

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  /** The HTTP status; 0 when no response arrived. */
  status: number;
  requestId?: string | undefined;
  detail?: string | undefined;
  params?: ApiErrorParams | undefined;
  cause?: unknown;
}

/** The one error type the API client throws; the message catalogue turns it into words. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly detail: string | undefined;
  readonly params: ApiErrorParams;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.detail = init.detail;
    this.params = init.params ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The BFF no longer knows this browser: the user has to sign in again. */
export function isSessionLost(error: unknown): error is ApiError {
  return (
    isApiError(error) && (error.code === 'auth.unauthenticated' || error.code === 'auth.session_expired')
  );
}

/** Failures that may go away on their own (a blip on the wire, an upstream restarting). */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'aborted' || error.code === 'response.invalid') return false;
  return error.status === 0 || error.status >= 500;
}

/**
 * Failures worth trying again and again while a page waits for its data: the transient ones, and
 * the two client errors that mean "later" (408 Request Timeout, 429 Too Many Requests).
 */
export function isRecoverable(error: unknown): boolean {
  return isTransient(error) || (isApiError(error) && (error.status === 408 || error.status === 429));
}
