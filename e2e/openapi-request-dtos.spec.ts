import { undocumentedConstraints } from '@admissions/testing';
import { getMetadataStorage } from 'class-validator';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Every DTO module of every service's API, and of the routes libs/platform gives them; a class
// with class-validator constraints is a request DTO.
type Dto = new () => unknown;
const apps = join(__dirname, '..', 'apps');
const platform = join(__dirname, '..', 'libs', 'platform', 'src');
const validates = (dto: Dto) => getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length > 0;
const dtoFolders = [
  // The services' APIs; the gateway and the web app take no request bodies of their own.
  ...readdirSync(apps)
    .map((app) => [app, join(apps, app, 'src', 'api')] as const)
    .filter(([, folder]) => existsSync(folder)),
  ...readdirSync(platform, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ['platform', join(platform, entry.name)] as const),
];
const requestDtos = dtoFolders.flatMap(([owner, folder]) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.dto.ts'))
    .flatMap((file) =>
      // Loaded by discovery, so that a DTO module added later is checked without being listed here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Object.entries(require(join(folder, file)) as Record<string, unknown>)
        .filter((entry): entry is [string, Dto] => typeof entry[1] === 'function' && validates(entry[1] as Dto))
        .map(([name, dto]) => [`${owner} ${name}`, dto] as const),
    ),
);

describe('request DTOs of the five services', () => {
  it('are all found', () => {
    expect(requestDtos.length).toBeGreaterThan(25);
  });

  it.each(requestDtos)('%s: the OpenAPI document states every constraint it validates', (_name, dto) => {
    expect(undocumentedConstraints(dto)).toEqual([]);
  });
});
