import type { QueryClient } from '@tanstack/react-query';
import type { ServerSummary, Task } from '../domain/api';

/**
 * What one part of the SPA tells another without importing it: features do not import each other,
 * so the tasks feature and the servers feature meet here. One bus per query client (one per app,
 * so tests never share one).
 */
export interface AppEventMap {
  /** A task started (from an action's 202) or changed (from the event stream), with its server's new row when known. */
  task: { task: Task; server?: ServerSummary | undefined };
  /** A server's cached row may be out of date (an action was just accepted, or Nova refused one with 409 or 404): read it again. */
  'server-stale': { serverId: string };
}

export type AppEventType = keyof AppEventMap;
type Listener<K extends AppEventType> = (payload: AppEventMap[K]) => void;

export interface AppEvents {
  on<K extends AppEventType>(type: K, listener: Listener<K>): () => void;
  emit<K extends AppEventType>(type: K, payload: AppEventMap[K]): void;
}

const buses = new WeakMap<QueryClient, AppEvents>();

export function appEvents(client: QueryClient): AppEvents {
  let bus = buses.get(client);
  if (!bus) {
    const listeners = new Map<AppEventType, Set<Listener<AppEventType>>>();
    bus = {
      on(type, listener) {
        let set = listeners.get(type);
        if (!set) listeners.set(type, (set = new Set()));
        set.add(listener as Listener<AppEventType>);
        return () => set.delete(listener as Listener<AppEventType>);
      },
      emit(type, payload) {
        for (const listener of [...(listeners.get(type) ?? [])]) listener(payload);
      },
    };
    buses.set(client, bus);
  }
  return bus;
}
