import { CONSUMER_GROUPS, erasureGroupOf, SERVICES, TOPICS } from '@admissions/platform';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSUMED } from '../apps/notification/src/domain';

/**
 * The consumer groups each app subscribes with, read from its application layer's
 * `groupId: '…'` declarations (notification's one template is expanded over its sources), and
 * the erasure propagation's group where the app takes it in.
 */
function groupsDeclaredBy(service: string): string[] {
  const dir = join(__dirname, '..', 'apps', service, 'src', 'application');
  const groups: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.includes('spec'))) {
    for (const [, group] of readFileSync(join(dir, file), 'utf8').matchAll(/groupId:\s*['`]([^'`]+)['`]/g)) {
      if (group === 'notification.${source}') groups.push(...Object.keys(CONSUMED).map((s) => `notification.${s}`));
      else groups.push(group);
    }
  }
  // The shared erasure propagation (libs/platform) subscribes for the services whose module imports it.
  const module = readFileSync(join(dir, '..', `${service}.module.ts`), 'utf8');
  if (module.includes('ErasurePropagationModule')) groups.push(erasureGroupOf(service));
  return groups.sort();
}

// The registry lists the consumer groups as data (the chart renders their dead-letter topics);
// the apps declare them in code. Both must say the same.
describe('topic registry', () => {
  it('lists the consumer groups the apps declare', () => {
    for (const service of SERVICES) expect([...CONSUMER_GROUPS[service]].sort()).toEqual(groupsDeclaredBy(service));
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
