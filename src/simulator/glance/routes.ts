import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { canSeeImage, type ImageViewer } from '../core/image/access';
import { type Image, settleImages } from '../core/image/model';
import { queryPairs } from '../http/python-urlencode';
import { GlanceError } from './errors';
import { listImages } from './listing';
import { renderImage } from './render';

export function registerImageRoutes(app: FastifyInstance, cloud: SimulatedCloud): void {
  const { images } = cloud;
  /** An image the caller may see, snapshots settled first; anything else reads as missing. */
  const visibleImage = (caller: ImageViewer, id: string, missing: string): Image => {
    settleImages(images, cloud.clock.now());
    const image = images.images.get(id);
    if (!image || !canSeeImage(caller, image)) throw new GlanceError(404, missing);
    return image;
  };

  app.get('/v2/images', async (request) => {
    settleImages(images, cloud.clock.now());
    return listImages(images, request.caller, queryPairs(request.url));
  });

  app.get<{ Params: { id: string } }>('/v2/images/:id', async (request) =>
    renderImage(visibleImage(request.caller, request.params.id, `No image found with ID ${request.params.id}`)),
  );

  /**
   * `delete_image`: an admin, or a member of the owning project (a reader may not); a protected
   * image stays. Another project's private image is as missing as an unknown one.
   */
  app.delete<{ Params: { id: string } }>('/v2/images/:id', async (request, reply) => {
    const { id } = request.params;
    const image = visibleImage(request.caller, id, `Failed to find image ${id} to delete`);
    const { caller } = request;
    if (!caller.isAdmin && !(caller.roles.includes('member') && image.owner === caller.projectId)) {
      throw new GlanceError(403, 'You are not authorized to complete delete_image action.');
    }
    if (image.protected) throw new GlanceError(403, `Image ${id} is protected and cannot be deleted.`);
    images.images.delete(id);
    return reply.code(204).send();
  });
}
