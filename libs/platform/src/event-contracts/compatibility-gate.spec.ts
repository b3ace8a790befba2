import { compatibilityProblems, readReleasedSchemas } from '@admissions/contracts';
import { publicContracts } from './event-streams';

// The gate itself is unit-tested in libs/contracts (compatibility-gate.spec.ts); this holds the
// repository's public schemas to the versions released in libs/contracts/released.
describe('the compatibility gate of the public streams', () => {
  it('finds every public schema released, and compatible with its released version', () => {
    expect(compatibilityProblems(publicContracts(), readReleasedSchemas())).toEqual([]);
  });
});
