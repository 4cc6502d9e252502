/**
 * Runs `task` once the first screen has settled: after `afterMs`, when the browser is next idle
 * (or `timeoutMs` later at the latest). For work the first screen does not need, so that its own
 * requests and rendering go first. Without requestIdleCallback (jsdom) it runs at once. Returns a
 * cancel.
 */
export function whenIdle(task: () => void, { afterMs = 1000, timeoutMs = 2000 } = {}): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(task, { timeout: timeoutMs });
  }, afterMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
