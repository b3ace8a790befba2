/** Injection tokens for the clients every service shares; one instance of each per process. */
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION'); // mongoose Connection on the service's own database
export const KAFKA = Symbol('KAFKA'); // kafkajs Kafka instance
export const REDIS = Symbol('REDIS'); // ioredis client for commands (not for BullMQ workers)
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY'); // prom-client Registry
export const CLOCK = Symbol('CLOCK'); // Clock: domain time and deadlines
