// The code's topic names; the Kafka adapters put them in the deployment's namespace
// (DEPLOYMENT_NAMESPACE, see DeploymentNames), production's being these as they are.

/** The topic a service publishes its own domain events to (key = aggregate id). */
export function eventTopicOf(service: string): string {
  return `admissions.${service}.events`;
}

/** The public integration streams other campus systems and analysts subscribe to (docs/events.md). */
export const DECISIONS_TOPIC = 'admissions.decisions.v1';
export const CANDIDACIES_TOPIC = 'admissions.candidacies.v1';
export const ADMISSIBILITY_TOPIC = 'admissions.admissibility.v1';
export const MOBILITY_TOPIC = 'admissions.mobility.v1';
