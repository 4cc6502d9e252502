/** What Nova's actions ask Glance about images, with the caller's eyes. */
import type { Image, ImageStore } from '../../image/model';
import type { Flavor, Server } from '../model';
import type { ActionCaller } from './instance-actions';

const GiB = 1024 ** 3;

/** The image if Glance would show it to the caller: public or community, their own, or any to an admin. */
export function visibleImage(images: ImageStore, caller: ActionCaller, id: string): Image | undefined {
  const image = images.images.get(id);
  if (!image || image.status === 'deleted') return undefined;
  const open = image.visibility === 'public' || image.visibility === 'community';
  return open || caller.isAdmin || image.owner === caller.projectId ? image : undefined;
}

/** Nova marks a server booted from a volume by an empty image reference. */
export const isVolumeBacked = (server: Pick<Server, 'imageId'>) => server.imageId === '';

/**
 * compute API's _validate_flavor_image_nostatus for a local root disk: the flavor must hold the
 * image and its min_disk, and meet its min_ram. A 0 GB root disk means "do not check the size".
 * Returns Nova's 400 text, or undefined when the flavor fits.
 */
export function flavorImageMismatch(flavor: Flavor, image: { minRamMb: number; minDiskGb: number; size: number | null }, localDisk: boolean): string | undefined {
  if (flavor.ramMb < image.minRamMb) return "Flavor's memory is too small for requested image.";
  const disk = flavor.diskGb * GiB;
  if (!localDisk || disk === 0) return undefined;
  if ((image.size ?? 0) > disk) return `Flavor's disk is too small for requested image. Flavor disk is ${disk} bytes, image is ${image.size} bytes.`;
  if (image.minDiskGb * GiB > disk) {
    return `Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is ${disk} bytes, minimum size is ${image.minDiskGb * GiB} bytes.`;
  }
  return undefined;
}
