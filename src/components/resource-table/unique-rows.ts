export interface UniqueRows<TRow> {
  rows: TRow[];
  /** Position of each row by key. */
  indexOf: ReadonlyMap<string, number>;
}

/**
 * The rows of every loaded page, each key once. A list cursor whose marker vanished falls back to
 * an earlier one, so a page may repeat rows: the row keeps its first position and takes the
 * later, fresher copy.
 */
export function uniqueRows<TPage, TRow>(
  pages: readonly TPage[],
  getRows: (page: TPage) => readonly TRow[],
  rowKey: (row: TRow) => string,
): UniqueRows<TRow> {
  const indexOf = new Map<string, number>();
  const rows: TRow[] = [];
  for (const page of pages) {
    for (const row of getRows(page)) {
      const key = rowKey(row);
      const at = indexOf.get(key);
      if (at === undefined) {
        indexOf.set(key, rows.length);
        rows.push(row);
      } else {
        rows[at] = row;
      }
    }
  }
  return { rows, indexOf };
}
