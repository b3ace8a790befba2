import type { EventStore } from '@admissions/event-store';
import type { SubjectDataDto, SubjectReadModelDto, SubjectStreamDto } from './personal-data.dto';
import type { ReadModelHoldings, StreamHoldings, SubjectHoldings } from './personal-data.port';

/** A read-model document without the projection's bookkeeping (the last position folded in). */
function asExported(document: object): Record<string, unknown> {
  const { _position: _bookkeeping, ...rest } = document as Record<string, unknown>;
  return rest;
}

const readModelsOf = (holdings: readonly ReadModelHoldings[]): SubjectReadModelDto[] =>
  holdings
    .filter(({ documents }) => documents.length > 0)
    .map(({ readModel, documents }) => ({ readModel, documents: documents.map(asExported) }));

/** Type, version, time and data of the subject's events: who else acted (actor, correlation) stays out. */
async function streamsOf(store: EventStore, holdings: readonly StreamHoldings[]): Promise<SubjectStreamDto[]> {
  const streams: SubjectStreamDto[] = [];
  for (const { streamId, keep = () => true } of holdings) {
    const { events } = await store.readStream(streamId);
    const kept = events.filter(keep).map(({ type, data, metadata }) => ({
      type,
      version: metadata.version,
      occurredAt: metadata.occurredAt,
      data: data as Record<string, unknown>,
    }));
    if (kept.length > 0) streams.push({ streamId, events: kept });
  }
  return streams;
}

/** The answer of `GET /v1/me/data`: what a service's PersonalDataSource names, with its streams read. */
export async function exportSubjectData(
  store: EventStore,
  holdings: SubjectHoldings,
  about: { readonly subjectId: string; readonly service: string; readonly exportedAt: Date },
): Promise<SubjectDataDto> {
  return {
    subjectId: about.subjectId,
    service: about.service,
    exportedAt: about.exportedAt.toISOString(),
    readModels: readModelsOf(holdings.readModels),
    streams: await streamsOf(store, holdings.streams),
  };
}
