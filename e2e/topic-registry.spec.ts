import { CONSUMER_GROUPS, SERVICES, TOPICS } from '@admissions/platform';
import { JuryEnv } from '../apps/jury/src/config';
import { NotificationEnv } from '../apps/notification/src/config';
import { CONSUMED } from '../apps/notification/src/domain';
import { ReviewEnv } from '../apps/review/src/config';

// The registry lists the consumer groups as data (the chart renders their dead-letter topics);
// the apps name them in their settings. Both must say the same.
describe('topic registry', () => {
  it('lists the consumer groups the apps use by default', () => {
    const jury = new JuryEnv();
    const review = new ReviewEnv();
    const notification = new NotificationEnv();
    expect(CONSUMER_GROUPS).toEqual({
      candidacy: [],
      review: [`${review.CONSUMER_GROUP_PREFIX}.candidacy-intake`, `${review.CONSUMER_GROUP_PREFIX}.programme-leads`],
      jury: [
        jury.PROGRAMME_CATALOGUE_GROUP,
        jury.ADMISSIONS_INTAKE_GROUP,
        jury.REFERRAL_PROCESS_GROUP,
        jury.DECISION_STREAM_GROUP,
      ],
      notification: Object.keys(CONSUMED).map((source) => `${notification.NOTIFICATION_GROUP_PREFIX}.${source}`),
      mobility: [],
    });
  });

  it('holds one event topic per service, the decisions stream and one dead-letter topic per group', () => {
    const names = TOPICS.map((topic) => topic.name);
    expect(new Set(names).size).toBe(names.length);
    expect(TOPICS.filter((topic) => topic.kind === 'events').map((topic) => topic.owner)).toEqual([...SERVICES]);
    expect(names).toContain('admissions.decisions.v1');
    expect(TOPICS.filter((topic) => topic.kind === 'dead-letter').map((topic) => topic.name)).toEqual(
      Object.values(CONSUMER_GROUPS).flatMap((groups) => groups.map((group) => `${group}.dlq`)),
    );
  });

  it('keeps events forever and dead letters for a bounded time, never compacted', () => {
    for (const topic of TOPICS) {
      expect(topic.config['cleanup.policy']).toBe('delete');
      expect(topic.config['min.insync.replicas']).toBeLessThan(topic.replicas);
      if (topic.kind === 'dead-letter') expect(topic.config['retention.ms']).toBeGreaterThan(0);
      else expect(topic.config['retention.ms']).toBe(-1);
    }
  });
});
