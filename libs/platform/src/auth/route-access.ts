import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import type { Role } from './roles';

/** Who may call a route, as its decorators (or its controller's) declare it. */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  /** Neither @Public() nor @Roles(): any valid token passes; the role matrix refuses such a route. */
  | { readonly kind: 'undeclared' };

/** A handler or its controller, as Nest's Reflector takes them. */
type Target = Parameters<Reflector['getAllAndOverride']>[1][number];

/** Reads the access a handler declares; the guard and the role matrix both read it here. */
export function declaredAccess(reflector: Reflector, targets: readonly [Target, Target]): RouteAccess {
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, [...targets]) === true) return { kind: 'public' };
  const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [...targets]);
  return roles === undefined ? { kind: 'undeclared' } : { kind: 'roles', roles };
}

export interface DeclaredRoute {
  readonly method: string;
  /** Express style, e.g. /v1/candidacies/:candidacyId */
  readonly path: string;
  readonly access: RouteAccess;
}

/** The express path of a route from its controller's and its handler's own paths. */
export const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '')
    .join('/')}`;

const pathsOf = (target: object): string[] => {
  const declared: unknown = Reflect.getMetadata(PATH_METADATA, target);
  return (Array.isArray(declared) ? declared : [declared ?? '']).map(String);
};

/** Every controller route of a built app, with the access it declares, sorted by path. */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = new Reflector();
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (controller === null) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (typeof method !== 'number') continue;
        const access = declaredAccess(reflector, [handler as Target, controller]);
        for (const base of pathsOf(controller))
          for (const own of pathsOf(handler))
            routes.push({ method: RequestMethod[method], path: joinPath(base, own), access });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
