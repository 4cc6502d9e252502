import { describe, expect, it, vi } from 'vitest';
import type { Task, TaskEvent } from '../../../domain/api';
import { createTaskStreamHub, type ChannelLike, type LocksLike, type StreamHandlers } from './task-stream-hub';

/** BroadcastChannel as browsers have it: a message reaches every other channel of the name, later. */
class FakeChannels {
  private readonly open = new Set<{ name: string; listeners: Array<(event: MessageEvent) => void> }>();
  create = (name: string): ChannelLike => {
    const self = { name, listeners: [] as Array<(event: MessageEvent) => void> };
    this.open.add(self);
    return {
      postMessage: (message) => {
        const copy = structuredClone(message);
        for (const other of this.open) {
          if (other !== self && other.name === name) queueMicrotask(() => other.listeners.forEach((l) => l(new MessageEvent('message', { data: copy }))));
        }
      },
      addEventListener: (_type, listener) => self.listeners.push(listener),
      close: () => this.open.delete(self),
    };
  };
  /** Another party on the channel (a tab of an older build, say) that sends what it likes. */
  raw(name: string): ChannelLike {
    return this.create(name);
  }
}

/** Web Locks as browsers have them: one holder per name, a queue behind it, released when the holder's tab goes. */
class FakeLocks {
  private holder: { tab: number; release: () => void } | undefined;
  private readonly queue: Array<{ tab: number; grant: () => void }> = [];

  forTab(tab: number): LocksLike & { crash: () => void } {
    return {
      request: (_name, { signal }, callback) =>
        new Promise((resolve, reject) => {
          const entry = {
            tab,
            grant: () => {
              let released = false;
              const release = () => {
                if (released) return;
                released = true;
                if (this.holder?.tab === tab) this.holder = undefined;
                resolve(undefined);
                this.next();
              };
              this.holder = { tab, release };
              void callback({}).then(release);
            },
          };
          signal?.addEventListener('abort', () => {
            const at = this.queue.indexOf(entry);
            if (at >= 0) {
              this.queue.splice(at, 1);
              reject(new DOMException('aborted', 'AbortError'));
            }
          });
          this.queue.push(entry);
          if (!this.holder) this.next();
        }),
      // The tab went away without closing anything: the browser lets go of its lock.
      crash: () => {
        if (this.holder?.tab === tab) this.holder.release();
      },
    };
  }

  private next(): void {
    if (this.holder) return;
    queueMicrotask(() => {
      if (this.holder) return;
      this.queue.shift()?.grant();
    });
  }
}

function task(id: string, state: Task['state'] = 'running'): Task {
  return { id, serverId: 's1', serverName: 'web-01', action: 'reboot', requestId: null, state, step: 'Rebooting', progress: 30, startedAt: '2026-11-23T10:00:00Z' };
}

/** A fake EventSource per tab: the test pushes events into whichever streams are open. */
function streams() {
  const open = new Map<number, StreamHandlers>();
  let opened = 0;
  return {
    openerFor: (tab: number) => (handlers: StreamHandlers) => {
      opened += 1;
      open.set(tab, handlers);
      queueMicrotask(() => handlers.onOpen());
      return { close: () => open.delete(tab) };
    },
    send(event: TaskEvent) {
      for (const handlers of open.values()) handlers.onEvent(event);
    },
    openTabs: () => [...open.keys()],
    opened: () => opened,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function tabs(count: number, withLocks = true) {
  const channels = new FakeChannels();
  const locks = new FakeLocks();
  const source = streams();
  const made = Array.from({ length: count }, (_, tab) => {
    const events: TaskEvent[] = [];
    const opens = vi.fn();
    const tabLocks = locks.forTab(tab);
    const hub = createTaskStreamHub({
      openStream: source.openerFor(tab),
      onEvent: (event) => events.push(event),
      onOpen: opens,
      createChannel: channels.create,
      locks: withLocks ? tabLocks : undefined,
    });
    return { hub, events, opens, crash: tabLocks.crash };
  });
  return { tabs: made, source, channels };
}

describe('one task stream per browser', () => {
  it('lets the first tab lead and relays its events to the others', async () => {
    const { tabs: [a, b, c], source } = tabs(3);
    await settle();
    expect([a?.hub.role(), b?.hub.role(), c?.hub.role()]).toEqual(['leader', 'follower', 'follower']);
    expect(source.opened()).toBe(1);
    // The leader's stream opened: every tab reads the list once.
    expect([a?.opens, b?.opens, c?.opens].map((o) => o?.mock.calls.length)).toEqual([1, 1, 1]);

    source.send({ task: task('t1') });
    await settle();
    for (const tab of [a, b, c]) expect(tab?.events.map((e) => e.task.id)).toEqual(['t1']);
  });

  it('hands the stream to the next tab when the leader closes, which every tab hears as a reconnection', async () => {
    const { tabs: [a, b, c], source } = tabs(3);
    await settle();
    a?.hub.close();
    await settle();
    expect([a?.hub.role(), b?.hub.role(), c?.hub.role()]).toEqual(['closed', 'leader', 'follower']);
    expect(source.openTabs()).toEqual([1]);
    expect(b?.opens).toHaveBeenCalledTimes(2);
    expect(c?.opens).toHaveBeenCalledTimes(2);

    source.send({ task: task('t2', 'succeeded') });
    await settle();
    expect(b?.events.map((e) => e.task.state)).toEqual(['succeeded']);
    expect(c?.events.map((e) => e.task.state)).toEqual(['succeeded']);
    expect(a?.events).toEqual([]);
  });

  it('takes over from a leader whose tab went away without a word', async () => {
    const { tabs: [a, b], source } = tabs(2);
    await settle();
    a?.crash();
    await settle();
    expect(b?.hub.role()).toBe('leader');
    expect(source.opened()).toBe(2);
  });

  it('never lets a tab that left while waiting lead', async () => {
    const { tabs: [a, b, c], source } = tabs(3);
    await settle();
    b?.hub.close();
    a?.hub.close();
    await settle();
    expect(c?.hub.role()).toBe('leader');
    expect(source.opened()).toBe(2);
  });

  it('ignores relayed messages that are not task events', async () => {
    const { tabs: [, b], channels } = tabs(2);
    await settle();
    const stranger = channels.raw('stackdeck-tasks');
    stranger.postMessage({ type: 'event', event: { task: { id: 'x' } } });
    stranger.postMessage('hello');
    stranger.postMessage({ type: 'event', event: { task: task('t3') } });
    await settle();
    expect(b?.events.map((e) => e.task.id)).toEqual(['t3']);
  });

  it('gives every tab its own stream without Web Locks', async () => {
    const { tabs: [a, b], source } = tabs(2, false);
    await settle();
    expect([a?.hub.role(), b?.hub.role()]).toEqual(['solo', 'solo']);
    expect(source.opened()).toBe(2);
    source.send({ task: task('t4') });
    expect(a?.events).toHaveLength(1);
    expect(b?.events).toHaveLength(1);
    a?.hub.close();
    expect(source.openTabs()).toEqual([1]);
  });
});
