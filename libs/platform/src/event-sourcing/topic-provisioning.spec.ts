import { TOPICS } from './topic-registry';
import { settingsFor } from './topic-provisioning';

describe('a registry topic as the cluster can hold it', () => {
  const events = TOPICS.find((topic) => topic.kind === 'events')!;

  it.each([
    [3, '3', '2'],
    [5, '3', '2'],
    [2, '2', '1'],
    [1, '1', '1'],
  ])('with room for %i replicas: %s replicas, min.insync.replicas %s', (limit, replicas, minInsync) => {
    const settings = settingsFor(events, limit);
    expect(String(settings.replicas)).toBe(replicas);
    expect(settings.config['min.insync.replicas']).toBe(minInsync);
    expect(settings).toMatchObject({ partitions: 6, config: { 'retention.ms': '-1', 'cleanup.policy': 'delete' } });
  });
});
