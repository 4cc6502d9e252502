/**
 * Neutron's messages interpolate Python values (`'%s' is not a valid string`, `%s is invalid
 * attribute for filtering` with a list): these render JSON values the way Python prints them.
 */

/** `str(value)`: True/False/None, numbers as they are, strings bare, containers as `repr`. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** `repr(value)`: strings quoted as Python quotes them, lists `[…]`, dicts `{…: …}`. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${quote(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function quote(text: string): string {
  // Python picks double quotes only when the text has a single quote and no double quote.
  if (text.includes("'") && !text.includes('"')) return `"${text.replaceAll('\\', '\\\\')}"`;
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
