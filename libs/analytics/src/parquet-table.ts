import { rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier, sqlTypeOf } from './column-types';
import { MISFIT, toDuckDBValue } from './duckdb-values';
import type { ExportColumn, ExportedEvent } from './export-columns';

const TABLE = 'events';

/**
 * The rows of one export, gathered in an in-memory DuckDB table with the columns' types and
 * written out as one Parquet file. The file appears whole or not at all: DuckDB writes a
 * temporary file beside it, renamed at the end (same folder, so the rename is atomic).
 */
export class ParquetTable {
  private rows = 0;
  private misfits = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    private readonly columns: readonly ExportColumn[],
  ) {}

  static async create(columns: readonly ExportColumn[]): Promise<ParquetTable> {
    // Everything it needs (parquet, json, icu) is built in: it never downloads an extension.
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const connection = await instance.connect();
    const definitions = columns.map((c) => `${quoteIdentifier(c.name)} ${sqlTypeOf(c.type)}`);
    await connection.run(`CREATE TABLE ${TABLE} (${definitions.join(', ')})`);
    const appender = await connection.createAppender(TABLE);
    return new ParquetTable(instance, connection, appender, columns);
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Payload values that did not fit their column's type and were left empty. */
  get misfitCount(): number {
    return this.misfits;
  }

  append(exported: ExportedEvent): void {
    this.columns.forEach((column, index) => {
      const value = toDuckDBValue(column.type, column.valueOf(exported));
      if (value === MISFIT) this.misfits += 1;
      this.appender.appendValue(value === MISFIT ? null : value, this.appender.columnType(index));
    });
    this.appender.endRow();
    this.rows += 1;
  }

  async writeTo(path: string): Promise<void> {
    this.appender.flushSync();
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      await this.connection.run(`COPY ${TABLE} TO ${quoteLiteral(temporary)} (FORMAT parquet, COMPRESSION zstd)`);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  close(): void {
    this.appender.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
