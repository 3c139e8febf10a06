/**
 * Who may do what (docs/security.md). Pure functions over the Viewer: resolvers, the upload route and
 * the import call them; nothing here touches the database.
 */
import { ForbiddenError, UnauthenticatedError } from './errors';
import { Role, Viewer } from './viewer';

/** The viewer of an anonymous request when PUBLIC_READ=true: VIEWER-level reads, nothing else. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: Role.VIEWER, entityId: null, name: 'anonymous', tokenId: null });

/** Refuses anonymous viewers (UNAUTHENTICATED) and viewers whose role is not listed (FORBIDDEN). */
export function assertRole(viewer: Viewer, ...roles: Role[]): void {
  if (viewer.role === null) throw new UnauthenticatedError();
  if (!roles.includes(viewer.role)) throw new ForbiddenError(`This requires the ${roles.join(' or ')} role.`);
}

/** Every role may read (personal data aside); anonymous viewers only exist when PUBLIC_READ is off. */
export function assertCanRead(viewer: Viewer): void {
  if (viewer.role === null) throw new UnauthenticatedError();
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}

/**
 * ADMIN may upload reports for any product; ENTITY only for products its entity is responsible or
 * co-responsible for; VIEWER and anonymous never.
 */
export function canUploadReportFor(viewer: Viewer, responsibleEntityId: number | null, coResponsibleIds: readonly number[] = []): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role !== Role.ENTITY || viewer.entityId === null) return false;
  return viewer.entityId === responsibleEntityId || coResponsibleIds.includes(viewer.entityId);
}

/** ADMIN may upload any INSTANCIA workbook; ENTITY only for instances whose technical secretariat it is. */
export function canUploadInstance(viewer: Viewer, technicalSecretariatId: number | null): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role !== Role.ENTITY || viewer.entityId === null) return false;
  return technicalSecretariatId !== null && viewer.entityId === technicalSecretariatId;
}

/** Plans (PLAN workbooks), instance definitions and tokens: ADMIN only. */
export function canManagePlans(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}

/** May the viewer upload anything at all (reports or instance workbooks, subject to the checks above)? */
export function canUpload(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN || (viewer.role === Role.ENTITY && viewer.entityId !== null);
}
