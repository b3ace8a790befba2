// `npm run export -- --stream <topic> --season <year> --out <file>.parquet`: one season of a
// topic, read from its beginning to its current end, as a typed Parquet file (docs/analytics.md).
import {
  EXPORT_USAGE,
  ExportError,
  type ExportRequest,
  type ExportSummary,
  ProgressDisplay,
  UsageError,
  exportStream,
  parseExportArguments,
} from '@admissions/analytics';
import { KafkaTopicReader, UnknownTopicError } from '@admissions/messaging';
import { DeploymentNames } from '@admissions/platform';
import { Kafka, logLevel } from 'kafkajs';

function summaryLine(request: ExportRequest, summary: ExportSummary): string {
  const skipped = [
    summary.duplicates > 0 ? `${summary.duplicates} redelivered duplicates skipped` : '',
    summary.unreadable > 0 ? `${summary.unreadable} messages without a CloudEvents envelope skipped` : '',
    summary.misfits > 0 ? `${summary.misfits} values not matching their column's type left empty` : '',
  ].filter(Boolean);
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  return (
    `export: ${summary.eventsRead} events read, ${summary.rowsWritten} rows written (season ${request.season}) ` +
    `to ${request.out} in ${seconds} s${skipped.length > 0 ? `; ${skipped.join('; ')}` : ''}`
  );
}

async function run(request: ExportRequest): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new ExportError('KAFKA_BROKERS is not set (host:port,…; `source .local/env` locally)');
  const kafka = new Kafka({ clientId: 'analytics-export', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const names = new DeploymentNames(process.env.DEPLOYMENT_NAMESPACE ?? '');
  const progress = new ProgressDisplay(process.stderr, names.kafka(request.stream));
  try {
    const summary = await exportStream(new KafkaTopicReader(kafka, names.kafka), request, (p) => progress.update(p));
    progress.finish();
    process.stdout.write(`${summaryLine(request, summary)}\n`);
  } catch (error) {
    progress.finish();
    throw error;
  }
}

async function main(): Promise<number> {
  try {
    const request = parseExportArguments(process.argv.slice(2));
    if (request === 'help') process.stdout.write(`${EXPORT_USAGE}\n`);
    else await run(request);
    return 0;
  } catch (error) {
    const known = error instanceof ExportError || error instanceof UnknownTopicError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`export: ${known ? message : `failed: ${message}`}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

// kafkajs may keep a timer after its clients disconnect: the exit code is the answer.
void main().then((code) => process.exit(code));
