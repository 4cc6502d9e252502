import type { Plugin } from 'vite';

/**
 * Two chunks for the way in: everything the entry (the login page) loads statically, and
 * everything the first screen after sign-in needs beyond that (`roots` and what they import).
 * Left to itself the bundler splits both by which lazy routes share each module: the login page
 * came as 5 files and the servers page as 17 more, which over HTTP/1.1's six connections per host
 * queued in front of the sign-in and first list requests, and compressed worse apart.
 *
 * The first-screen chunk holds exactly the modules reachable from `roots` that the entry does not
 * load, so every module it imports is in the entry's chunk or in itself: no cycle between chunks,
 * and evaluation follows the import graph. Other routes that share a module with it (the networks
 * page uses the same table) load this chunk too; it is the landing page's code, usually cached.
 */
export function firstScreenChunks(name: string, roots: readonly RegExp[]): Plugin {
  const entry = new Set<string>();
  const firstScreen = new Set<string>();
  return {
    name: 'stackdeck:first-screen-chunks',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              // Dependencies are not pulled in: the sets above are already closed under import.
              includeDependenciesRecursively: false,
              groups: [
                { name: 'index', test: (id: string) => entry.has(id) },
                { name, test: (id: string) => firstScreen.has(id) },
              ],
            },
          },
        },
      },
    }),
    buildEnd() {
      entry.clear();
      firstScreen.clear();
      const reach = (id: string, into: Set<string>, skip?: ReadonlySet<string>) => {
        if (into.has(id) || skip?.has(id)) return;
        into.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) reach(dep, into, skip);
      };
      const ids = [...this.getModuleIds()];
      for (const id of ids) if (this.getModuleInfo(id)?.isEntry) reach(id, entry);
      for (const id of ids) if (roots.some((root) => root.test(id))) reach(id, firstScreen, entry);
    },
  };
}
