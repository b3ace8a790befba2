/** Injection tokens for the clients every service shares; one instance of each per process. */
export const MONGO_DB = Symbol('MONGO_DB'); // the driver's Db of the service's own database (see MongoDatabase)
export const KAFKA = Symbol('KAFKA'); // kafkajs Kafka instance
export const REDIS = Symbol('REDIS'); // ioredis client for commands (not for BullMQ workers)
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY'); // prom-client Registry
export const CLOCK = Symbol('CLOCK'); // Clock: domain time and deadlines
