import type { FastifyInstance } from 'fastify';

/** One request a simulated service received, as a test asserts on it: "the BFF asked Nova for…". */
export interface JournalEntry {
  service: string;
  method: string;
  /** Path and query exactly as received. */
  url: string;
  /** The parsed query, repeated keys as arrays. */
  query: URLSearchParams;
}

/** The most recent requests of every service, oldest first; bounded so a long demo cannot grow it. */
export class RequestJournal {
  private readonly entries: JournalEntry[] = [];

  constructor(private readonly capacity = 2000) {}

  record(app: FastifyInstance, service: string): void {
    app.addHook('onRequest', async (request) => {
      const url = request.url;
      this.entries.push({ service, method: request.method, url, query: new URLSearchParams(url.split('?')[1] ?? '') });
      if (this.entries.length > this.capacity) this.entries.shift();
    });
  }

  /** Entries of one service (optionally only paths matching), oldest first. */
  of(service: string, path?: RegExp): JournalEntry[] {
    return this.entries.filter((e) => e.service === service && (!path || path.test(e.url.split('?')[0] ?? '')));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
