import type { NextFunction, Request, Response, Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type Provider from 'oidc-provider';
import { accountByLogin, DEMO_PASSWORD } from './demo-accounts';
import { DEV_PROVIDER_PATH } from './dev-identity-provider';
import { loginPage } from './pages';

const FORM_LIMIT_BYTES = 4096;

async function readForm(req: Request): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > FORM_LIMIT_BYTES) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

const samePassword = (given: string) =>
  given.length === DEMO_PASSWORD.length && timingSafeEqual(Buffer.from(given), Buffer.from(DEMO_PASSWORD));

/**
 * The development provider's own screens: sign-in with a demo account, and consent given at once
 * (the portal is the institution's own client, as with the institution's provider).
 */
export function mountInteractions(router: Router, provider: Provider): void {
  const base = `${DEV_PROVIDER_PATH}/interaction/:uid`;
  const html = (res: Response, status: number, body: string) =>
    res.status(status).type('html').set('Cache-Control', 'no-store').send(body);

  router.get(base, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') return html(res, 200, loginPage(`${req.originalUrl}/login`));
      const accountId = details.session?.accountId;
      if (accountId === undefined) throw new Error('consent without a signed-in account');
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      if (grant === undefined) throw new Error('grant not found');
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(resource, scopes.join(' '));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  router.post(`${base}/login`, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const form = await readForm(req);
      const account = accountByLogin(form.get('login') ?? '');
      if (account === undefined || !samePassword(form.get('password') ?? '')) {
        const action = req.originalUrl;
        return html(res, 401, loginPage(action, 'Identifiant ou mot de passe inconnu / Unknown username or password'));
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });
}
