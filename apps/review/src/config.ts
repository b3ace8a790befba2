import { BaseEnv, eventTopicOf } from '@admissions/platform';
import { Matches } from 'class-validator';

/** The review service's settings: the platform's, with its own default port. */
export class ReviewEnv extends BaseEnv {
  override PORT = 3002;

  /** Where the candidacy service publishes (a test points it at a topic of its own). */
  @Matches(/^[A-Za-z0-9._-]{1,249}$/, { message: 'CANDIDACY_EVENTS_TOPIC must be a Kafka topic name' })
  CANDIDACY_EVENTS_TOPIC: string = eventTopicOf('candidacy');

  /** Consumer groups are `<prefix>.candidacy-intake` and `<prefix>.programme-leads`. */
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'CONSUMER_GROUP_PREFIX must be letters, digits, ., _ or -' })
  CONSUMER_GROUP_PREFIX: string = 'review';
}
