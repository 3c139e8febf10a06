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

/**
 * How much of an import batch a viewer may read (docs/security.md#import-batches):
 *   FULL    — everything, issues with cell values, file name, uploader: ADMIN, and an ENTITY for batches
 *             uploaded with a key of its own entity;
 *   SUMMARY — counts, states and timings only (the rest reads null): VIEWER and public read;
 *   NONE    — the batch does not exist for the viewer: an ENTITY and another entity's (or the office's) batch.
 */
export type BatchAccess = 'FULL' | 'SUMMARY' | 'NONE';

export function batchAccess(viewer: Viewer, batch: { uploaderEntityId: number | null }): BatchAccess {
  switch (viewer.role) {
    case Role.ADMIN:
      return 'FULL';
    case Role.ENTITY:
      return viewer.entityId !== null && batch.uploaderEntityId === viewer.entityId ? 'FULL' : 'NONE';
    case Role.VIEWER:
      return 'SUMMARY';
    default:
      return 'NONE';
  }
}

/** Which batches a viewer's lists contain: all of them, or only those of one entity's keys (ENTITY). */
export function batchScope(viewer: Viewer): { all: true } | { uploaderEntityId: number | null } {
  if (viewer.role === Role.ENTITY) return { uploaderEntityId: viewer.entityId };
  return { all: true };
}
