import {
  type EventContract,
  type JsonSchema,
  decisionContracts,
  isoInstant,
  objectSchema,
  string,
} from '@admissions/contracts';
import { sqlTypeOf } from './column-types';
import { exportColumnsOf } from './export-columns';

const typesOf = (contracts: readonly EventContract[]) =>
  Object.fromEntries(exportColumnsOf(contracts).map((c) => [c.name, sqlTypeOf(c.type)]));

describe('the columns of an export, from the stream’s JSON Schemas', () => {
  it('puts the CloudEvents attributes first, then one typed column per payload field of every type', () => {
    const columns = exportColumnsOf(decisionContracts).map((c) => c.name);
    expect(columns.slice(0, 6)).toEqual(['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'ce_schemaversion']);
    expect(typesOf(decisionContracts)).toMatchObject({
      ce_time: 'TIMESTAMPTZ',
      candidateId: 'VARCHAR',
      decidedAt: 'TIMESTAMPTZ',
      waitingListRank: 'BIGINT',
      proposalCount: 'BIGINT',
      outcome: 'VARCHAR',
    });
    // A field several types share is one column.
    expect(columns.filter((name) => name === 'programmeCode')).toHaveLength(1);
  });

  it('flattens nested objects, keeps arrays as lists, dates as DATE, and an unconstrained value as JSON', () => {
    const contract: EventContract = {
      type: 'Sample',
      version: 1,
      schema: objectSchema({
        personal: objectSchema({
          address: objectSchema({ city: string }),
          birthDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        }),
        checks: { type: 'array', items: objectSchema({ passed: { type: 'boolean' }, at: isoInstant }) },
        tags: { type: 'array', items: string },
        ects: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        extra: { type: 'object' },
      }),
    };
    expect(typesOf([contract])).toMatchObject({
      personal_address_city: 'VARCHAR',
      personal_birthDate: 'DATE',
      checks: 'STRUCT("passed" BOOLEAN, "at" TIMESTAMPTZ)[]',
      tags: 'VARCHAR[]',
      ects: 'DOUBLE',
      extra: 'JSON',
    });
  });

  it('gives a field two types declare differently the type both fit in', () => {
    const one = (type: string, schema: Record<string, JsonSchema>): EventContract => ({
      type,
      version: 1,
      schema: objectSchema(schema),
    });
    const contracts = [
      one('A', { amount: { type: 'integer' }, label: string, body: objectSchema({ x: string }) }),
      one('B', { amount: { type: 'number' }, label: { type: 'integer' }, body: string }),
    ];
    expect(typesOf(contracts)).toMatchObject({
      amount: 'DOUBLE',
      label: 'VARCHAR',
      body_x: 'VARCHAR',
      body: 'VARCHAR',
    });
  });
});
