import { setCsrfToken } from './client';

export interface UserSession {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly csrfToken: string;
}

/** The gateway's session for this browser, or undefined when nobody is signed in. */
export async function fetchSession(): Promise<UserSession | undefined> {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  if (response.status === 401) return undefined;
  if (!response.ok) throw new Error(`session: ${response.status}`);
  const session = (await response.json()) as UserSession;
  setCsrfToken(session.csrfToken);
  return session;
}

/** Signs in through the identity provider and comes back to the screen the user was on. */
export function signIn(): void {
  const returnTo = `/${window.location.hash}`;
  window.location.assign(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
}

/** Ends the gateway's session, then the identity provider's. */
export async function signOut(csrfToken: string): Promise<void> {
  const response = await fetch('/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
  const { endSessionUrl } = response.ok
    ? ((await response.json()) as { endSessionUrl: string })
    : { endSessionUrl: '/' };
  window.location.assign(endSessionUrl);
}
