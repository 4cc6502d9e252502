import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { CloudRuntime } from '../clouds';
import type { Session } from '../sessions/store';
import { badResponse } from './errors';
import { path, type Query, ServiceClient } from './service';

const imageSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  visibility: z.string().optional(),
  min_disk: z.number().optional(),
});
export type GlanceImage = z.infer<typeof imageSchema>;

const imageListSchema = z.object({ images: z.array(imageSchema), next: z.string().optional() });

/** The most images the rebuild and rescue pickers list. */
const maxPages = 5;
/** Ids per `id=in:` call: a URL of about 4 KB, well inside what Glance's server reads. */
const idsPerCall = 100;

/** Glance for one session. */
export class GlanceClient {
  private readonly service: ServiceClient;

  constructor(cloud: CloudRuntime, session: Session, log: FastifyBaseLogger) {
    this.service = new ServiceClient(cloud, session, 'image', log);
  }

  /** The image, or undefined when it is gone or not visible to this project. */
  async image(id: string): Promise<GlanceImage | undefined> {
    const res = await this.service.send({ method: 'GET', path: path`/images/${id}` });
    if (res.status !== 200) return undefined;
    const parsed = imageSchema.safeParse(res.body);
    return parsed.success ? parsed.data : undefined;
  }

  async imageName(id: string): Promise<string | null> {
    return (await this.image(id))?.name ?? null;
  }

  /**
   * The names of images by id, one `GET /images?id=in:…` per hundred ids rather than one call
   * each. It lists every visibility and member status, as a show would find them; an image it
   * does not list (hidden, deleted, not visible) is missing from the map.
   */
  async imageNames(ids: readonly string[]): Promise<Map<string, string | null>> {
    const chunks = Array.from({ length: Math.ceil(ids.length / idsPerCall) }, (_, i) => ids.slice(i * idsPerCall, (i + 1) * idsPerCall));
    const pages = await Promise.all(
      chunks.map((chunk) => this.list({ id: `in:${chunk.join(',')}`, visibility: 'all', member_status: 'all', limit: String(chunk.length) })),
    );
    return new Map(pages.flatMap((page) => page.images.map((image) => [image.id, image.name])));
  }

  /** Active images the project can boot, by name, following Glance's `next` links a few pages. */
  async activeImages(): Promise<GlanceImage[]> {
    const images: GlanceImage[] = [];
    let marker: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const page = await this.list({ status: 'active', limit: '100', sort: 'name:asc', ...(marker && { marker }) });
      images.push(...page.images);
      marker = page.next ? page.images.at(-1)?.id : undefined;
      if (!marker) break;
    }
    return images;
  }

  private async list(query: Query): Promise<z.infer<typeof imageListSchema>> {
    const res = await this.service.send({ method: 'GET', path: '/images', query });
    const parsed = imageListSchema.safeParse(res.body);
    if (res.status !== 200 || !parsed.success) throw badResponse('image', 'The image list is not in the expected shape.', res.requestId);
    return parsed.data;
  }
}
