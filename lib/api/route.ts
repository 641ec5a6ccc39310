import 'server-only';
import type { Principal } from '@/lib/auth/principal';
import { can, type Permission } from '@/lib/auth/roles';
import { authenticateRequest } from './authenticate';
import { crossSiteRefusal } from './cross-site';
import { apiError, apiErrorFrom } from './responses';

type Handler<C> = (request: Request, context: C, principal: Principal) => Promise<Response>;

/** Every route handler goes through here: authenticate, check the permission, map errors to JSON. */
export function apiRoute<C>(permission: Permission | null, handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const principal = await authenticateRequest(request);
      if (!principal) {
        return apiError(401, 'INVALID_TOKEN', 'The API key or session is missing, unknown or revoked.');
      }
      // A session write from another site is refused here, once for every route (lib/api/cross-site.ts).
      const crossSite = crossSiteRefusal(request, principal);
      if (crossSite) return crossSite;
      if (permission && !can(principal.role, permission)) {
        return apiError(403, 'NO_PERMISSION', `The ${principal.role} role may not do this.`);
      }
      return await handler(request, context, principal);
    } catch (error) {
      return apiErrorFrom(error);
    }
  };
}
