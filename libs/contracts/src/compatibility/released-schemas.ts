import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../contract';

/** The released schema of every public event version, `<type>.v<version>.json` (npm run contracts:release). */
export const RELEASED_DIR = join(__dirname, '..', '..', 'released');

export interface ReleasedSchema {
  readonly type: string;
  readonly version: number;
  readonly schema: JsonSchema;
}

const FILE_NAME = /^(.+)\.v(\d+)\.json$/;

export function releasedFileOf(type: string, version: number): string {
  return `${type}.v${version}.json`;
}

export function readReleasedSchemas(dir = RELEASED_DIR): ReleasedSchema[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const match = FILE_NAME.exec(file);
      if (match === null) return [];
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
      return [{ type: match[1], version: Number(match[2]), schema }];
    });
}
