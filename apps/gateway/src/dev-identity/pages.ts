import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1.2rem;padding:.5rem 1.2rem;background:#000091;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}.error{color:#b00020;font-weight:600}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The sign-in form of the development identity provider, in French and English, with the demo logins. */
export function loginPage(action: string, error?: string): string {
  const rows = DEMO_ACCOUNTS.map(
    (a) => `<tr><td><code>${a.login}</code></td><td>${a.roles.map(escape).join(', ')}</td></tr>`,
  ).join('');
  const alert = error === undefined ? '' : `<p id="login-error" class="error" role="alert">${escape(error)}</p>`;
  const described = error === undefined ? '' : ' aria-describedby="login-error" aria-invalid="true"';
  return page(
    'Connexion (développement) / Sign in (development)',
    `<h1>Connexion <span lang="en">/ Sign in</span></h1>
<p>Fournisseur d'identité de développement. <span lang="en">Development identity provider.</span></p>
${alert}<form method="post" action="${escape(action)}">
<label for="login">Identifiant <span lang="en">/ Username</span></label>
<input id="login" name="login" autocomplete="username" required${described}>
<label for="password">Mot de passe <span lang="en">/ Password</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button type="submit">Se connecter <span lang="en">/ Sign in</span></button></form>
<h2>Comptes de démonstration <span lang="en">/ Demo accounts</span></h2>
<p>Mot de passe <span lang="en">/ password</span>: <code>${DEMO_PASSWORD}</code></p>
<table><thead><tr><th scope="col">Identifiant</th><th scope="col">Rôles</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The provider's sign-out confirmation; `form` is oidc-provider's hidden form, submitted by the button. */
export function logoutPage(form: string): string {
  return page(
    'Déconnexion / Sign out',
    `<h1>Déconnexion <span lang="en">/ Sign out</span></h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter du fournisseur d'identité <span lang="en">/ Sign out of the identity provider</span></button>`,
  );
}
