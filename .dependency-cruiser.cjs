/** Import rules of the architecture (see ../shared/ARCHITECTURE.md), checked in `npm test`. */
// Matched against the resolved path (node_modules/<package>/…), not the name in the import.
const INFRASTRUCTURE = '(^|/)node_modules/(@nestjs|mongoose|mongodb|pg|kafkajs|bullmq|ioredis)/';

module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'Services meet only through Kafka events; an app never imports another app.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'A domain/ folder holds pure deciders: no framework, database, broker or queue.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: INFRASTRUCTURE },
    },
    {
      name: 'domain-imports-only-the-kernel',
      comment: 'Inside the domain only the pure kernel lib may be used among the shared libraries.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: '^libs/', pathNot: '^libs/domain-kernel/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'api-does-not-reach-infrastructure',
      comment: 'Controllers go through application/ (commands, queries); storage adapters stay behind it.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/api/' },
      to: { path: '^apps/[^/]+/src/infrastructure/' },
    },
    {
      name: 'test-support-stays-in-tests',
      comment: 'libs/testing starts servers and forges tokens: only tests and test scripts use it.',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: ['^libs/testing/', '\\.(int-)?spec\\.ts$', '\\.int-helpers\\.ts$', '/test/'],
      },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    // Packages are not followed, but kept in the graph: excluding them would hide them from the rules.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
