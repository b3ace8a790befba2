import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundleBudget } from './bundle-budget.mts';

const here = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/web, which the gateway serves at /; the API is the gateway's /api.
export default defineConfig({
  root: here,
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [bundleBudget()],
});
