import { canSeeImage, type ImageViewer, listsImage } from '../core/image/access';
import type { Image, ImageMember, ImageStore } from '../core/image/model';
import { pythonUrlencode } from '../http/python-urlencode';
import { GlanceError, glanceBadRequest } from './errors';
import { imageFilters } from './filters';
import { type ListRequest, parseListRequest, type SortDir, type SortKey } from './list-request';
import { renderImage } from './render';

/** glance's `limit_param_default` and `api_limit_max`. */
export const defaultLimit = 25;
export const maxLimit = 1000;

const sortValues: Record<SortKey, (image: Image) => string | number | null> = {
  name: (i) => i.name,
  status: (i) => i.status,
  container_format: (i) => i.containerFormat,
  disk_format: (i) => i.diskFormat,
  size: (i) => i.size,
  id: (i) => i.id,
  created_at: (i) => i.createdAt,
  updated_at: (i) => i.updatedAt,
};

/** NULL sorts first, as in the database glance pages over. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * glance's `_image_get_all`: the requested sort keys, then `created_at` and `id` in the default
 * direction (desc, or the one direction given) so that pages are deterministic.
 */
function comparator(request: ListRequest): (a: Image, b: Image) => number {
  const keys = [...request.sortKeys];
  const dirs: SortDir[] = request.sortDirs.length === 1 ? keys.map(() => request.sortDirs[0] as SortDir) : [...request.sortDirs];
  const fallback: SortDir = request.sortDirs.length === 1 ? (request.sortDirs[0] as SortDir) : 'desc';
  for (const key of ['created_at', 'id'] as const) {
    if (!keys.includes(key)) {
      keys.push(key);
      dirs.push(fallback);
    }
  }
  return (a, b) => {
    for (const [i, key] of keys.entries()) {
      const result = compareValues(sortValues[key](a), sortValues[key](b));
      if (result !== 0) return dirs[i] === 'asc' ? result : -result;
    }
    return 0;
  };
}

/** `ImagesController.index` checks these two after the deserializer, with their own wording. */
function booleanParameter(name: string, value: string | undefined, lowerCase: boolean): boolean | undefined {
  if (value === undefined) return undefined;
  const text = lowerCase ? value.toLowerCase() : value;
  if (text !== 'true' && text !== 'false') throw glanceBadRequest(`Invalid value '${text}' for '${name}' filter. Valid values are 'true' or 'false'.`);
  return text === 'true';
}

/** A marker must be an image the caller can see: unknown is a 400, invisible a 403. */
function markerImage(store: ImageStore, viewer: ImageViewer, id: string): Image {
  const image = store.images.get(id);
  if (!image) throw glanceBadRequest(`No image found with ID ${id}`);
  if (!canSeeImage(viewer, image)) throw new GlanceError(403, `Forbidding request, image ${id} not visible`);
  return image;
}

const memberStatuses: Record<string, ReadonlyArray<ImageMember['status']>> = {
  pending: ['pending'],
  accepted: ['accepted'],
  rejected: ['rejected'],
  all: ['pending', 'accepted', 'rejected'],
};

/**
 * `GET /v2/images`: `{images, first, schema, next?}` with relative links. `next` comes whenever
 * the page is full (so the last page may be empty) and repeats the query (as `dict(params)`,
 * a repeated key keeping its last value) with the marker replaced.
 */
export function listImages(store: ImageStore, viewer: ImageViewer, query: ReadonlyArray<readonly [string, string]>): Record<string, unknown> {
  const request = parseListRequest(query);
  const osHidden = booleanParameter('os_hidden', request.filters.get('os_hidden') ?? 'false', true) ?? false;
  const isProtected = booleanParameter('protected', request.filters.get('protected'), false);
  const limit = Math.min(request.limit ?? defaultLimit, maxLimit);
  const matches = imageFilters(request.filters, request.tags, osHidden, isProtected);
  const scope = {
    memberStatuses: memberStatuses[request.memberStatus] ?? ['accepted'],
    visibility: request.filters.get('visibility') as Image['visibility'] | 'all' | undefined,
  };
  const compare = comparator(request);
  const marker = request.marker === undefined ? undefined : markerImage(store, viewer, request.marker);

  const page = [...store.images.values()]
    .filter((image) => listsImage(viewer, image, scope) && matches(image) && (!marker || compare(image, marker) > 0))
    .sort(compare)
    .slice(0, limit);

  const params = new Map(query);
  params.delete('marker');
  const encoded = pythonUrlencode(params);
  const body: Record<string, unknown> = {
    images: page.map(renderImage),
    first: encoded ? `/v2/images?${encoded}` : '/v2/images',
    schema: '/v2/schemas/images',
  };
  const last = page.at(-1);
  if (last && page.length === limit) body.next = `/v2/images?${pythonUrlencode([...params, ['marker', last.id]])}`;
  return body;
}
