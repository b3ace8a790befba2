import { ConfigError } from '@admissions/platform';
import { Logger } from 'nestjs-pino';
import { loadGatewayEnv } from './config/gateway-env';
import { createGatewayApp } from './gateway.app';

async function main(): Promise<void> {
  let env;
  try {
    env = loadGatewayEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await createGatewayApp(env);
  await app.listen(env.PORT, '0.0.0.0');
  const identity = env.devIdentityProvider ? 'development identity provider' : String(env.OIDC_ISSUER_URL);
  app.get(Logger).log(`gateway listening on ${env.PUBLIC_URL} (sign-in: ${identity})`, 'Bootstrap');
}

void main();
