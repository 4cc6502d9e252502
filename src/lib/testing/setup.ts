import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { EventSource as EventSourcePolyfill } from 'eventsource';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetBff, server } from './msw-server';

// Radix measures its popper content with ResizeObserver, which jsdom lacks.
class ResizeObserverStub implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;

// jsdom has no EventSource; this one reads the stream with fetch, which msw answers.
globalThis.EventSource ??= EventSourcePolyfill as unknown as typeof EventSource;

// Route tests sign in, load lazy chunks and wait out a search's debounce: give findBy* room on a busy CI.
configure({ asyncUtilTimeout: 3000 });

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  resetBff();
});
afterEach(() => cleanup());
afterAll(() => server.close());
