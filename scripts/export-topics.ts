// Writes the topic registry (libs/platform/src/event-sourcing/topic-registry.ts) into the Helm
// chart, which cannot read TypeScript: `npm run topics:export` after changing the registry.
import { writeFileSync } from 'node:fs';
import { TOPICS_FILE, topicsFileContent } from '../infra/helm/topics-file';

writeFileSync(TOPICS_FILE, topicsFileContent());
process.stdout.write(`wrote ${TOPICS_FILE}\n`);
