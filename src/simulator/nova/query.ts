import type { FastifyRequest } from 'fastify';
import { pyRepr } from '../core/compute/actions/python-repr';
import { queryPairs } from '../http/python-urlencode';
import { badRequest, type NovaFault } from './faults';

/** Python's `repr`, which jsonschema's messages quote values with. */
export { pyRepr };

/**
 * Query parameters as webob hands them to Nova: every pair in order, repeats kept. Fastify's parsed
 * `request.query` loses the order of different names, which sort pairs need.
 */
export function queryOf(request: FastifyRequest): URLSearchParams {
  return new URLSearchParams(queryPairs(request.url));
}

/** The value Nova reads for a name given more than once: webob's `GET[name]` is the last one. */
export function lastValue(query: URLSearchParams, name: string): string | undefined {
  return query.getAll(name).at(-1);
}

/** A query-schema failure, worded as nova/api/validation/validators.py words it. */
export function invalidQueryParam(name: string, value: string, reason: string): NovaFault {
  return badRequest(`Invalid input for query parameters ${name}. Value: ${value}. ${reason}`);
}

/** A value outside a schema `enum`: jsonschema lists the allowed values as a Python list. */
export function notOneOf(name: string, value: string, allowed: string[]): NovaFault {
  return invalidQueryParam(name, value, `${pyRepr(value)} is not one of [${allowed.map(pyRepr).join(', ')}]`);
}

/** `exception.InvalidInput`, which the list controllers turn into a 400. */
export function invalidInput(reason: string): NovaFault {
  return badRequest(`Invalid input received: ${reason}`);
}

/**
 * From 2.75 the query schemas say `additionalProperties: false`; before, Nova strips unknown
 * names silently. `allowed` also receives names that a `patternProperties` entry lets through;
 * a schema with such `patterns` (servers: `^_`) makes jsonschema word the refusal differently.
 */
export function rejectUnknownParams(query: URLSearchParams, allowed: (name: string) => boolean, patterns: string[] = []): void {
  const extras = [...new Set(query.keys())].filter((name) => !allowed(name)).sort();
  if (extras.length === 0) return;
  const plural = extras.length > 1;
  const names = extras.map(pyRepr).join(', ');
  if (patterns.length > 0) throw badRequest(`${names} ${plural ? 'do' : 'does'} not match any of the regexes: ${patterns.map(pyRepr).join(', ')}`);
  throw badRequest(`Additional properties are not allowed (${names} ${plural ? 'were' : 'was'} unexpected)`);
}

const TRUE_STRINGS = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE_STRINGS = ['0', 'f', 'false', 'off', 'n', 'no'];

/** oslo's `strutils.bool_from_string`: undefined when the text is neither. */
export function parseBool(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_STRINGS.includes(word)) return true;
  if (FALSE_STRINGS.includes(word)) return false;
  return undefined;
}

/**
 * `bool_from_string(strict=True)`. Nova answers its ValueError as `exception.InvalidInput` for
 * `all_tenants`, and as a bare HTTPBadRequest with the text alone for `locked`: `fault` says which.
 */
export function strictBool(text: string, fault: (reason: string) => NovaFault = invalidInput): boolean {
  const value = parseBool(text);
  if (value !== undefined) return value;
  const acceptable = [...TRUE_STRINGS, ...FALSE_STRINGS]
    .sort()
    .map((s) => `'${s}'`)
    .join(', ');
  throw fault(`Unrecognized value '${text}', acceptable values are: ${acceptable}`);
}

const isoPattern = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** What `timeutils.parse_isotime` (the iso8601 library) accepts, in epoch ms; zone-less is UTC. */
export function parseIsoTime(text: string): number | undefined {
  const m = isoPattern.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(d)) return undefined;
  if (zone.toUpperCase() === 'Z') return ms;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

/**
 * A query value that the schema types as `format: regex`: non-empty and compilable. JavaScript's
 * dialect stands in for Python's `re`; both agree on what clients send.
 */
export function compileRegex(name: string, text: string, flags = 'i'): RegExp {
  try {
    if (text !== '') return new RegExp(text, flags);
  } catch {
    // answered below as Nova's schema does
  }
  throw invalidQueryParam(name, text, `${pyRepr(text)} is not a 'regex'`);
}
