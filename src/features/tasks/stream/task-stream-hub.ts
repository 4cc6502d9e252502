import { taskEventSchema, type TaskEvent } from '../../../domain/api';

/**
 * One event stream per browser, shared by its tabs (architecture.md, "Tasks": a browser allows
 * six connections per host, so ten tabs each holding a stream would stall every fetch).
 *
 * With BroadcastChannel and Web Locks, the tabs elect a leader: every tab asks for the same lock,
 * the one that holds it opens the stream and relays each event on the channel, the others listen.
 * The browser releases the lock when the leader's tab closes (or crashes), and the next tab in
 * line takes over and opens the stream. Without either API each tab keeps its own stream.
 *
 * The stream carries changes only, so whoever (re)connects has missed some: every (re)connection
 * is announced (`onOpen`) on every tab, which then reads the task list again.
 */

/** What a tab does with the stream: `leader` holds it, `follower` hears it relayed, `solo` holds its own. */
export type HubRole = 'leader' | 'follower' | 'solo' | 'closed';

export interface StreamHandlers {
  onEvent: (event: TaskEvent) => void;
  /** The stream (re)connected: events may have been missed. */
  onOpen: () => void;
}

export interface OpenedStream {
  close: () => void;
}

/** The parts of BroadcastChannel the hub uses (a fake one in tests). */
export interface ChannelLike {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
  close: () => void;
}

/** The part of the Web Locks API the hub uses. */
export interface LocksLike {
  request: (name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>) => Promise<unknown>;
}

export interface TaskStreamHubOptions extends StreamHandlers {
  /** Opens the real stream (an EventSource); called in the leader tab, or in every tab without a leader. */
  openStream: (handlers: StreamHandlers) => OpenedStream;
  /** BroadcastChannel's constructor, when the browser has it. */
  createChannel?: ((name: string) => ChannelLike) | undefined;
  locks?: LocksLike | undefined;
  /** The channel's and the lock's name. */
  name?: string;
  /** Told when this tab's role changes (for diagnostics and tests). */
  onRole?: (role: HubRole) => void;
}

export interface TaskStreamHub {
  role: () => HubRole;
  /** Leaves: closes this tab's stream and lets another tab lead. */
  close: () => void;
}

type RelayMessage = { type: 'event'; event: unknown } | { type: 'open' };

export function createTaskStreamHub({
  openStream,
  onEvent,
  onOpen,
  createChannel,
  locks,
  name = 'stackdeck-tasks',
  onRole,
}: TaskStreamHubOptions): TaskStreamHub {
  let role: HubRole = 'follower';
  let stream: OpenedStream | undefined;
  let releaseLock: (() => void) | undefined;
  const abort = new AbortController();
  const become = (next: HubRole) => {
    role = next;
    onRole?.(next);
  };

  if (!createChannel || !locks) {
    become('solo');
    stream = openStream({ onEvent, onOpen });
    return {
      role: () => role,
      close() {
        if (role === 'closed') return;
        stream?.close();
        become('closed');
      },
    };
  }

  const relay = createChannel(name);
  relay.addEventListener('message', (message) => {
    if (role !== 'follower') return;
    const data = message.data as RelayMessage | undefined;
    if (data?.type === 'open') onOpen();
    if (data?.type === 'event') {
      // Same origin, but a message is still input: the contract's schema reads it.
      const parsed = taskEventSchema.safeParse(data.event);
      if (parsed.success) onEvent(parsed.data);
    }
  });
  become('follower');

  locks
    .request(`${name}:leader`, { signal: abort.signal }, () => {
      if (role === 'closed') return Promise.resolve();
      become('leader');
      stream = openStream({
        onEvent(event) {
          onEvent(event);
          relay.postMessage({ type: 'event', event } satisfies RelayMessage);
        },
        onOpen() {
          onOpen();
          relay.postMessage({ type: 'open' } satisfies RelayMessage);
        },
      });
      // Held until this tab leaves; the browser also lets go when the tab goes away.
      return new Promise<void>((resolve) => {
        releaseLock = resolve;
      });
    })
    .catch(() => {
      // Aborted: the tab left while waiting in line.
    });

  return {
    role: () => role,
    close() {
      if (role === 'closed') return;
      become('closed');
      abort.abort();
      stream?.close();
      releaseLock?.();
      relay.close();
    },
  };
}
