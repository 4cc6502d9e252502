import type { FastifyRequest } from 'fastify';
import { pythonUrlencode, queryPairs } from '../http/python-urlencode';
import { requestOrigin } from '../http/service-app';

export interface Link {
  rel: string;
  href: string;
}

/**
 * Links as Nova's common.ViewBuilder builds them from the request: the client's own Host, and the
 * project id only when the URL carried one (`/v2.1/{project_id}/servers`). `self` is versioned,
 * `bookmark` is not.
 */
export class NovaLinks {
  private readonly bookmarkBase: string;
  private readonly versionedBase: string;

  constructor(request: FastifyRequest) {
    const origin = requestOrigin(request);
    const project = (request.params as { project_id?: string } | undefined)?.project_id;
    const segment = project ? `/${project}` : '';
    this.bookmarkBase = `${origin}${segment}`;
    this.versionedBase = `${origin}/v2.1${segment}`;
  }

  /** `[self, bookmark]`, as every server and flavor carries. */
  resource(collection: string, id: string): Link[] {
    return [
      { rel: 'self', href: `${this.versionedBase}/${collection}/${id}` },
      { rel: 'bookmark', href: `${this.bookmarkBase}/${collection}/${id}` },
    ];
  }

  /** `[bookmark]` alone, as a server's `image` and pre-2.47 `flavor` carry. */
  bookmark(collection: string, id: string): Link[] {
    return [{ rel: 'bookmark', href: `${this.bookmarkBase}/${collection}/${id}` }];
  }

  /**
   * The `next` link of a list (common.ViewBuilder._get_next_link): the request's parameters as
   * `OrderedDict(sorted(params.items()))` makes them, so sorted by name and value and a repeated
   * name keeps only its last (greatest) value, then `marker` set, which appends it at the end
   * when the request had none.
   */
  next(collectionPath: string, request: FastifyRequest, marker: string, kept: (name: string) => boolean = () => true): Link {
    const params = new Map<string, string>();
    const sorted = queryPairs(request.url)
      .filter(([name]) => kept(name))
      .sort(([ak, av], [bk, bv]) => compare(ak, bk) || compare(av, bv));
    for (const [name, value] of sorted) params.set(name, value);
    params.set('marker', marker);
    return { rel: 'next', href: `${this.versionedBase}/${collectionPath}?${pythonUrlencode(params)}` };
  }
}

/** Python's code-point string order, which is not localeCompare's. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

