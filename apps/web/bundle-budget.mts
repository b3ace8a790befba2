import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/** The budget for the JavaScript a candidate's first page loads, compressed. */
export const FIRST_PAGE_BUDGET_BYTES = 250 * 1024;

/** The entry chunk and every chunk it imports statically: what the first page downloads. */
function firstPageChunks(bundle: OutputBundle): OutputChunk[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (chunk === undefined || seen.has(chunk)) return;
    seen.add(chunk);
    chunk.imports.forEach((name) => visit(byName.get(name)));
  };
  chunks.filter((chunk) => chunk.isEntry).forEach(visit);
  return [...seen];
}

/** Prints the first page's JavaScript, gzip-compressed, and fails the build beyond the budget. */
export function bundleBudget(): Plugin {
  return {
    name: 'admissions-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sizes = firstPageChunks(bundle).map((chunk) => ({
        file: chunk.fileName,
        gzip: gzipSync(chunk.code).length,
      }));
      const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      for (const { file, gzip } of sizes) this.info(`first page: ${file} ${kb(gzip)} gzip`);
      this.info(`first page JavaScript: ${kb(total)} gzip (budget ${kb(FIRST_PAGE_BUDGET_BYTES)})`);
      if (total > FIRST_PAGE_BUDGET_BYTES) {
        this.error(`the first page loads ${kb(total)} of compressed JavaScript, over ${kb(FIRST_PAGE_BUDGET_BYTES)}`);
      }
    },
  };
}
