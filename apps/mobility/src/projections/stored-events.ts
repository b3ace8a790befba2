import type { StoredEvent } from '@admissions/event-store';
import type { MobilityPlanEvent, PartnerEvent } from '../domain';

/*
 * Projections read back the service's own events. StoredEvent pairs a type with untyped data;
 * rebuilding the domain's union lets `switch (event.type)` narrow the data again.
 */
export const asPlanEvent = (event: StoredEvent): MobilityPlanEvent =>
  ({ type: event.type, data: event.data }) as MobilityPlanEvent;

export const asPartnerEvent = (event: StoredEvent): PartnerEvent =>
  ({ type: event.type, data: event.data }) as PartnerEvent;

export const PLAN_EVENT_TYPES = [
  'MobilityPlanProposed',
  'MobilityPlanChanged',
  'MobilityApproved',
  'MobilityRefused',
  'MobilityPlanCancelled',
  'LearningAgreementProposed',
  'LearningAgreementChanged',
  'LearningAgreementApproved',
  'MobilityStarted',
  'CreditsRecorded',
  'InternshipCompleted',
  'MobilityRequirementFulfilled',
  'MobilityRequirementNotFulfilled',
  'EngineeringInternshipRecorded',
] as const satisfies readonly MobilityPlanEvent['type'][];

/** Compile-time check that the list above names every plan event. */
type Missing = Exclude<MobilityPlanEvent['type'], (typeof PLAN_EVENT_TYPES)[number]>;
export const everyPlanEventListed: Missing extends never ? true : Missing = true;
