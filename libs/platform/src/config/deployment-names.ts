/**
 * The names one deployment uses on servers it may share with others (a broker, a Redis): every
 * topic, consumer group and queue name is prefixed by DEPLOYMENT_NAMESPACE, so that test instances
 * keep apart with that one setting. Empty (production), the names are the code's own.
 */
export class DeploymentNames {
  constructor(readonly namespace: string) {}

  /** A Kafka topic or consumer group: `<ns>.admissions.candidacy.events`, `<ns>.notification.candidacy`. */
  readonly kafka = (name: string): string => (this.namespace ? `${this.namespace}.${name}` : name);

  /** A BullMQ queue: `<ns>-deadlines-jury` (BullMQ refuses ':' in a queue name). */
  readonly queue = (name: string): string => (this.namespace ? `${this.namespace}-${name}` : name);
}
