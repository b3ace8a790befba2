export * from './message-bus.port';
export * from './kafka.adapter';
export * from './cloud-event';
export * from './outbox-relay';
export * from './event-consumer';
