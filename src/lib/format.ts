/**
 * Times, sizes and counts in words. The BFF sends ISO times (UTC); these show them in the
 * browser's locale and zone.
 */

let formatters: { relative: Intl.RelativeTimeFormat; exact: Intl.DateTimeFormat; count: Intl.NumberFormat } | undefined;

/**
 * Made on first use: the first Intl.RelativeTimeFormat loads its locale data, which takes Chromium
 * 20–50 ms. `warmFormatters` pays that while the user is busy with something else.
 */
function intl() {
  formatters ??= {
    relative: new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }),
    exact: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
    count: new Intl.NumberFormat(),
  };
  return formatters;
}

/** Loads the locale data the lists need ahead of time (the login page calls it while idle). */
export function warmFormatters(): void {
  intl();
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 hours", "just now"; the ISO text itself when it is not a time. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const diff = time - now;
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms) return intl().relative.format(Math.trunc(diff / ms), unit);
  }
  return 'just now';
}

/** The exact time in the user's locale and zone: "Nov 23, 2026, 10:14:03 AM". */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : intl().exact.format(time);
}

/** Memory from MiB: "512 MB", "2 GB", "1.5 GB". */
export function formatMemory(mb: number): string {
  if (mb < 1024) return `${mb} MB`;
  const gb = mb / 1024;
  return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
}

/** "1 server", "2 servers"; `plural` when the word does not take an s. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${intl().count.format(n)} ${n === 1 ? singular : plural}`;
}

/** A duration in words: "8 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
