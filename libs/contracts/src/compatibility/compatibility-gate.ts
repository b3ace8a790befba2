import { isDeepStrictEqual } from 'node:util';
import { publishedVersionsOf, type EventContract } from '../contract';
import { schemaDocumentOf } from '../publication/schema-document';
import type { ReleasedSchema } from './released-schemas';
import { breakingChanges } from './schema-compatibility';

const HOW_TO_BREAK =
  'raise the version and keep the released one in previousVersions, published side by side (docs/events.md)';

/**
 * Holds the public contracts to their released schemas: every released version is still
 * published and its current schema is compatible with the released one, and every published
 * version has been released. One line per problem, naming the type, version and field.
 */
export function compatibilityProblems(
  publicContracts: readonly EventContract[],
  released: readonly ReleasedSchema[],
): string[] {
  const problems: string[] = [];
  for (const { type, version, schema } of released) {
    const contract = publicContracts.find((candidate) => candidate.type === type);
    const published = contract && publishedVersionsOf(contract).find((v) => v.version === version);
    if (published === undefined) {
      problems.push(`${type} v${version} was released and is no longer published: ${HOW_TO_BREAK}`);
      continue;
    }
    for (const change of breakingChanges(schema, published.schema)) {
      problems.push(`${type} v${version}: ${change}; ${HOW_TO_BREAK}`);
    }
  }
  for (const contract of publicContracts) {
    for (const { version } of publishedVersionsOf(contract)) {
      if (!released.some((r) => r.type === contract.type && r.version === version)) {
        problems.push(`${contract.type} v${version} is public and not released yet: run npm run contracts:release`);
      }
    }
  }
  return problems;
}

export interface ReleasePlan {
  /** Versions released for the first time, or released again with compatible additions. */
  readonly write: readonly ReleasedSchema[];
  /** Breaking changes that stop the release. */
  readonly refused: readonly string[];
}

/**
 * What `npm run contracts:release` writes: the stored schema of every published version of the
 * public contracts, as served (without `$id`), unless a change to a released one breaks it.
 */
export function releasePlan(
  publicContracts: readonly EventContract[],
  released: readonly ReleasedSchema[],
): ReleasePlan {
  const write: ReleasedSchema[] = [];
  const refused: string[] = [];
  for (const contract of publicContracts) {
    for (const published of publishedVersionsOf(contract)) {
      const schema = schemaDocumentOf(contract, published);
      const before = released.find((r) => r.type === contract.type && r.version === published.version);
      const breaking = before === undefined ? [] : breakingChanges(before.schema, schema);
      if (breaking.length > 0) {
        refused.push(...breaking.map((change) => `${contract.type} v${published.version}: ${change}`));
      } else if (!isDeepStrictEqual(before?.schema, schema)) {
        write.push({ type: contract.type, version: published.version, schema });
      }
    }
  }
  return { write, refused };
}
