import { DECISIONS_TOPIC, eventTopicOf } from '../event-sourcing/topics';
import { DeploymentNames } from './deployment-names';

describe('DeploymentNames', () => {
  it('keeps production names as they are without a namespace', () => {
    const names = new DeploymentNames('');
    expect(names.kafka(eventTopicOf('candidacy'))).toBe('admissions.candidacy.events');
    expect(names.kafka(DECISIONS_TOPIC)).toBe('admissions.decisions.v1');
    expect(names.kafka('notification.candidacy')).toBe('notification.candidacy');
    expect(names.queue('deadlines-jury')).toBe('deadlines-jury');
  });

  it('prefixes topics, groups and queues with the namespace, never with a colon in a queue name', () => {
    const names = new DeploymentNames('run_42');
    expect(names.kafka(eventTopicOf('candidacy'))).toBe('run_42.admissions.candidacy.events');
    expect(names.kafka('notification.candidacy')).toBe('run_42.notification.candidacy');
    expect(names.queue('deadlines-jury')).toBe('run_42-deadlines-jury');
  });
});
