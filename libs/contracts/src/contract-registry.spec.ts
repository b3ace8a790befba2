import { objectSchema, integer, string } from './contract';
import { ContractRegistry } from './contract-registry';

describe('ContractRegistry', () => {
  const registry = new ContractRegistry([
    { type: 'CandidacySubmitted', version: 2, schema: objectSchema({ candidacyId: string, rank: integer }) },
  ]);

  it('accepts data that honours the schema and gives the version to write', () => {
    expect(registry.validate('CandidacySubmitted', { candidacyId: 'c-1', rank: 3 })).toBeUndefined();
    expect(registry.versionOf('CandidacySubmitted')).toBe(2);
  });

  it('names what is wrong with invalid data', () => {
    expect(registry.validate('CandidacySubmitted', { candidacyId: '', rank: 'x' })).toMatch(
      /CandidacySubmitted does not match its schema: .*candidacyId.*rank/,
    );
  });

  it('calls an unknown type a poison message', () => {
    expect(registry.validate('Nope', {})).toBe('unknown event type Nope');
  });
});
