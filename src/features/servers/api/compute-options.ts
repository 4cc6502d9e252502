import { queryOptions } from '@tanstack/react-query';
import { apiPaths, flavorListSchema, imageListSchema, limitsSchema } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';

/** The one query-key factory for what the resize, rescue and rebuild dialogs offer. */
export const computeOptionKeys = {
  flavors: ['flavors'] as const,
  images: ['images'] as const,
  limits: ['limits'] as const,
};

export const flavorsQuery = () =>
  queryOptions({
    queryKey: computeOptionKeys.flavors,
    queryFn: async ({ signal }) => (await apiRequest(apiPaths.flavors, { schema: flavorListSchema, signal })).items,
    staleTime: 10 * 60_000,
  });

export const imagesQuery = () =>
  queryOptions({
    queryKey: computeOptionKeys.images,
    queryFn: async ({ signal }) => (await apiRequest(apiPaths.images, { schema: imageListSchema, signal })).items,
    staleTime: 5 * 60_000,
  });

/** The quota's headroom changes with every server anyone resizes: read it fresh for each dialog. */
export const limitsQuery = () =>
  queryOptions({
    queryKey: computeOptionKeys.limits,
    queryFn: ({ signal }) => apiRequest(apiPaths.limits, { schema: limitsSchema, signal }),
    staleTime: 0,
  });
