import type { EventContract } from '@admissions/contracts';
import { contractsByTopic } from '@admissions/platform';

/**
 * The topics an analyst may export, with the contracts that type their columns: the public
 * streams, and each service's internal event topic (staff analysts only: internal shapes may
 * change between releases, and candidacy's carry personal data).
 */
export const EXPORTABLE_STREAMS: ReadonlyMap<string, readonly EventContract[]> = contractsByTopic();
