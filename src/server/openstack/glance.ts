import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { CloudRuntime } from '../clouds';
import type { Session } from '../sessions/store';
import { badResponse } from './errors';
import { path, ServiceClient } from './service';

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

  /** Active images the project can boot, by name, following Glance's `next` links a few pages. */
  async activeImages(): Promise<GlanceImage[]> {
    const images: GlanceImage[] = [];
    let marker: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const res = await this.service.send({ method: 'GET', path: '/images', query: { status: 'active', limit: '100', sort: 'name:asc', ...(marker && { marker }) } });
      const parsed = imageListSchema.safeParse(res.body);
      if (res.status !== 200 || !parsed.success) throw badResponse('image', 'The image list is not in the expected shape.', res.requestId);
      images.push(...parsed.data.images);
      marker = parsed.data.next ? parsed.data.images.at(-1)?.id : undefined;
      if (!marker) break;
    }
    return images;
  }
}
