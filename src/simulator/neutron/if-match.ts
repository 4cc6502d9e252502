import { badRequest } from '../core/network/errors';

/**
 * `check_request_for_revision_constraint`: webob splits If-Match into entity tags (quoted strong
 * tags, or the whole value when nothing is quoted) and Neutron looks for `revision_number=<int>`.
 */
export function revisionConstraint(ifMatch: string | undefined): number | undefined {
  if (!ifMatch || ifMatch === '*') return undefined;
  const quoted = [...ifMatch.matchAll(/(?:^|\s)(W\/)?"((?:\\"|.)*?)"/g)];
  const tags = quoted.length === 0 ? [ifMatch] : quoted.filter((m) => !m[1]).map((m) => m[2] ?? '');
  let revision: number | undefined;
  for (const tag of tags) {
    if (!tag.startsWith('revision_number=')) continue;
    if (revision !== undefined) throw badRequest('if-match', 'Multiple revision_number etags are not supported.');
    const text = tag.split('revision_number=')[1] ?? '';
    if (!/^\s*[+-]?\d+\s*$/.test(text)) throw badRequest('if-match', 'Revision number etag must be in the format of revision_number=<int>');
    revision = Number(text);
  }
  return revision;
}
