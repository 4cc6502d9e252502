// Reads src/simulator/KNOWN-DIFFERENCES.md: a document for people whose table's first column is
// the check id the differential check matches.

export interface KnownDifference {
  id: string;
  what: string;
  why: string;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** The rows of every table whose first column holds a `code` id; other tables and prose are skipped. */
export function parseKnownDifferences(markdown: string): Map<string, KnownDifference> {
  const known = new Map<string, KnownDifference>();
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const [first = '', what = '', why = ''] = cells(line);
    const id = /^`([^`]+)`$/.exec(first)?.[1];
    if (!id) continue;
    if (known.has(id)) throw new Error(`KNOWN-DIFFERENCES.md lists ${id} twice`);
    known.set(id, { id, what, why });
  }
  return known;
}
