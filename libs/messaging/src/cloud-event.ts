import { schemaUrlOf } from '@admissions/contracts';
import type { EventMetadata, StoredEvent } from '@admissions/event-store';
import type { IncomingMessage, MessageHeaders, OutgoingMessage } from './message-bus.port';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary mode: the attributes travel as `ce_` headers
 * and the body is the event's data. Extension attributes carry what event sourcing needs
 * downstream (stream version and position, correlation, causation, actor).
 */
export const SPEC_VERSION = '1.0';

/** Where a publisher's events come from. */
export interface EventOrigin {
  /** CloudEvents source, e.g. /admissions/candidacy. */
  readonly source: string;
  /**
   * The public base URL of the service that serves the events' schemas (PUBLIC_BASE_URL):
   * ce_dataschema is the schema's URL under it.
   */
  readonly schemaBaseUrl: string;
}

export function toCloudEventMessage(event: StoredEvent, origin: EventOrigin): OutgoingMessage {
  const { metadata } = event;
  const headers: MessageHeaders = {
    ce_specversion: SPEC_VERSION,
    ce_id: metadata.eventId,
    ce_source: origin.source,
    ce_type: event.type,
    ce_time: metadata.occurredAt,
    ce_subject: metadata.streamId,
    ce_dataschema: schemaUrlOf(origin.schemaBaseUrl, event.type, metadata.schemaVersion),
    'content-type': 'application/json',
    ce_streamversion: String(metadata.version),
    ce_schemaversion: String(metadata.schemaVersion),
    ce_correlationid: metadata.correlationId,
    ce_actorid: metadata.actor.id,
    ce_actorroles: metadata.actor.roles.join(','),
  };
  if (metadata.position !== undefined) headers.ce_position = String(metadata.position);
  if (metadata.causationId !== undefined) headers.ce_causationid = metadata.causationId;
  return { key: metadata.streamId, value: JSON.stringify(event.data), headers };
}

export interface ReceivedEvent extends StoredEvent {
  readonly source: string;
}

export class EnvelopeError extends Error {}

function required(headers: MessageHeaders, name: string): string {
  const value = headers[name];
  if (!value) throw new EnvelopeError(`missing header ${name}`);
  return value;
}

function positiveInteger(headers: MessageHeaders, name: string): number {
  const value = Number(required(headers, name));
  if (!Number.isInteger(value) || value < 0) throw new EnvelopeError(`header ${name} is not a whole number`);
  return value;
}

/** Reads an event back from its message; a malformed envelope is a poison message. */
export function fromCloudEventMessage(message: IncomingMessage): ReceivedEvent {
  const { headers } = message;
  if (required(headers, 'ce_specversion') !== SPEC_VERSION) throw new EnvelopeError('unsupported ce_specversion');
  let data: unknown;
  try {
    data = JSON.parse(message.value);
  } catch {
    throw new EnvelopeError('body is not JSON');
  }
  const metadata: EventMetadata = {
    eventId: required(headers, 'ce_id'),
    streamId: required(headers, 'ce_subject'),
    version: positiveInteger(headers, 'ce_streamversion'),
    ...(headers.ce_position ? { position: positiveInteger(headers, 'ce_position') } : {}),
    occurredAt: required(headers, 'ce_time'),
    correlationId: headers.ce_correlationid ?? required(headers, 'ce_id'),
    ...(headers.ce_causationid ? { causationId: headers.ce_causationid } : {}),
    actor: { id: headers.ce_actorid ?? 'unknown', roles: (headers.ce_actorroles ?? '').split(',').filter(Boolean) },
    schemaVersion: headers.ce_schemaversion ? positiveInteger(headers, 'ce_schemaversion') : 1,
  };
  return { type: required(headers, 'ce_type'), data, metadata, source: required(headers, 'ce_source') };
}
