// The JSON Schema a spec gives one response, narrowed to what the call asked for: the action's
// variant of an action union, and Nova's microversion.
import { Microversion } from '../nova/microversion';
import { type JsonSchema, serviceOfPath, type SpecDocument, specDocument } from './spec-document';

export interface SpecCall {
  /** `METHOD /path` with the path as the spec writes it, e.g. `GET /v2.1/servers/{id}`. */
  operation: string;
  status: number;
  /**
   * Nova's microversion. A property the spec marks (`x-openstack` `min-ver`/`max-ver`) as outside
   * it must then be absent. Left out for the other services, which negotiate none.
   */
  microversion?: string;
  /** For `POST …/action`: the action whose variant (`x-openstack` `action-name`) of the union applies. */
  action?: string;
}

type SchemaObject = { [keyword: string]: unknown };

const isObject = (value: unknown): value is SchemaObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws when the spec has no JSON body for the call, so a mistyped operation can never pass. */
export function responseSchema({ operation, status, microversion, action }: SpecCall): JsonSchema {
  const [method = '', path = ''] = operation.split(' ');
  const document = specDocument(serviceOfPath(path));
  const declared = document.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (declared === undefined) throw new Error(`The spec has no JSON body for ${operation} ${status}`);
  let schema = inlineRefs(declared, document);
  if (action !== undefined) schema = actionVariant(schema, action, operation);
  if (microversion !== undefined) pinMicroversion(schema, Microversion.parse(microversion) ?? badMicroversion(microversion));
  closeTopLevel(schema);
  return schema;
}

/**
 * A copy with every `#/components/schemas/…` reference replaced by its target, so the variants and
 * properties below can be read and changed where they are.
 */
function inlineRefs(schema: unknown, document: SpecDocument, seen: readonly string[] = []): JsonSchema {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, document, seen)) as unknown as JsonSchema;
  if (!isObject(schema)) return schema as JsonSchema;
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    const target = document.components.schemas[ref.replace(/^#\/components\/schemas\//, '')];
    if (target === undefined || seen.includes(ref)) throw new Error(`Cannot inline ${ref}: ${target === undefined ? 'no such schema' : 'it is recursive'}`);
    return inlineRefs(target, document, [...seen, ref]);
  }
  return withoutDraft4Bounds(Object.fromEntries(Object.entries(schema).map(([keyword, value]) => [keyword, inlineRefs(value, document, seen)])));
}

/**
 * codegenerator copies Nova's draft-4 `minimum: 0, exclusiveMinimum: true` (flavors' rxtx_factor),
 * which ajv refuses to compile under 2020-12: there the bound itself is the value.
 */
function withoutDraft4Bounds(schema: SchemaObject): SchemaObject {
  if (typeof schema.exclusiveMinimum !== 'boolean') return schema;
  const { minimum, exclusiveMinimum, ...rest } = schema;
  return exclusiveMinimum ? { ...rest, exclusiveMinimum: minimum } : { ...rest, minimum };
}

/** `POST …/action` answers a `oneOf` of every action's body, which would match several at once. */
function actionVariant(schema: JsonSchema, action: string, operation: string): JsonSchema {
  const variants = isObject(schema) && Array.isArray(schema.oneOf) ? (schema.oneOf as JsonSchema[]) : [schema];
  const chosen = variants.find((variant) => isObject(variant) && extension(variant)['action-name'] === action);
  if (chosen === undefined) throw new Error(`The spec has no ${action} variant for ${operation}`);
  return chosen;
}

function extension(schema: SchemaObject): Record<string, unknown> {
  return isObject(schema['x-openstack']) ? schema['x-openstack'] : {};
}

function badMicroversion(text: string): never {
  throw new RangeError(`Not a microversion: ${text}`);
}

/** Replaces each property outside the microversion by `false`: Nova must not send it then. */
function pinMicroversion(schema: unknown, microversion: Microversion): void {
  if (Array.isArray(schema)) schema.forEach((item) => pinMicroversion(item, microversion));
  if (!isObject(schema)) return;
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (isObject(property) && !withinRange(extension(property), microversion)) schema.properties[name] = false;
    }
  }
  Object.values(schema).forEach((value) => pinMicroversion(value, microversion));
}

function withinRange(range: Record<string, unknown>, microversion: Microversion): boolean {
  const [min, max] = [range['min-ver'], range['max-ver']];
  if (typeof min === 'string' && !microversion.atLeast(min)) return false;
  return typeof max !== 'string' || (Microversion.parse(max) ?? badMicroversion(max)).atLeast(microversion.toString());
}

/**
 * The specs leave objects open, so a body whose top-level key the spec does not describe (a
 * wrapper it forgot, a misspelt collection) would pass having been checked against nothing. The
 * top level only: inside, Nova and Neutron add keys by microversion and extension.
 */
function closeTopLevel(schema: JsonSchema): void {
  if (isObject(schema) && schema.type === 'object' && schema.additionalProperties === undefined) schema.additionalProperties = false;
}
