import 'server-only';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { can, type Role } from '@/lib/auth/roles';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';

/** The kinds of documents a role may open: reasons and refusals link only those, and name the others. */
export function readableKinds(role: Role): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => can(role, KINDS[kind].readPermission));
}
