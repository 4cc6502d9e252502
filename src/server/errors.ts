import type { ErrorBody, ErrorCode } from '../domain/api';

interface AppErrorOptions {
  detail?: string | undefined;
  requestId?: string | undefined;
  params?: Record<string, string | number> | undefined;
  cause?: unknown;
}

/**
 * The one error type routes throw. The error handler turns it into the contract's error body,
 * so no route formats an error response itself.
 */
export class AppError extends Error {
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.detail = options.detail;
    this.requestId = options.requestId;
    this.params = options.params;
  }

  toBody(fallbackRequestId: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.params && { params: this.params }),
        ...(this.detail && { detail: this.detail }),
        requestId: this.requestId ?? fallbackRequestId,
      },
    };
  }
}
