import { readFileSync } from 'node:fs';
import { OPERATIONS_DOC, operationsDocWithReference } from './values-reference';

describe('configuration reference in docs/operations.md', () => {
  it('is the one values.schema.json and values.yaml give (npm run helm:docs writes it)', async () => {
    expect(readFileSync(OPERATIONS_DOC, 'utf8')).toBe(await operationsDocWithReference());
  });
});
