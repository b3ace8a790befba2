// Unit specs (*.spec.ts) need nothing; integration specs (*.int-spec.ts) need the servers that
// `npm test` starts first (infra/local/up.sh) and read their addresses from the environment.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// The @nestjs packages are ESM-only (Nest 12); jest requires them from the tests' CommonJS only
// when Node runs with --experimental-vm-modules (as `npm test` does).
if (typeof require('node:vm').SourceTextModule !== 'function') {
  throw new Error('jest needs NODE_OPTIONS=--experimental-vm-modules (npm test sets it)');
}
const moduleNameMapper = { '^@admissions/([a-z-]+)$': '<rootDir>/libs/$1/src' };
const common = { rootDir: __dirname, transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  // Integration tests wait on real servers (a broker outage, a burst of 10,000 events).
  testTimeout: 300000,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,e2e}/**/*.spec.ts'] },
    // The Helm chart, rendered with the helm that infra/helm/validate.sh installs.
    { ...common, displayName: 'chart', testMatch: ['<rootDir>/infra/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    // Journeys across services: the only place that may load several apps (in one process,
    // each on its own database, talking only through Kafka).
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
  ],
};
