/** Import rules of the architecture (see ../shared/ARCHITECTURE.md), checked in `npm test`. */
const INFRASTRUCTURE = '^(@nestjs|mongoose|mongodb|pg|kafkajs|bullmq|ioredis)(/|$)';

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
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'core'], path: INFRASTRUCTURE },
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
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
