import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventContract, isoInstant, objectSchema, string } from '@admissions/contracts';
import { DuckDBInstance } from '@duckdb/node-api';
import { exportColumnsOf, type ExportedEvent } from './export-columns';
import { ParquetTable } from './parquet-table';

const contract: EventContract = {
  type: 'OfferMade',
  version: 1,
  schema: objectSchema({
    offerId: string,
    places: { type: 'integer' },
    intakeDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    proposals: { type: 'array', items: objectSchema({ proposalId: string, at: isoInstant }) },
    madeAt: isoInstant,
  }),
};

function exported(data: Record<string, unknown>, offset: number): ExportedEvent {
  return {
    partition: 0,
    offset: String(offset),
    event: {
      type: 'OfferMade',
      data,
      source: '/admissions/jury',
      metadata: {
        eventId: `e-${offset}`,
        streamId: 'programme-MS',
        version: offset + 1,
        occurredAt: '2027-03-15T09:00:00.000Z',
        correlationId: 'c',
        actor: { id: 'system', roles: [] },
        schemaVersion: 1,
      },
    },
  };
}

describe('the Parquet file of an export', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'parquet-table-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('holds each value in its column’s type; a value that does not fit is left empty and counted', async () => {
    const table = await ParquetTable.create(exportColumnsOf([contract]));
    table.append(
      exported(
        {
          offerId: 'o-1',
          places: 12,
          intakeDate: '2027-09-14',
          proposals: [{ proposalId: 'p-1', at: '2027-10-20T08:00:00.000Z' }],
          madeAt: '2027-03-15T09:00:00.000Z',
        },
        0,
      ),
    );
    table.append(exported({ offerId: 'o-2', places: 'twelve', madeAt: 'yesterday' }, 1));
    const out = join(folder, 'offers.parquet');
    await table.writeTo(out);
    table.close();
    expect({ rows: table.rowCount, misfits: table.misfitCount }).toEqual({ rows: 2, misfits: 2 });

    const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
    const connection = await instance.connect();
    const rows = (
      await connection.runAndReadAll(
        `SELECT offerId, places, intakeDate, proposals[1].at AS firstProposalAt, epoch_ms(madeAt) AS madeAtMs, kafka_offset
         FROM read_parquet('${out}') ORDER BY kafka_offset`,
      )
    ).getRowObjectsJson();
    connection.closeSync();
    instance.closeSync();
    expect(rows).toEqual([
      {
        offerId: 'o-1',
        places: '12',
        intakeDate: '2027-09-14',
        firstProposalAt: '2027-10-20 08:00:00+00',
        madeAtMs: String(Date.parse('2027-03-15T09:00:00.000Z')),
        kafka_offset: '0',
      },
      { offerId: 'o-2', places: null, intakeDate: null, firstProposalAt: null, madeAtMs: null, kafka_offset: '1' },
    ]);
    expect(await readdir(folder)).toEqual(['offers.parquet']);
  });

  it('leaves nothing behind when the file cannot take its place', async () => {
    const table = await ParquetTable.create(exportColumnsOf([contract]));
    table.append(exported({ offerId: 'o-1' }, 0));
    // A non-empty folder where the file should go: the rename fails after the Parquet is written.
    const out = join(folder, 'taken.parquet');
    await mkdir(join(out, 'inside'), { recursive: true });
    await expect(table.writeTo(out)).rejects.toThrow();
    table.close();
    expect(await readdir(folder)).toEqual(['taken.parquet']);
    expect(await readdir(out)).toEqual(['inside']);
  });
});
