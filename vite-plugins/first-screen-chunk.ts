import type { Plugin } from 'vite';

/**
 * Puts the code that the first screen after sign-in needs, beyond what the entry already loads,
 * into one chunk. Left to itself the bundler splits it by which lazy routes share each module:
 * the servers route came as 17 small files, and over HTTP/1.1's six connections per host they
 * queued in front of the sign-in request and the first list request (and compressed worse).
 *
 * The chunk holds exactly the modules reachable from `roots` that the entry does not load, so
 * every module it imports is in the entry's chunks or in itself: no cycle between chunks, and
 * evaluation order stays that of the import graph. Other routes that share a module with it (the
 * networks page uses the same table) load this chunk too; it is the landing page's code, so it is
 * usually in the cache already.
 */
export function firstScreenChunk(name: string, roots: readonly RegExp[]): Plugin {
  const captured = new Set<string>();
  return {
    name: 'stackdeck:first-screen-chunk',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              // Dependencies are not pulled in: those the entry loads must stay in its chunks.
              groups: [{ name, test: (id: string) => captured.has(id), includeDependenciesRecursively: false }],
            },
          },
        },
      },
    }),
    buildEnd() {
      captured.clear();
      const reach = (id: string, into: Set<string>, skip?: ReadonlySet<string>) => {
        if (into.has(id) || skip?.has(id)) return;
        into.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) reach(dep, into, skip);
      };
      const ids = [...this.getModuleIds()];
      const entry = new Set<string>();
      for (const id of ids) if (this.getModuleInfo(id)?.isEntry) reach(id, entry);
      for (const id of ids) if (roots.some((root) => root.test(id))) reach(id, captured, entry);
    },
  };
}
