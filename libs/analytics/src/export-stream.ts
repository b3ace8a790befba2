import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  EnvelopeError,
  fromCloudEventMessage,
  type IncomingMessage,
  type KafkaTopicReader,
  type ReadProgress,
  type ReceivedEvent,
} from '@admissions/messaging';
import { exportColumnsOf } from './export-columns';
import { EXPORTABLE_STREAMS } from './exportable-streams';
import { ParquetTable } from './parquet-table';
import { seasonOf } from './season';

/** A refusal the person running the export can act on; its message is the one line they see. */
export class ExportError extends Error {
  override readonly name: string = 'ExportError';
}

export interface ExportRequest {
  /** The code's topic name; the reader puts it in the deployment's namespace. */
  readonly stream: string;
  readonly season: number;
  readonly out: string;
}

export interface ExportSummary {
  readonly eventsRead: number;
  readonly rowsWritten: number;
  /** Redeliveries: a ce_id already written (the streams are at-least-once, with stable ids). */
  readonly duplicates: number;
  /** Messages without a readable CloudEvents envelope. */
  readonly unreadable: number;
  /** Payload values that did not fit their column's type, left empty. */
  readonly misfits: number;
  readonly elapsedMs: number;
}

/** Refuses early, before reading anything, an output the export could not write. */
async function assertWritable(out: string): Promise<void> {
  const folder = dirname(resolve(out));
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) throw new ExportError(`cannot write ${out}: folder ${folder} does not exist`);
  if ((await stat(out).catch(() => undefined))?.isDirectory())
    throw new ExportError(`cannot write ${out}: it is a folder`);
  await access(folder, constants.W_OK).catch(() => {
    throw new ExportError(`cannot write ${out}: no permission to write in ${folder}`);
  });
}

/** Reads a stream from its beginning to its current end and writes one season's events to Parquet. */
export async function exportStream(
  reader: KafkaTopicReader,
  request: ExportRequest,
  onProgress?: (progress: ReadProgress) => void,
): Promise<ExportSummary> {
  const startedAt = Date.now();
  const contracts = EXPORTABLE_STREAMS.get(request.stream);
  if (!contracts) {
    throw new ExportError(
      `${request.stream} is not an exportable stream (one of: ${[...EXPORTABLE_STREAMS.keys()].join(', ')})`,
    );
  }
  await assertWritable(request.out);
  const table = await ParquetTable.create(exportColumnsOf(contracts));
  try {
    const seen = new Set<string>();
    let eventsRead = 0;
    let duplicates = 0;
    let unreadable = 0;
    const onMessage = (message: IncomingMessage): void => {
      eventsRead += 1;
      const event = readEvent(message);
      if (!event) {
        unreadable += 1;
        return;
      }
      if (seasonOf(event.data, event.metadata.occurredAt) !== request.season) return;
      if (seen.has(event.metadata.eventId)) {
        duplicates += 1;
        return;
      }
      seen.add(event.metadata.eventId);
      table.append({ event, partition: message.partition, offset: message.offset });
    };
    await reader.readToEnd(request.stream, { onMessage, onProgress });
    await table.writeTo(request.out);
    return {
      eventsRead,
      rowsWritten: table.rowCount,
      duplicates,
      unreadable,
      misfits: table.misfitCount,
      elapsedMs: Date.now() - startedAt,
    };
  } finally {
    table.close();
  }
}

function readEvent(message: IncomingMessage): ReceivedEvent | undefined {
  try {
    return fromCloudEventMessage(message);
  } catch (error) {
    if (error instanceof EnvelopeError) return undefined;
    throw error;
  }
}
