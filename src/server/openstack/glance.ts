import type { FastifyBaseLogger } from 'fastify';
import type { CloudRuntime } from '../clouds';
import type { Session } from '../sessions/store';
import { path, ServiceClient } from './service';

/** Glance for one session. Only what the server views need so far: an image's name. */
export class GlanceClient {
  private readonly service: ServiceClient;

  constructor(cloud: CloudRuntime, session: Session, log: FastifyBaseLogger) {
    this.service = new ServiceClient(cloud, session, 'image', log);
  }

  /** The image's name, or null when it is gone or not visible to this project. */
  async imageName(id: string): Promise<string | null> {
    const res = await this.service.send({ method: 'GET', path: path`/images/${id}` });
    if (res.status !== 200) return null;
    const name = (res.body as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : null;
  }
}
