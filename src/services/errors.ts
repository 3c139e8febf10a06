import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The operation type (mutation, subscription) is not defined by the schema (HTTP 400). */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  /** The database does not answer in time or refuses connections (HTTP 503). */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The state changed under the caller (another session decided first, a stale version, already closed…). */
  CONFLICT: 'CONFLICT',
  /** A period cannot be closed while reports inside it wait for review (`extensions.pending` lists them). */
  PENDING_REPORTS: 'PENDING_REPORTS',
} as const;

/** Another session changed the state first, or the request does not fit the current state. */
export class ConflictError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, ...extensions } });
  }
}

/** Closing a period refused: these reports are not decided yet. */
export class PendingReportsError extends GraphQLError {
  constructor(message: string, pending: readonly Record<string, unknown>[]) {
    super(message, { extensions: { code: ErrorCode.PENDING_REPORTS, pending } });
  }
}

export class UserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You are not allowed to do this.') {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'A valid Bearer token is required.') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}
