export * from './message-bus.port';
export * from './kafka.adapter';
export * from './kafka-transactions';
export * from './cloud-event';
export * from './outbox-relay';
export * from './event-consumer';
export * from './topic-reader';
export * from './dead-letter';
