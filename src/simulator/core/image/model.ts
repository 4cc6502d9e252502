/** Glance's images. Custom properties (os_distro, image_type, instance_uuid…) are top-level keys on the wire. */
export type ImageStatus = 'queued' | 'saving' | 'uploading' | 'importing' | 'active' | 'killed' | 'deleted' | 'pending_delete' | 'deactivated';

export interface ImageMember {
  projectId: string;
  status: 'pending' | 'accepted' | 'rejected';
}

export interface Image {
  id: string;
  name: string;
  status: ImageStatus;
  visibility: 'public' | 'private' | 'shared' | 'community';
  owner: string;
  size: number | null;
  virtualSize: number | null;
  diskFormat: string;
  containerFormat: string;
  minDiskGb: number;
  minRamMb: number;
  protected: boolean;
  osHidden: boolean;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  checksum: string | null;
  properties: Record<string, string>;
  /** Projects a `shared` image is shared with (image members); absent means none. */
  members?: ImageMember[];
  /** When a snapshot in `saving` becomes `active`; settled lazily like server tasks. */
  activeAt: number | null;
}

export interface ImageStore {
  images: Map<string, Image>;
}

export function createImageStore(): ImageStore {
  return { images: new Map() };
}

export function settleImages(store: ImageStore, now: number): void {
  for (const image of store.images.values()) {
    if (image.activeAt !== null && image.activeAt <= now) {
      image.status = 'active';
      image.updatedAt = image.activeAt;
      image.activeAt = null;
    }
  }
}
