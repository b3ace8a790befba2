import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayEnv } from '../config/gateway-env';
import { clearCookie, LOGIN_COOKIE, readCookie, SESSION_COOKIE, setCookie } from '../session/cookies';
import { SessionGuard, type SessionRequest } from '../session/session.guard';
import { SessionStore } from '../session/session.store';
import { OidcClient } from './oidc-client';

const LOGIN_SECONDS = 600;

/** Only a path of this site: an open redirect would send a freshly signed-in user anywhere. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

/** Sign-in (authorization code + PKCE), the session the web app reads, and sign-out. */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly oidc: OidcClient,
    private readonly sessions: SessionStore,
    @Inject(GatewayEnv) private readonly env: GatewayEnv,
  ) {}

  private get cookies() {
    return { secure: this.env.secureCookies };
  }

  @Get('login')
  async login(@Query('returnTo') returnTo: unknown, @Res() res: Response): Promise<void> {
    const request = await this.oidc.authorizationRequest();
    await this.sessions.startLogin(request.state, {
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      returnTo: safeReturnTo(returnTo),
    });
    // Binds the callback to this browser: a callback URL planted in another browser is refused.
    setCookie(res, LOGIN_COOKIE, request.state, { ...this.cookies, maxAge: LOGIN_SECONDS });
    res.redirect(302, request.url);
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const state = req.query.state;
    if (typeof state !== 'string' || readCookie(req, LOGIN_COOKIE) !== state) {
      throw new BadRequestException('This sign-in was not started in this browser; sign in again');
    }
    const pending = await this.sessions.finishLogin(state);
    if (pending === undefined) throw new BadRequestException('This sign-in expired or was already used; sign in again');
    const callbackUrl = new URL(req.originalUrl, this.env.PUBLIC_URL);
    let user;
    try {
      user = await this.oidc.finish(callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
    } catch (error) {
      throw new BadRequestException(`Sign-in refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    const previous = readCookie(req, SESSION_COOKIE);
    if (previous !== undefined) await this.sessions.destroy(previous);
    const id = await this.sessions.create(user);
    clearCookie(res, LOGIN_COOKIE, this.cookies);
    setCookie(res, SESSION_COOKIE, id, this.cookies);
    res.redirect(302, pending.returnTo);
  }

  @Get('session')
  @UseGuards(SessionGuard)
  // It carries the CSRF token: never kept by a cache.
  @Header('Cache-Control', 'no-store')
  session(@Req() req: SessionRequest): object {
    const { sub, name, roles, csrfToken, accessTokenExpiresAt } = req.session;
    return { sub, name, roles, csrfToken, expiresAt: new Date(accessTokenExpiresAt).toISOString() };
  }

  /** Ends the gateway's session; the reply names where the browser ends the provider's too. */
  @Post('logout')
  @HttpCode(200)
  @UseGuards(SessionGuard)
  async logout(@Req() req: SessionRequest, @Res({ passthrough: true }) res: Response): Promise<object> {
    await this.sessions.destroy(req.sessionId);
    clearCookie(res, SESSION_COOKIE, this.cookies);
    return { endSessionUrl: (await this.oidc.endSessionUrl(req.session.idToken)) ?? '/' };
  }
}
