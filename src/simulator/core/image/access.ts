import type { Image, ImageMember } from './model';

/** Who looks: the token's project and whether it carries `admin`. */
export interface ImageViewer {
  projectId: string;
  isAdmin: boolean;
}

const isMember = (image: Image, viewer: ImageViewer, statuses: ReadonlyArray<ImageMember['status']>) =>
  image.members?.some((m) => m.projectId === viewer.projectId && statuses.includes(m.status)) ?? false;

/**
 * glance's `is_image_visible` (show, delete, a list marker): admins see all; others public and
 * community images, their own, and shared ones they are a member of whatever the member status.
 */
export function canSeeImage(viewer: ImageViewer, image: Image): boolean {
  if (viewer.isAdmin || image.owner === viewer.projectId) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  return image.visibility === 'shared' && isMember(image, viewer, ['pending', 'accepted', 'rejected']);
}

export interface ImageListScope {
  /** `member_status`: which memberships make a shared image listed ('accepted' by default). */
  memberStatuses: ReadonlyArray<ImageMember['status']>;
  /** The `visibility` filter: one visibility, 'all', or undefined for the default. */
  visibility: Image['visibility'] | 'all' | undefined;
}

/**
 * glance's `_select_images_query` and the visibility rule after it: a list shows what the caller
 * may see, shared images only with an accepted membership (by default), and without a
 * `visibility` filter no community image but the caller's own.
 */
export function listsImage(viewer: ImageViewer, image: Image, scope: ImageListScope): boolean {
  const reachable =
    viewer.isAdmin ||
    image.owner === viewer.projectId ||
    image.visibility === 'public' ||
    image.visibility === 'community' ||
    (image.visibility === 'shared' && isMember(image, viewer, scope.memberStatuses));
  if (!reachable) return false;
  if (scope.visibility === undefined) return image.visibility !== 'community' || image.owner === viewer.projectId;
  return scope.visibility === 'all' || image.visibility === scope.visibility;
}
