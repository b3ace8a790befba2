// Regenerates the configuration reference of docs/operations.md from the chart's
// values.schema.json and values.yaml: `npm run helm:docs` after changing either.
import { writeFileSync } from 'node:fs';
import { OPERATIONS_DOC, operationsDocWithReference } from '../infra/helm/values-reference';

operationsDocWithReference().then(
  (doc) => {
    writeFileSync(OPERATIONS_DOC, doc);
    process.stdout.write(`wrote ${OPERATIONS_DOC}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
