/**
 * nova.utils.generate_password: 12 characters without look-alikes (no 0/O, 1/l/I), at least one
 * from each group. Web Crypto, so the core also runs in a browser.
 */
const groups = ['23456789', 'ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz'];
const all = groups.join('');

export function generatePassword(length = 12): string {
  const random = crypto.getRandomValues(new Uint32Array(length * 2));
  const pick = (from: string, i: number) => from[(random[i] as number) % from.length] as string;
  const chars = Array.from({ length }, (_, i) => pick(groups[i] ?? all, i));
  // Shuffle so the guaranteed characters do not always lead.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (random[length + i] as number) % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
