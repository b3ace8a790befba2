import { decisionContracts } from '@admissions/contracts';
import { DECISIONS_SOURCE, DECISIONS_TOPIC, PublicStreams, type PublicStream } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DECISION_SOURCES, decisionIdOf, toDecision } from './decision-mapper';

/**
 * The public decision stream `admissions.decisions.v1`: each internal event that is a decision
 * becomes its integration event, with a ce_id derived from the internal event's id, published
 * once (docs/events.md, Delivery). Key: the programme's stream id (the order of one programme's
 * seats is kept) or the referral's.
 */
export const DECISION_STREAM: PublicStream = {
  groupId: 'jury.decision-stream',
  topic: DECISIONS_TOPIC,
  source: DECISIONS_SOURCE,
  contracts: decisionContracts,
  from: DECISION_SOURCES,
  toPublic: toDecision,
  idOf: decisionIdOf,
};

@Injectable()
export class DecisionStream implements OnModuleInit {
  constructor(private readonly streams: PublicStreams) {}

  onModuleInit(): void {
    this.streams.publish(DECISION_STREAM);
  }
}
