/** The shared schema pieces of nova/api/validation/parameter_types.py that request bodies use. */
import type { Schema } from './schema';

export const name: Schema = { type: 'string', format: 'name', minLength: 1, maxLength: 255 };
export const imageId: Schema = { type: 'string', format: 'uuid' };
/** Not limited in length or pattern: users pick long and strange passwords. */
export const adminPassword: Schema = { type: 'string' };
export const flavorRef: Schema = { type: ['string', 'integer'], minLength: 1 };
export const diskConfig: Schema = { type: 'string', enum: ['AUTO', 'MANUAL'] };
export const description: Schema = { type: ['string', 'null'], minLength: 0, maxLength: 255 };
export const metadata: Schema = {
  type: 'object',
  patternProperties: { '^[a-zA-Z0-9-_:. ]{1,255}$': { type: 'string', maxLength: 255 } },
  additionalProperties: false,
};
/** True/False and the spellings oslo's bool_from_string takes. */
export const booleanSpellings = {
  true: [true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes'],
  false: [false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no'],
} as const;
export const boolean: Schema = { type: ['boolean', 'string'], enum: [...booleanSpellings.true, ...booleanSpellings.false] };
/** A count: an integer, or a string of digits. */
export const positiveInteger: Schema = { type: ['integer', 'string'], pattern: '^[0-9]*$', minimum: 1, minLength: 1 };
export const ipAddress: Schema = { type: 'string', oneOf: [{ format: 'ipv4' }, { format: 'ipv6' }] };
/** A server tag (nova/objects/tag.py: MAX_TAG_LENGTH 60); a server holds at most 50 (MAX_TAG_COUNT). */
export const tag: Schema = { type: 'string', pattern: '^[^,/]*$', minLength: 1, maxLength: 60 };

/** Body fields as schemas/servers.py grows them: each group from its microversion on. */
export type FieldsSince = ReadonlyArray<readonly [version: string, fields: Readonly<Record<string, Schema>>]>;

export function fieldsAt(microversion: { atLeast(version: string): boolean }, groups: FieldsSince): Record<string, Schema> {
  const properties: Record<string, Schema> = {};
  for (const [version, fields] of groups) if (microversion.atLeast(version)) Object.assign(properties, fields);
  return properties;
}

/**
 * `{"<key>": <inner>}` with the key required and alone, the shape of every action schema. An
 * empty `inner` accepts any value, as Nova's schemas for body-less actions (`{"pause": null}`) do.
 */
export function actionSchema(key: string, inner: Schema = {}): Schema {
  return { type: 'object', properties: { [key]: inner }, required: [key], additionalProperties: false };
}
