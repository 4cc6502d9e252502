import { formatCidr, parseCidr, parseIp } from '../../domain/network/addresses';
import { httpBadRequest, invalidInput } from '../core/network/errors';
import { pyRepr, pyStr } from '../core/compute/actions/python-repr';

/**
 * neutron-lib's converters and validators for body attributes, as data: a converter failing is
 * an `InvalidInput`, a validator failing is webob's 400 `Invalid input for <attr>. Reason: <why>.`
 * Reasons are neutron_lib/api/validators word for word.
 */
export type AttributeCheck =
  | { kind: 'name' }
  | { kind: 'string'; max: number }
  | { kind: 'boolean' }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'uuid' }
  | { kind: 'values'; values: readonly unknown[]; integer?: boolean }
  | { kind: 'cidr' }
  | { kind: 'ipOrNone' }
  | { kind: 'mac' }
  | { kind: 'fixedIps' }
  | { kind: 'pools' }
  | { kind: 'nameservers' }
  | { kind: 'hostRoutes' }
  | { kind: 'uuidList' };

type Kind = AttributeCheck['kind'];
type CheckOf<K extends Kind> = Extract<AttributeCheck, { kind: K }>;

/** A converter returns the converted value or throws; a validator returns a reason or nothing. */
interface CheckImplementation<K extends Kind> {
  convert?: (value: unknown, check: CheckOf<K>) => unknown;
  validate?: (value: unknown, check: CheckOf<K>) => string | undefined;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const uuidPattern = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const macPattern = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;

const trueStrings = new Set(['1', 't', 'true', 'on', 'y', 'yes']);
const falseStrings = new Set(['0', 'f', 'false', 'off', 'n', 'no']);

/** oslo's `bool_from_string(strict=True)`, which Neutron uses for every boolean. */
export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = pyStr(value).trim().toLowerCase();
  if (trueStrings.has(text)) return true;
  if (falseStrings.has(text)) return false;
  throw invalidInput(`'${pyStr(value)}' cannot be converted to boolean`);
}

/** `convert_to_int`: Python's `int()`, so `" 7 "` and `"+7"` pass and `"7.5"` does not. */
export function toInteger(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (isString(value) && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  throw invalidInput(`'${pyStr(value)}' is not an integer`);
}

function validateString(value: unknown, max: number): string | undefined {
  if (!isString(value)) return `'${pyStr(value)}' is not a valid string`;
  if (value.length > max) return `'${value}' exceeds maximum length of ${max}`;
  return undefined;
}

const validateIp = (value: unknown) => (isString(value) && parseIp(value) ? undefined : `'${pyStr(value)}' is not a valid IP address`);

function validateList(value: unknown, item: (entry: unknown) => string | undefined): string | undefined {
  if (!Array.isArray(value)) return `'${pyStr(value)}' is not a list`;
  for (const entry of value) {
    const reason = item(entry);
    if (reason) return reason;
  }
  return undefined;
}

const isDict = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const implementations: { [K in Kind]: CheckImplementation<K> } = {
  name: { validate: (value) => validateString(value, 255) },
  string: { validate: (value, check) => validateString(value, check.max) },
  boolean: { convert: toBoolean },
  integer: {
    convert: toInteger,
    validate: (value, { min, max }) => {
      const n = value as number;
      if (min !== undefined && n < min) return `'${n}' is too small - must be at least '${min}'`;
      if (max !== undefined && n > max) return `'${n}' is too large - must be no larger than '${max}'`;
      return undefined;
    },
  },
  uuid: { validate: (value) => (isString(value) && uuidPattern.test(value) ? undefined : `'${pyStr(value)}' is not a valid UUID`) },
  values: {
    convert: (value, check) => (check.integer ? toInteger(value) : value),
    validate: (value, { values }) => (values.includes(value) ? undefined : `${pyStr(value)} is not in ${pyRepr(values)}`),
  },
  cidr: {
    validate: (value) => {
      const cidr = isString(value) ? parseCidr(value) : undefined;
      if (!isString(value) || !cidr) return `'${pyStr(value)}' is not a valid IP subnet`;
      const canonical = formatCidr(cidr);
      return cidr.address === cidr.network ? undefined : `'${value}' isn't a recognized IP subnet cidr, '${canonical}' is recommended`;
    },
  },
  ipOrNone: { validate: (value) => (value === null ? undefined : validateIp(value)) },
  mac: { validate: (value) => (isString(value) && macPattern.test(value) ? undefined : `'${pyStr(value)}' is not a valid MAC address`) },
  fixedIps: {
    validate: (value) =>
      validateList(value, (entry) => {
        if (!isDict(entry)) return `Invalid data format for fixed IP: '${pyStr(entry)}'`;
        if ('ip_address' in entry) {
          const reason = validateIp(entry.ip_address);
          if (reason) return reason;
        }
        if ('subnet_id' in entry && !(isString(entry.subnet_id) && uuidPattern.test(entry.subnet_id))) return `'${pyStr(entry.subnet_id)}' is not a valid UUID`;
        return undefined;
      }),
  },
  pools: {
    validate: (value) =>
      validateList(value, (entry) => {
        if (!isDict(entry) || Object.keys(entry).sort().join() !== 'end,start') return `Invalid data format for IP pool: '${pyStr(entry)}'`;
        return validateIp(entry.start) ?? validateIp(entry.end);
      }),
  },
  nameservers: { validate: (value) => validateList(value, (entry) => (validateIp(entry) ? `Invalid data format for nameserver: '${pyStr(entry)}'` : undefined)) },
  hostRoutes: {
    validate: (value) =>
      validateList(value, (entry) => {
        if (!isDict(entry) || Object.keys(entry).sort().join() !== 'destination,nexthop') return `Invalid data format for hostroute: '${pyStr(entry)}'`;
        return (isString(entry.destination) && parseCidr(entry.destination) ? undefined : `'${pyStr(entry.destination)}' is not a valid IP subnet`) ?? validateIp(entry.nexthop);
      }),
  },
  uuidList: { validate: (value) => validateList(value, (entry) => (isString(entry) && uuidPattern.test(entry) ? undefined : `'${pyStr(entry)}' is not a valid UUID`)) },
};

/** Converts then validates one body attribute, throwing Neutron's 400 for it. */
export function checkAttribute(key: string, value: unknown, check: AttributeCheck): unknown {
  const implementation = implementations[check.kind] as CheckImplementation<Kind>;
  const converted = implementation.convert ? implementation.convert(value, check) : value;
  const reason = implementation.validate?.(converted, check);
  if (reason) throw httpBadRequest(`Invalid input for ${key}. Reason: ${reason}.`);
  return converted;
}
