import { isApiError } from '../../lib/errors';
import { messageFor } from '../../lib/messages';
import { cx } from '../../lib/cx';
import { Button } from './button';

export interface ErrorNoticeProps {
  /** What failed, in words: "The servers could not be loaded". */
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** Seconds until the next try by itself (0: under way); leave out when none is coming. */
  retryIn?: number | undefined;
  /** A one-line version, for inside a list. */
  compact?: boolean;
}

/** A failed query in words (from the message catalogue), with its request id and a retry. */
export function ErrorNotice({ title, error, onRetry, retrying = false, retryIn, compact = false }: ErrorNoticeProps) {
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div
      role="alert"
      className={cx(
        'rounded-xl border border-red-200 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100',
        compact ? 'flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm' : 'px-6 py-5',
      )}
    >
      <div className="min-w-0 flex-1">
        <p className={cx('font-semibold', !compact && 'text-base')}>{title}</p>
        <p className={cx(!compact && 'mt-1', 'text-sm')}>{messageFor(error)}</p>
        {requestId ? (
          <p className="mt-1 text-xs text-red-900/80 dark:text-red-200/80">
            Request ID <code className="font-mono select-all">{requestId}</code>
          </p>
        ) : null}
      </div>
      {onRetry || retryIn !== undefined ? (
        <div className={cx('flex flex-wrap items-center gap-x-3 gap-y-2', !compact && 'mt-4')}>
          {onRetry ? (
            <Button pending={retrying} onClick={onRetry}>
              Retry
            </Button>
          ) : null}
          {retryIn !== undefined ? (
            // Not announced every second: the alert has said what failed; the countdown is there to read.
            <p aria-live="off" className="text-sm text-red-900/80 dark:text-red-200/80">
              {retryIn > 0 ? `Retrying in ${retryIn} s` : 'Retrying…'}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
