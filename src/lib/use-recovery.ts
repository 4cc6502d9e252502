import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { recoveryDelayMs } from './query-client';

/** What `useRecovery` reads of a `useQuery` or `useInfiniteQuery` result. */
export interface RecoveringQuery {
  failureCount: number;
  failureReason: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

export interface Recovery {
  /** The latest failure, also while the next try is awaited; null when the latest try did not fail. */
  failure: unknown;
  /** Whole seconds until the next try by itself (0: under way); undefined when none is coming. */
  retryIn: number | undefined;
  /** Tries at once, instead of at the end of the wait. */
  retryNow: () => void;
}

/**
 * How a query with `recoverWhileShown` is getting on after a failure: the failure to show, the
 * countdown to the next try, and a try now. TanStack Query keeps such a query pending (and
 * fetching) through its tries, with the failure in `failureReason`.
 */
export function useRecovery(query: RecoveringQuery, queryKey: QueryKey): Recovery {
  const client = useQueryClient();
  const { failureCount, failureReason, isFetching, refetch } = query;
  const failure = failureCount > 0 ? failureReason : null;
  const awaitingTry = failure !== null && isFetching;

  // The wait for the next try starts as the failure is learnt, and counts down from its full length.
  const delaySeconds = awaitingTry ? recoveryDelayMs(failureCount - 1) / 1000 : 0;
  // Each failure is an error of its own: the count of the one before never shows for the next.
  const [counted, setCounted] = useState<{ failure: unknown; retryIn: number }>();
  useEffect(() => {
    if (!awaitingTry) return;
    const until = Date.now() + delaySeconds * 1000;
    const timer = setInterval(() => setCounted({ failure, retryIn: Math.max(0, Math.ceil((until - Date.now()) / 1000)) }), 1000);
    return () => clearInterval(timer);
  }, [awaitingTry, failure, delaySeconds]);
  const retryIn = !awaitingTry ? undefined : counted !== undefined && counted.failure === failure ? counted.retryIn : delaySeconds;

  // A refetch joins the tries under way, wait included: they are cancelled first.
  const retryNow = useCallback(() => {
    void client.cancelQueries({ queryKey, exact: true }).then(() => refetch());
  }, [client, queryKey, refetch]);

  return { failure, retryIn, retryNow };
}
