// Glance v2 images over real HTTP: paging with `next`/`first`, the default limit, markers, filters,
// sorting, visibility by project, show and delete, webob's plain-text errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../core/image/model';
import { projectIds } from '../core/seed';
import { openstackFixture, shapeDifferences } from '../testing/shape';
import { startServiceSession, type ServiceSession } from '../testing/service-session';

interface ImageBody {
  id: string;
  name: string;
  [key: string]: unknown;
}
interface ImageList {
  images: ImageBody[];
  first: string;
  schema: string;
  next?: string;
}

let s: ServiceSession;
const day = 86_400_000;

/** Images a test can count on, next to the six public ones of the seed. */
function addImage(overrides: Partial<Image>): Image {
  const now = s.sim.cloud.clock.now();
  const image: Image = {
    id: crypto.randomUUID(),
    name: 'snapshot',
    status: 'active',
    visibility: 'private',
    owner: projectIds.demo,
    size: 1024,
    virtualSize: null,
    diskFormat: 'qcow2',
    containerFormat: 'bare',
    minDiskGb: 0,
    minRamMb: 0,
    protected: false,
    osHidden: false,
    tags: [],
    createdAt: now - 10 * day,
    updatedAt: now - 10 * day,
    checksum: 'd41d8cd98f00b204e9800998ecf8427e',
    properties: {},
    activeAt: null,
    ...overrides,
  };
  s.sim.cloud.images.images.set(image.id, image);
  return image;
}

const ownSnapshots: Image[] = [];
let hidden: Image;
let foreign: Image;
let sharedAccepted: Image;
let sharedPending: Image;

beforeAll(async () => {
  s = await startServiceSession({ seed: { networks: 5, servers: 10, projects: 3 } });
  const now = s.sim.cloud.clock.now();
  for (let i = 0; i < 40; i++) {
    ownSnapshots.push(addImage({ name: `snap-${String(i).padStart(2, '0')}`, createdAt: now - i * 3600_000, tags: i % 2 ? ['nightly'] : ['nightly', 'db'], properties: { image_type: 'snapshot', instance_uuid: crypto.randomUUID() } }));
  }
  hidden = addImage({ name: 'hidden-helper', osHidden: true });
  foreign = addImage({ name: 'not-yours', owner: projectIds.demoStaging });
  sharedAccepted = addImage({ name: 'shared-in', owner: projectIds.admin, visibility: 'shared', members: [{ projectId: projectIds.demo, status: 'accepted' }] });
  sharedPending = addImage({ name: 'shared-pending', owner: projectIds.admin, visibility: 'shared', members: [{ projectId: projectIds.demo, status: 'pending' }] });
});
afterAll(() => s.close());

// As the BFF asks: webob then answers errors in JSON.
const json = { accept: 'application/json' };
const images = <T = ImageList>(url: string, token?: string) => s.call<T>('image', url, { headers: json, ...(token === undefined ? {} : { token }) });
/** webob's JSON error: its HTML body as the message. */
const webob = (status: number, explanation: string) => {
  const title = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status as 400 | 403 | 404];
  return { message: `${explanation}<br /><br />\n\n\n`, code: `${status} ${title}`, title };
};
const publicCount = 6;

describe('paging', () => {
  it('pages 25 at a time by default, newest first, with relative first/next links, each image once', async () => {
    const first = await images('/v2/images');
    expect(first.status).toBe(200);
    expect(first.body.images).toHaveLength(25);
    expect(first.body.first).toBe('/v2/images');
    expect(first.body.schema).toBe('/v2/schemas/images');
    expect(first.body.next).toBe(`/v2/images?marker=${first.body.images[24]?.id}`);
    const seen = first.body.images.map((i) => i.id);
    let next = first.body.next;
    while (next) {
      const page = await images(`${new URL(s.sim.endpoints.image).origin}${next}`);
      seen.push(...page.body.images.map((i) => i.id));
      next = page.body.next;
    }
    // 40 own + 6 public + the accepted shared one; never the hidden, foreign or pending ones.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(40 + publicCount + 1);
    expect(seen).not.toContain(hidden.id);
    expect(seen).not.toContain(foreign.id);
    expect(seen).not.toContain(sharedPending.id);
    const created = seen.map((id) => s.sim.cloud.images.images.get(id)?.createdAt ?? 0);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('repeats the query in first and next, marker replaced, and ends on an empty page when the last one is full', async () => {
    const { body } = await images('/v2/images?tag=nightly&limit=20&sort=name:asc');
    expect(body.first).toBe('/v2/images?tag=nightly&limit=20&sort=name%3Aasc');
    expect(body.next).toBe(`/v2/images?tag=nightly&limit=20&sort=name%3Aasc&marker=${body.images[19]?.id}`);
    const second = await images(body.next as string);
    expect(second.body.images).toHaveLength(20);
    expect(second.body.first).toBe('/v2/images?tag=nightly&limit=20&sort=name%3Aasc');
    const third = await images(second.body.next as string);
    expect(third.body).toMatchObject({ images: [] });
    expect(third.body.next).toBeUndefined();
  });

  it('refuses a bad limit and an unknown marker with 400, a marker the caller cannot see with 403', async () => {
    const cases: Array<[string, number, string]> = [
      ['limit=abc', 400, 'limit param must be an integer'],
      ['limit=-1', 400, 'limit param must be positive'],
      ['marker=0b8b1d57-0000-4000-8000-000000000000', 400, 'No image found with ID 0b8b1d57-0000-4000-8000-000000000000'],
      [`marker=${foreign.id}`, 403, `Forbidding request, image ${foreign.id} not visible`],
    ];
    for (const [query, status, explanation] of cases) {
      const reply = await images(`/v2/images?${query}`);
      expect(reply.status).toBe(status);
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      expect(reply.body).toEqual(webob(status, explanation));
    }
  });
});

describe('filters and sorting', () => {
  const ids = async (query: string, token?: string) => (await images(`/v2/images?limit=1000&${query}`, token)).body.images.map((i) => i.id).sort();

  it('filters by name, status, owner, visibility, tags (all of them), id lists and custom properties', async () => {
    expect(await ids('name=snap-07')).toEqual([ownSnapshots[7]?.id]);
    expect(await ids(`id=in:${ownSnapshots[1]?.id},${ownSnapshots[2]?.id}`)).toEqual([ownSnapshots[1]?.id, ownSnapshots[2]?.id].sort());
    // As the BFF names a page's images: every visibility and membership, hidden and foreign ones left out.
    expect(await ids(`id=in:${sharedPending.id},${hidden.id},${foreign.id},${ownSnapshots[3]?.id}&visibility=all&member_status=all`)).toEqual(
      [sharedPending.id, ownSnapshots[3]?.id].sort(),
    );
    expect(await ids('visibility=private')).toEqual(ownSnapshots.map((i) => i.id).sort());
    expect(await ids('visibility=shared')).toEqual([sharedAccepted.id]);
    expect(await ids('visibility=shared&member_status=all')).toEqual([sharedAccepted.id, sharedPending.id].sort());
    expect((await ids('visibility=public')).length).toBe(publicCount);
    expect(await ids(`owner=${projectIds.demoStaging}`)).toEqual([]);
    expect((await ids('tag=nightly&tag=db')).length).toBe(20);
    expect(await ids('os_distro=ubuntu')).toHaveLength(1);
    expect((await ids('status=saving')).length).toBe(0);
  });

  it('lists hidden images only when asked, and everyone’s for an admin', async () => {
    expect(await ids('os_hidden=true')).toEqual([hidden.id]);
    expect(await ids('os_hidden=TRUE')).toEqual([hidden.id]);
    const admin = await ids('', s.admin);
    expect(admin).toContain(foreign.id);
    expect(admin).not.toContain(hidden.id);
  });

  it('sorts with sort=key:dir or sort_key/sort_dir', async () => {
    const names = async (query: string) => (await images(`/v2/images?visibility=private&limit=5&${query}`)).body.images.map((i) => i.name);
    expect(await names('sort=name:asc')).toEqual(['snap-00', 'snap-01', 'snap-02', 'snap-03', 'snap-04']);
    expect(await names('sort_key=name&sort_dir=desc')).toEqual(['snap-39', 'snap-38', 'snap-37', 'snap-36', 'snap-35']);
  });

  it('answers bad filters and sorts with Glance’s 400s', async () => {
    const cases: Array<[string, string]> = [
      ['visibility=everyone', 'Invalid visibility value: everyone'],
      ['os_hidden=maybe', "Invalid value 'maybe' for 'os_hidden' filter. Valid values are 'true' or 'false'."],
      ['sort_key=owner', 'Invalid sort key: owner. It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.'],
      ['sort=name:up', 'Invalid sort direction: up'],
      ['sort=name&sort_key=id', 'Old and new sorting syntax cannot be combined'],
      ['name=like:snap', "Unable to filter by unknown operator 'like'."],
      ['size_min=big', 'Unable to filter on a range with a non-numeric value.'],
      ['member_status=maybe', 'Invalid status: maybe'],
    ];
    for (const [query, explanation] of cases) {
      const reply = await images(`/v2/images?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body).toEqual(webob(400, explanation));
    }
  });
});

describe('show and delete', () => {
  it('shows an image shaped as the sample, custom properties as top-level keys', async () => {
    const snapshot = ownSnapshots[0] as Image;
    const { status, body } = await images<Record<string, unknown>>(`/v2/images/${snapshot.id}`);
    expect(status).toBe(200);
    const extra = Object.keys(snapshot.properties).map((key) => `$.${key}: not in the fixture`);
    expect(shapeDifferences(body, openstackFixture('image', 'image-show-resp.json'))).toEqual(extra);
    expect(body).toMatchObject({ image_type: 'snapshot', self: `/v2/images/${snapshot.id}`, file: `/v2/images/${snapshot.id}/file`, schema: '/v2/schemas/image' });
  });

  it('lists images shaped as the sample', async () => {
    const { body } = await images<Record<string, unknown>>('/v2/images?visibility=public&limit=2');
    const fixture = openstackFixture('image', 'images-list-resp.json');
    const extras = /^\$\.images\[0\]\.(os_distro|hw_architecture): not in the fixture$/;
    expect(shapeDifferences(body, fixture).filter((d) => !extras.test(d))).toEqual(['$.next: not in the fixture']);
  });

  it('answers 404 for an unknown image and another project’s private one, in the form the Accept header picks', async () => {
    for (const id of ['0b8b1d57-0000-4000-8000-000000000000', foreign.id]) {
      const reply = await images(`/v2/images/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(webob(404, `No image found with ID ${id}`));
    }
    const as = async (accept: string | undefined) => {
      const reply = await s.call('image', `/v2/images/${foreign.id}`, { headers: accept ? { accept } : {} });
      return [reply.headers.get('content-type')?.split(';')[0], reply.text];
    };
    const html = `<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID ${foreign.id}<br /><br />\n\n\n\n </body>\n</html>`;
    expect(await as(undefined)).toEqual(['text/html', html]);
    expect(await as('text/plain')).toEqual(['text/plain', `404 Not Found\n\nNo image found with ID ${foreign.id}\n\n   `]);
    expect(await as('text/html;q=0.5, application/json')).toEqual(['application/json', JSON.stringify(webob(404, `No image found with ID ${foreign.id}`))]);
  });

  it('settles a snapshot that finished saving before showing it', async () => {
    const saving = addImage({ status: 'saving', size: null, activeAt: s.sim.cloud.clock.now() - 1000 });
    const { body } = await images<Record<string, unknown>>(`/v2/images/${saving.id}`);
    expect(body.status).toBe('active');
  });

  it('lets the owner delete a snapshot, but not a protected one, a public one or another project’s', async () => {
    const mine = addImage({ name: 'to-delete' });
    const del = (id: string, token?: string) => s.call('image', `/v2/images/${id}`, { method: 'DELETE', headers: json, ...(token ? { token } : {}) });
    expect((await del(mine.id)).status).toBe(204);
    expect((await images(`/v2/images/${mine.id}`)).status).toBe(404);

    const locked = addImage({ name: 'keep', protected: true });
    const refused = await del(locked.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(webob(403, `Image ${locked.id} is protected and cannot be deleted.`));

    const cirros = [...s.sim.cloud.images.images.values()].find((i) => i.visibility === 'public') as Image;
    expect((await del(cirros.id)).body).toEqual(webob(403, 'You are not authorized to complete delete_image action.'));
    expect((await del(foreign.id)).body).toEqual(webob(404, `Failed to find image ${foreign.id} to delete`));
    expect((await del(foreign.id, s.otherMember)).status).toBe(204);
  });
});

describe('version documents', () => {
  it('answers GET / with 300 and GET /versions with 200, both without a token', async () => {
    const root = await images<{ versions: Array<{ id: string; links: Array<{ href: string }> }> }>('/', '');
    expect(root.status).toBe(300);
    expect(root.body.versions[0]).toEqual({ id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: `${s.sim.endpoints.image}/v2/` }] });
    const versions = await images('/versions', '');
    expect(versions.status).toBe(200);
    expect(versions.body).toEqual(root.body);
    expect((await images('/v2/images', '')).status).toBe(401);
  });
});
