import { Role } from '../domain/enums';

/** Roles live with the domain enums (entities store them); re-exported for the services' callers. */
export { Role };

/** Who is asking. Filled from the Bearer token by the HTTP layer (see docs/security.md). */
export interface Viewer {
  role: Role | null;
  /** Entity an ENTITY token is bound to. */
  entityId: number | null;
  /** Human label recorded on batches and audit lines: the token's name, "cli", "inbox". */
  name: string;
  tokenId: number | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: null, entityId: null, name: 'anonymous', tokenId: null });
export const SYSTEM_ADMIN: Viewer = Object.freeze({ role: Role.ADMIN, entityId: null, name: 'system', tokenId: null });

export function canReadPersonalData(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}
