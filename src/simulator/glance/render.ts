import type { Image } from '../core/image/model';
import { isoSeconds } from '../http/iso-time';

/**
 * The image as `ResponseSerializer._format_image` builds it: custom properties first as top-level
 * keys, then the base attributes, then links as relative paths. The model keeps only the md5
 * checksum; the multihash is derived from it so it stays stable per image.
 */
export function renderImage(image: Image): Record<string, unknown> {
  const self = `/v2/images/${image.id}`;
  return {
    ...image.properties,
    name: image.name,
    disk_format: image.diskFormat,
    container_format: image.containerFormat,
    visibility: image.visibility,
    size: image.size,
    virtual_size: image.virtualSize,
    status: image.status,
    checksum: image.checksum,
    protected: image.protected,
    min_ram: image.minRamMb,
    min_disk: image.minDiskGb,
    owner: image.owner,
    os_hidden: image.osHidden,
    os_hash_algo: image.checksum === null ? null : 'sha512',
    os_hash_value: image.checksum === null ? null : image.checksum.repeat(4),
    id: image.id,
    created_at: isoSeconds(image.createdAt),
    updated_at: isoSeconds(image.updatedAt),
    tags: image.tags,
    self,
    file: `${self}/file`,
    schema: '/v2/schemas/image',
  };
}
