import type { Attribute } from '../attributes';
import type { Body } from '../collection';

/** The model changes a PUT body asks for, for every attribute that maps straight to a field. */
export function fieldChanges<T>(attributes: ReadonlyArray<Attribute<T>>, body: Body): Partial<T> {
  const changes: Partial<T> = {};
  for (const attribute of attributes) {
    if (attribute.field !== undefined && attribute.write?.put && attribute.key in body) {
      changes[attribute.field] = body[attribute.key] as T[keyof T];
    }
  }
  return changes;
}
