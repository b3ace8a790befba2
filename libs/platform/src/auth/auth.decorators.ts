import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Actor } from '@admissions/domain-kernel';
import type { Request } from 'express';
import { PUBLIC_EXTENSION } from '../openapi/error-responses';
import { ROLES, type Role } from './roles';

export const IS_PUBLIC = 'platform:isPublic';
export const REQUIRED_ROLES = 'platform:requiredRoles';

/** Opens a route (or a controller) to callers without a token; its OpenAPI operation says so. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/** Restricts a route (or a controller) to actors holding at least one of `roles`. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ description: `Requires one of the roles: ${roles.join(', ')}` }),
  );

/** Opens a route to every signed-in user, whatever their role: said outright, like any other access. */
export const SignedIn = () => Roles(...ROLES);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** The authenticated actor of the request, as the guard verified it. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // Only a @Public() route can get here without an actor, and such a route must not ask for one.
  if (actor === undefined) throw new Error('@CurrentActor() used on a route without authentication');
  return actor;
});
