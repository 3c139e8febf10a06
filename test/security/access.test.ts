import {
  assertCanRead,
  assertRole,
  canManagePlans,
  canUpload,
  canUploadInstance,
  canUploadReportFor,
  PUBLIC_VIEWER,
} from '../../src/services/access';
import { ForbiddenError, UnauthenticatedError } from '../../src/services/errors';
import { ANONYMOUS, canReadPersonalData, Role, SYSTEM_ADMIN, Viewer } from '../../src/services/viewer';

const viewer = (role: Role | null, entityId: number | null = null): Viewer => ({ role, entityId, name: 't', tokenId: 1 });
const ADMIN = viewer(Role.ADMIN);
const ENTITY_7 = viewer(Role.ENTITY, 7);
const VIEWER = viewer(Role.VIEWER);

describe('access rules', () => {
  it('assertRole: anonymous is UNAUTHENTICATED, a wrong role FORBIDDEN', () => {
    expect(() => assertRole(ANONYMOUS, Role.ADMIN)).toThrow(UnauthenticatedError);
    expect(() => assertRole(VIEWER, Role.ADMIN)).toThrow(ForbiddenError);
    expect(() => assertRole(ENTITY_7, Role.ADMIN)).toThrow('This requires the ADMIN role.');
    expect(() => assertRole(ENTITY_7, Role.ADMIN, Role.ENTITY)).not.toThrow();
    expect(() => assertRole(ADMIN, Role.ADMIN)).not.toThrow();
    expect(() => assertRole(PUBLIC_VIEWER, Role.ADMIN)).toThrow(ForbiddenError);
  });

  it('assertCanRead: every role and the PUBLIC_READ viewer read; anonymous does not', () => {
    expect(() => assertCanRead(ANONYMOUS)).toThrow(UnauthenticatedError);
    for (const v of [ADMIN, ENTITY_7, VIEWER, PUBLIC_VIEWER, SYSTEM_ADMIN]) expect(() => assertCanRead(v)).not.toThrow();
  });

  it('personal data is for ADMIN only', () => {
    expect([ADMIN, ENTITY_7, VIEWER, PUBLIC_VIEWER, ANONYMOUS].map(canReadPersonalData)).toEqual([true, false, false, false, false]);
  });

  it('reports: ADMIN always; ENTITY for products it is responsible or co-responsible for; nobody else', () => {
    expect(canUploadReportFor(ADMIN, 3, [])).toBe(true);
    expect(canUploadReportFor(ADMIN, null)).toBe(true);
    expect(canUploadReportFor(ENTITY_7, 7, [])).toBe(true);
    expect(canUploadReportFor(ENTITY_7, 3, [5, 7])).toBe(true);
    expect(canUploadReportFor(ENTITY_7, 3, [5])).toBe(false);
    expect(canUploadReportFor(ENTITY_7, null, [])).toBe(false);
    expect(canUploadReportFor(viewer(Role.ENTITY, null), null, [])).toBe(false);
    expect(canUploadReportFor(VIEWER, 7, [7])).toBe(false);
    expect(canUploadReportFor(PUBLIC_VIEWER, 7, [7])).toBe(false);
    expect(canUploadReportFor(ANONYMOUS, 7, [7])).toBe(false);
  });

  it('instance workbooks: ADMIN always; ENTITY only as technical secretariat', () => {
    expect(canUploadInstance(ADMIN, null)).toBe(true);
    expect(canUploadInstance(ENTITY_7, 7)).toBe(true);
    expect(canUploadInstance(ENTITY_7, 8)).toBe(false);
    expect(canUploadInstance(ENTITY_7, null)).toBe(false);
    expect(canUploadInstance(VIEWER, 7)).toBe(false);
    expect(canUploadInstance(ANONYMOUS, null)).toBe(false);
  });

  it('plans and tokens are ADMIN business; uploads need ADMIN or a bound ENTITY', () => {
    expect([ADMIN, ENTITY_7, VIEWER, PUBLIC_VIEWER, ANONYMOUS].map(canManagePlans)).toEqual([true, false, false, false, false]);
    expect([ADMIN, ENTITY_7, viewer(Role.ENTITY, null), VIEWER, ANONYMOUS].map(canUpload)).toEqual([true, true, false, false, false]);
  });
});
