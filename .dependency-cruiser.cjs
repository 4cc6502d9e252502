/**
 * Which way imports may go (docs/architecture.md, "Imports go one way"). `npm run lint` fails on
 * any violation; src/lint-boundaries.test.ts proves it with fixtures that break the rules.
 */
const spa = '^src/(app|features|components|lib)/';
const testOnly = '(\\.test\\.tsx?$|^src/(server|lib)/testing/)';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'src/domain is pure and shared by SPA, BFF and simulator: it imports no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'domain-is-platform-free',
      comment: 'src/domain runs in the browser and in Node: no React, DOM framework, node:* or server library.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-framework',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(react|react-dom|react-router|fastify|@fastify|undici|msw|@tanstack|zustand)/' },
    },
    {
      name: 'simulator-only-domain',
      comment: 'The simulator speaks wire formats; it never borrows BFF or SPA code.',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { path: `^src/(server|app|features|components|lib)/` },
    },
    {
      name: 'simulator-reads-nova-on-its-own',
      comment:
        'The simulator\'s action guards are a second, independent reading of Nova, held against domain/compute by the tests. ' +
        'The msw handlers are exempt: they stand in for the BFF, which maps Nova\'s bodies with domain/compute.',
      severity: 'error',
      from: { path: '^src/simulator/', pathNot: '^src/simulator/msw/' },
      to: { path: '^src/domain/compute/' },
    },
    {
      name: 'server-not-spa',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: spa },
    },
    {
      name: 'server-simulator-only-at-start-and-in-tests',
      severity: 'error',
      from: { path: '^src/server/', pathNot: `(^src/server/main\\.ts$|${testOnly})` },
      to: { path: '^src/simulator/' },
    },
    {
      name: 'spa-not-server',
      severity: 'error',
      from: { path: spa },
      to: { path: '^src/server/' },
    },
    {
      name: 'spa-simulator-only-in-tests',
      comment: 'Component tests use the simulator\'s msw handlers; shipped SPA code never does.',
      severity: 'error',
      from: { path: spa, pathNot: testOnly },
      to: { path: '^src/simulator/' },
    },
    {
      name: 'features-are-independent',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'shared-ui-not-features',
      comment: 'components/ and lib/ serve every feature, so they import none.',
      severity: 'error',
      from: { path: '^src/(components|lib)/', pathNot: testOnly },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
