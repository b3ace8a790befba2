import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from './auth.decorators';
import { declaredAccess } from './route-access';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked @Public(), and a
 * route marked @Roles(...) needs one of those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = declaredAccess(this.reflector, [context.getHandler(), context.getClass()]);
    if (access.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || token === undefined || token === '') {
      throw new UnauthorizedException('A bearer token is required');
    }
    try {
      req.actor = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(`Invalid token: ${error.message}`);
      throw error;
    }

    if (access.kind === 'roles' && !access.roles.some((role) => req.actor?.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of the roles: ${access.roles.join(', ')}`);
    }
    return true;
  }
}
