import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'admissions_session';
export const LOGIN_COOKIE = 'admissions_login';

export interface CookieOptions {
  readonly secure: boolean;
  /** Seconds; absent: a browser-session cookie. */
  readonly maxAge?: number;
}

/** HttpOnly and SameSite=Lax always; Secure unless the gateway is a workstation's http://localhost. */
export function setCookie(res: Response, name: string, value: string, options: CookieOptions): void {
  const attributes = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) attributes.push('Secure');
  if (options.maxAge !== undefined) attributes.push(`Max-Age=${options.maxAge}`);
  res.append('Set-Cookie', attributes.join('; '));
}

export function clearCookie(res: Response, name: string, options: CookieOptions): void {
  setCookie(res, name, '', { ...options, maxAge: 0 });
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}
