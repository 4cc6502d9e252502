// Validates a response body against its spec schema with ajv, minus the spec's known errors.
import { type AnySchema, Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type BodySpecError, type KnownSpecError, knownSpecErrors, type StatusSpecError, uuidLike } from './known-spec-errors';
import { responseSchema, type SpecCall } from './response-schema';

export type { SpecCall } from './response-schema';

// strict: false because the specs carry `x-openstack` and other keywords ajv does not know;
// allErrors so that one run lists every place a body and its spec part.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('uuid', uuidLike);

const compiled = new Map<string, ValidateFunction>();
const allowed = new Map<BodySpecError, ValidateFunction>();
const needed = new Set<KnownSpecError>();

/**
 * What in `body` the spec rejects and no known spec error excuses, one readable line each
 * (`/server/image: must be object (got "")`). Throws when the spec has no schema for the call.
 */
export function specViolations(call: SpecCall, body: unknown): string[] {
  const validate = validatorFor(call);
  if (validate(body)) return [];
  return (validate.errors ?? []).filter((error) => !excused(call.operation, error, body)).map((error) => describe(error, body));
}

/** The known spec errors no body needed so far: stale entries, once every test has run. */
export function unneededSpecErrors(): KnownSpecError[] {
  return knownSpecErrors.filter((entry) => !needed.has(entry));
}

function validatorFor(call: SpecCall): ValidateFunction {
  const statusError = knownSpecErrors.find((e): e is StatusSpecError => 'status' in e && e.operation === call.operation && e.status === call.status);
  if (statusError) needed.add(statusError);
  const specCall = { ...call, status: statusError?.specStatus ?? call.status };
  const key = JSON.stringify(specCall);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(responseSchema(specCall) as AnySchema);
    compiled.set(key, validate);
  }
  return validate;
}

/** The error's own place: for a key the spec forbids or requires, the key rather than its object. */
function subjectPointer(error: ErrorObject): string {
  const key = error.params.additionalProperty ?? error.params.missingProperty;
  return typeof key === 'string' ? `${error.instancePath}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}` : error.instancePath;
}

function excused(operation: string, error: ErrorObject, body: unknown): boolean {
  const pointer = subjectPointer(error);
  const value = valueAt(body, pointer);
  const entry = knownSpecErrors.find((e): e is BodySpecError => 'where' in e && e.where.some((where) => matches(where, operation, pointer)) && allowedBy(e)(value));
  if (entry) needed.add(entry);
  return entry !== undefined;
}

function allowedBy(entry: BodySpecError): ValidateFunction {
  let validate = allowed.get(entry);
  if (!validate) {
    validate = ajv.compile(entry.allow as AnySchema);
    allowed.set(entry, validate);
  }
  return validate;
}

/** `where` is `METHOD /path /pointer`; pointers hold no spaces, as no OpenStack key does. */
function matches(where: string, operation: string, pointer: string): boolean {
  const split = where.lastIndexOf(' ');
  if (where.slice(0, split) !== operation) return false;
  const [want, got] = [where.slice(split + 1).split('/'), pointer.split('/')];
  return want.length === got.length && want.every((segment, i) => segment === '*' || segment === got[i]);
}

function valueAt(body: unknown, pointer: string): unknown {
  const keys = pointer.split('/').slice(1).map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  return keys.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), body);
}

function describe(error: ErrorObject, body: unknown): string {
  const pointer = subjectPointer(error);
  const got = `(got ${JSON.stringify(valueAt(body, pointer))?.slice(0, 100)})`;
  if (error.keyword === 'additionalProperties') return `${pointer}: not in the spec ${got}`;
  if (error.keyword === 'false schema') return `${pointer}: outside the microversion, per the spec ${got}`;
  return `${pointer || '/'}: ${error.message ?? error.keyword} ${got}`;
}
