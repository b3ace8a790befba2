import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { Application } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { GatewayEnv } from './config/gateway-env';
import { createDevIdentityProvider, DEV_PROVIDER_PATH } from './dev-identity/dev-identity-provider';
import { mountInteractions } from './dev-identity/interactions';
import { GatewayModule } from './gateway.module';
import { serveWebApp } from './web/web-app';

/**
 * The gateway, ready to listen: helmet's headers with a CSP for the web app (its own scripts
 * only), the development identity provider under /oidc when it runs, then the routes and the
 * web app. No body parser: API bodies stream to the services as they came.
 */
export async function createGatewayApp(env: GatewayEnv): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(env), {
    bodyParser: false,
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.disable('x-powered-by');
  if (env.TRUSTED_PROXY_HOPS > 0) app.set('trust proxy', env.TRUSTED_PROXY_HOPS);
  app.use(
    helmet({
      // HSTS means nothing over a workstation's plain http.
      strictTransportSecurity: env.secureCookies,
      contentSecurityPolicy: {
        directives: {
          // A workstation's gateway is plain http://localhost; production's is behind TLS.
          upgradeInsecureRequests: env.secureCookies ? [] : null,
          // The sign-in and sign-out forms post to the identity provider, which redirects back here.
          formAction: ["'self'", new URL(String(env.OIDC_ISSUER_URL)).origin],
        },
      },
    }),
  );
  if (env.devIdentityProvider) {
    const provider = createDevIdentityProvider(env);
    mountInteractions(app.getHttpAdapter().getInstance() as Application, provider);
    app.use(DEV_PROVIDER_PATH, provider.callback());
  }
  if (!serveWebApp(app, env.WEB_DIST_DIR)) {
    logger.warn(
      `no web app in ${env.WEB_DIST_DIR} (npm run build writes it); the API and sign-in still work`,
      'Gateway',
    );
  }
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  return app;
}
