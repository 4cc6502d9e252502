import { apiPaths, taskEventSchema } from '../../../domain/api';
import type { OpenedStream, StreamHandlers } from './task-stream-hub';

/** After the stream failed for good (a non-200 answer), it is opened again after this, doubling up to a minute. */
const reopenMs = { first: 3_000, max: 60_000 };

/**
 * `GET /api/tasks/stream` as an EventSource: each `task` event, parsed by the contract's schema.
 * The browser reconnects by itself after a network error (the BFF asks for 3 s); after a refusal
 * it gives up, and this opens it again later with a growing wait. Keep-alive comments are not
 * events and never reach here.
 */
export function openTaskEventSource({ onEvent, onOpen }: StreamHandlers): OpenedStream {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = reopenMs.first;
  let closed = false;

  const open = () => {
    if (closed || typeof EventSource === 'undefined') return;
    const current = new EventSource(apiPaths.taskStream);
    source = current;
    current.addEventListener('open', () => {
      wait = reopenMs.first;
      onOpen();
    });
    current.addEventListener('task', (message) => {
      let data: unknown;
      try {
        data = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = taskEventSchema.safeParse(data);
      if (parsed.success) onEvent(parsed.data);
    });
    current.addEventListener('error', () => {
      if (closed || current.readyState !== EventSource.CLOSED) return;
      timer = setTimeout(open, wait);
      wait = Math.min(reopenMs.max, wait * 2);
    });
  };
  open();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
