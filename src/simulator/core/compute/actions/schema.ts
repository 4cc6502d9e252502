/**
 * The part of JSON Schema that Nova's action and server-create bodies use, checked the way
 * nova/api/validation does it with jsonschema: keywords in the order the schema lists them, the
 * first error wins, and the error is worded `Invalid input for field/attribute <last path item>.
 * Value: <str(value)>. <jsonschema's message>` (a bare message at the top level, InvalidName's
 * own text for names).
 */
import { parseIp } from '../../../../domain/network/addresses';
import { invalidRequest } from './errors';
import { pyRepr, pyStr } from './python-repr';

type JsonType = 'object' | 'string' | 'integer' | 'null' | 'boolean' | 'array';

export interface Schema {
  type?: JsonType | readonly JsonType[];
  properties?: Readonly<Record<string, Schema>>;
  patternProperties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  additionalProperties?: boolean;
  enum?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  format?: 'uuid' | 'name' | 'ipv4' | 'ipv6';
  items?: Schema;
  maxItems?: number;
  oneOf?: readonly Schema[];
}

type Path = readonly (string | number)[];
interface Failure {
  path: Path;
  value: unknown;
  message: string;
  /** Set when the message stands alone (Nova's InvalidName), not inside the field sentence. */
  bare?: boolean;
}

/** A body that passes `schema`, or Nova's 400 for the first error. */
export function validate(schema: Schema, body: unknown): void {
  const failure = check(schema, body, []);
  if (!failure) return;
  const field = failure.path.at(-1);
  throw invalidRequest(
    failure.bare || field === undefined
      ? failure.message
      : `Invalid input for field/attribute ${field}. Value: ${pyStr(failure.value)}. ${failure.message}`,
  );
}

function check(schema: Schema, value: unknown, path: Path): Failure | undefined {
  for (const keyword of Object.keys(schema) as (keyof Schema)[]) {
    const failure = keywordChecks[keyword](schema, value, path);
    if (failure) return failure;
  }
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const typeTests: Record<JsonType, (v: unknown) => boolean> = {
  object: isObject,
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  array: Array.isArray,
};

// CPython's `re.search` and JavaScript agree on every pattern Nova's action schemas use; without
// the `u` flag, as Nova's `[a-zA-Z0-9-_:. ]` is a syntax error in unicode mode.
const matches = (pattern: string, text: string) => new RegExp(pattern).test(text);

/** Nova's `name` format: printable, no leading or trailing whitespace (parameter_types.valid_name_regex). */
const validName = /^(?![\p{C}\p{Z}])[^\p{C}\p{Zl}\p{Zp}]*(?<![\p{C}\p{Z}])$/u;
/** oslo's is_uuid_like: 32 hex digits, dashes anywhere, any case. */
export const uuidLike = (v: string) => /^[0-9a-f]{32}$/i.test(v.replaceAll('-', '')) && /^[0-9a-f-]+$/i.test(v);

const arrayOf = (value: unknown): readonly unknown[] | undefined => (Array.isArray(value) ? value : undefined);

type KeywordCheck = (schema: Schema, value: unknown, path: Path) => Failure | undefined;

const keywordChecks: Record<keyof Schema, KeywordCheck> = {
  type(schema, value, path) {
    const types = ([] as JsonType[]).concat(schema.type ?? []);
    if (types.some((t) => typeTests[t](value))) return undefined;
    return { path, value, message: `${pyRepr(value)} is not of type ${types.map((t) => pyRepr(t)).join(', ')}` };
  },
  properties(schema, value, path) {
    if (!isObject(value)) return undefined;
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      if (name in value) {
        const failure = check(sub, value[name], [...path, name]);
        if (failure) return failure;
      }
    }
    return undefined;
  },
  patternProperties(schema, value, path) {
    if (!isObject(value)) return undefined;
    for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
      for (const [name, item] of Object.entries(value)) {
        const failure = matches(pattern, name) ? check(sub, item, [...path, name]) : undefined;
        if (failure) return failure;
      }
    }
    return undefined;
  },
  required(schema, value, path) {
    if (!isObject(value)) return undefined;
    const missing = (schema.required ?? []).find((name) => !(name in value));
    return missing === undefined ? undefined : { path, value, message: `${pyRepr(missing)} is a required property` };
  },
  additionalProperties(schema, value, path) {
    if (schema.additionalProperties !== false || !isObject(value)) return undefined;
    const patterns = Object.keys(schema.patternProperties ?? {});
    const extras = Object.keys(value).filter((name) => !(name in (schema.properties ?? {})) && !patterns.some((p) => matches(p, name)));
    if (extras.length === 0) return undefined;
    const plural = extras.length > 1;
    const message = patterns.length
      ? `${[...extras].sort().map(pyRepr).join(', ')} ${plural ? 'do' : 'does'} not match any of the regexes: ${patterns.map(pyRepr).join(', ')}`
      : `Additional properties are not allowed (${extras.map(pyRepr).join(', ')} ${plural ? 'were' : 'was'} unexpected)`;
    return { path, value, message };
  },
  enum(schema, value, path) {
    const options = schema.enum ?? [];
    return options.includes(value) ? undefined : { path, value, message: `${pyRepr(value)} is not one of ${pyRepr(options)}` };
  },
  minLength(schema, value, path) {
    const min = schema.minLength ?? 0;
    if (typeof value !== 'string' || [...value].length >= min) return undefined;
    return { path, value, message: `${pyRepr(value)} ${min === 1 ? 'should be non-empty' : 'is too short'}` };
  },
  maxLength(schema, value, path) {
    const max = schema.maxLength ?? Infinity;
    if (typeof value !== 'string' || [...value].length <= max) return undefined;
    return { path, value, message: `${pyRepr(value)} ${max === 0 ? 'is expected to be empty' : 'is too long'}` };
  },
  pattern(schema, value, path) {
    const pattern = schema.pattern ?? '';
    if (typeof value !== 'string' || matches(pattern, value)) return undefined;
    return { path, value, message: `${pyRepr(value)} does not match ${pyRepr(pattern)}` };
  },
  minimum(schema, value, path) {
    const min = schema.minimum ?? -Infinity;
    if (typeof value !== 'number' || value >= min) return undefined;
    return { path, value, message: `${pyRepr(value)} is less than the minimum of ${min}` };
  },
  items(schema, value, path) {
    const items = arrayOf(value) ?? [];
    for (const [index, item] of items.entries()) {
      const failure = check(schema.items ?? {}, item, [...path, index]);
      if (failure) return failure;
    }
    return undefined;
  },
  maxItems(schema, value, path) {
    const max = schema.maxItems ?? Infinity;
    const items = arrayOf(value);
    return items === undefined || items.length <= max ? undefined : { path, value, message: `${pyRepr(value)} is too long` };
  },
  // Nova's oneOf branches never overlap, so only "none matched" can happen.
  oneOf(schema, value, path) {
    if ((schema.oneOf ?? []).some((branch) => check(branch, value, path) === undefined)) return undefined;
    return { path, value, message: `${pyRepr(value)} is not valid under any of the given schemas` };
  },
  format(schema, value, path) {
    if (typeof value !== 'string') return undefined; // formats only constrain strings
    if (schema.format === 'uuid') return uuidLike(value) ? undefined : { path, value, message: `${pyRepr(value)} is not a 'uuid'` };
    if (schema.format === 'ipv4' || schema.format === 'ipv6') {
      return parseIp(value)?.version === (schema.format === 'ipv4' ? 4 : 6) ? undefined : { path, value, message: `${pyRepr(value)} is not a '${schema.format}'` };
    }
    if (validName.test(value)) return undefined;
    return { path, value, bare: true, message: "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace." };
  },
};
