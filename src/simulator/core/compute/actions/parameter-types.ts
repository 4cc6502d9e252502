/** The shared schema pieces of nova/api/validation/parameter_types.py that action bodies use. */
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
/** True/False and their string spellings; the simulator reads none of these flags. */
export const boolean: Schema = { type: ['boolean', 'string'] };

/**
 * `{"<key>": <inner>}` with the key required and alone, the shape of every action schema. An
 * empty `inner` accepts any value, as Nova's schemas for body-less actions (`{"pause": null}`) do.
 */
export function actionSchema(key: string, inner: Schema = {}): Schema {
  return { type: 'object', properties: { [key]: inner }, required: [key], additionalProperties: false };
}
