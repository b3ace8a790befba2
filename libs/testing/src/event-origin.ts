import type { EventOrigin } from '@admissions/messaging';

/**
 * The origin of events a test writes on a service's topic in that service's place: its
 * CloudEvents source, and schema URLs under a host of the reserved `.test` domain.
 */
export function originOf(service: string): EventOrigin {
  return { source: `/admissions/${service}`, schemaBaseUrl: `http://${service}.test` };
}
