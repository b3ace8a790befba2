import { localKafkaPid, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaPublisher, KafkaTopicAdmin } from './kafka.adapter';

/**
 * A broker that accepts the connection but does not answer (paused, overloaded) while a client
 * makes its first contact: kafkajs 2.2.4 then keeps the socket without negotiated API versions
 * and fails every later request with "Broker not connected", even once the broker answers again.
 */
describe('kafkajs adapter after a broker that stalled through its first connection', () => {
  const env = testEnv();
  const pid = localKafkaPid();
  const topic = uniqueName('adapter.events');
  // Short timeouts, so the first contact fails within seconds of the pause.
  const kafka = new Kafka({
    clientId: 'adapter-test',
    brokers: env.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    requestTimeout: 2000,
    retry: { retries: 1 },
  });
  const message = { key: 'k', value: 'v', headers: {} };

  /** Runs `during` while the broker is paused, then lets the broker go on. */
  async function whileStalled(during: () => Promise<void>): Promise<void> {
    process.kill(pid!, 'SIGSTOP');
    try {
      await during();
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
  }

  beforeAll(async () => {
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
  });

  afterAll(() => {
    if (pid) process.kill(pid, 'SIGCONT');
  });

  // Only the broker that up.sh started can be paused; a broker given by KAFKA_BROKERS is not ours.
  const itWithLocalBroker = pid ? it : it.skip;

  itWithLocalBroker('publishes again once the broker answers', async () => {
    const publisher = new KafkaPublisher(kafka);
    await whileStalled(() => expect(publisher.publish(topic, [message])).rejects.toThrow());

    await expect(publisher.publish(topic, [message])).resolves.toBeUndefined();
    await publisher.close();
  });

  itWithLocalBroker('answers topic and lag questions again once the broker answers', async () => {
    const admin = new KafkaTopicAdmin(kafka);
    await whileStalled(() => expect(admin.ensureTopics([topic])).rejects.toThrow());

    await expect(admin.ensureTopics([topic])).resolves.toBeUndefined();
    await expect(admin.consumerLag(uniqueName('no-group'), [topic])).resolves.toBeGreaterThanOrEqual(0);
    await admin.close();
  });
});
