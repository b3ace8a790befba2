import { integer, isoInstant, objectSchema, oneOf, string, type JsonSchema } from '../contract';
import { breakingChanges } from './schema-compatibility';

// A released decision schema, as libs/contracts/released holds one.
const released: JsonSchema = objectSchema({
  candidateId: string,
  outcome: oneOf('ACCEPTED', 'LAPSED'),
  rank: { type: ['integer', 'null'] },
  decidedAt: isoInstant,
  proposals: { type: 'array', items: objectSchema({ proposalId: string, programmeCode: string }) },
});

function changed(edit: (schema: JsonSchema) => void): JsonSchema {
  const schema = structuredClone(released);
  edit(schema);
  return schema;
}

const propertiesOf = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;

describe('breakingChanges (the compatibility gate of public schemas)', () => {
  it('accepts the same schema, and a new optional field with new descriptions and examples', () => {
    const current = changed((schema) => {
      propertiesOf(schema).programmeCode = { ...string, description: 'Where the candidate goes' };
      propertiesOf(schema).candidateId = { ...string, description: 'The candidate', examples: ['c-1'] };
      schema.description = 'The referral ended';
    });
    expect(breakingChanges(released, released)).toEqual([]);
    expect(breakingChanges(released, current)).toEqual([]);
  });

  it('names a field removed, or renamed', () => {
    const current = changed((schema) => {
      propertiesOf(schema).decisionAt = propertiesOf(schema).decidedAt;
      delete propertiesOf(schema).decidedAt;
      schema.required = (schema.required as string[]).map((name) => (name === 'decidedAt' ? 'decisionAt' : name));
    });
    expect(breakingChanges(released, current)).toEqual([
      "field 'decidedAt' removed or renamed",
      "new required field 'decisionAt'",
    ]);
  });

  it('names a type narrowed, or widened', () => {
    const narrowed = changed((schema) => (propertiesOf(schema).rank = integer));
    const widened = changed((schema) => (propertiesOf(schema).candidateId = { type: ['string', 'null'] }));
    expect(breakingChanges(released, narrowed)).toEqual([
      "field 'rank': type narrowed from integer or null to integer",
    ]);
    expect(breakingChanges(released, widened)).toEqual([
      "field 'candidateId': type widened from string to null or string",
      "field 'candidateId': minLength changed from 1 to none",
    ]);
  });

  it('names a new required field, and a field that became required or optional', () => {
    const current = changed((schema) => {
      propertiesOf(schema).programmeCode = string;
      schema.required = [...(schema.required as string[]).filter((name) => name !== 'rank'), 'programmeCode'];
    });
    expect(breakingChanges(released, current)).toEqual([
      "field 'rank' is no longer required",
      "new required field 'programmeCode'",
    ]);
  });

  it('names an enum value removed, and one added', () => {
    const current = changed((schema) => (propertiesOf(schema).outcome = oneOf('ACCEPTED', 'DECLINED')));
    expect(breakingChanges(released, current)).toEqual([
      'field \'outcome\': enum value "LAPSED" removed',
      'field \'outcome\': enum value "DECLINED" added (a consumer validating with the released schema refuses it)',
    ]);
  });

  it('names additionalProperties tightened, and a change inside array items', () => {
    const current = changed((schema) => {
      schema.additionalProperties = false;
      const proposals = propertiesOf(schema).proposals;
      const item = proposals.items as JsonSchema;
      delete propertiesOf(item).programmeCode;
      item.required = ['proposalId'];
      proposals.maxItems = 3;
    });
    expect(breakingChanges(released, current)).toEqual([
      "field 'proposals[].programmeCode' removed or renamed",
      "field 'proposals': maxItems changed from none to 3",
      'the event data: additionalProperties tightened from true to false',
    ]);
  });

  it('refuses a new optional field where the released schema allowed no other field', () => {
    const closed = { ...released, additionalProperties: false };
    const current = { ...closed, properties: { ...propertiesOf(closed), note: string } };
    expect(breakingChanges(closed, current)).toEqual([
      "new field 'note' where the released schema allows no other field",
    ]);
  });
});
