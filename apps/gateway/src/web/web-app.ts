import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Serves the built web app (apps/web, `npm run build`). Its bundles carry a content hash and are
 * cached for a year; index.html is asked for again each time, so a new build shows at once.
 * Routes of the app live in the URL fragment: every screen is `/`.
 */
export function serveWebApp(app: NestExpressApplication, distDir: string): boolean {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) return false;
  app.useStaticAssets(root, {
    index: 'index.html',
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  return true;
}
