/** Nova's two ways of writing a time, both UTC. */

/** `utils.isotime`: `2013-09-03T04:01:32Z`, no fraction (created, updated, fault.created). */
export function isoTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * A naive datetime as oslo's JSON serializer writes it: `2013-09-23T13:37:00.880302`, always six
 * digits and no zone (`OS-SRV-USG:launched_at`, `terminated_at`).
 */
export function naiveTime(ms: number | null): string | null {
  if (ms === null) return null;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}000`;
}
