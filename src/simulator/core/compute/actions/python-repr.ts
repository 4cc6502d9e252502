/**
 * Values written the way Python prints them, because Nova's validation messages embed
 * `repr(value)` and `str(value)` of the decoded JSON (`{'type': 'x'}`, `None`, `True`).
 */

export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value); // JSON's 1.0 reaches JS as 1: a known blur
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pyString(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** `str(value)`: as repr, except that a string prints bare. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

const escapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Single quotes unless the text holds a single quote and no double quote, as CPython chooses. */
function pyString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    if (ch === quote) out += `\\${ch}`;
    else if (escapes[ch]) out += escapes[ch];
    else if (/\p{Cc}/u.test(ch)) out += `\\x${(ch.codePointAt(0) as number).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}
