/** Where two normalised answers part, as JSON paths with each side's value there. */
export interface Mismatch {
  path: string;
  real: unknown;
  sim: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function mismatches(real: unknown, sim: unknown, path = '$'): Mismatch[] {
  if (Array.isArray(real) && Array.isArray(sim)) {
    // Lists of different lengths are shown whole: item-by-item mismatches would hide what is missing.
    if (real.length !== sim.length) return [{ path, real, sim }];
    return real.flatMap((item, i) => mismatches(item, sim[i], `${path}[${i}]`));
  }
  if (isObject(real) && isObject(sim)) {
    const keys = [...new Set([...Object.keys(real), ...Object.keys(sim)])].sort();
    return keys.flatMap((key) => {
      const here = `${path}.${key}`;
      if (!(key in real)) return [{ path: here, real: '(absent)', sim: sim[key] }];
      if (!(key in sim)) return [{ path: here, real: real[key], sim: '(absent)' }];
      return mismatches(real[key], sim[key], here);
    });
  }
  return Object.is(real, sim) ? [] : [{ path, real, sim }];
}
