/**
 * Who is asking: `Authorization: Bearer <token>` → the token's viewer (docs/security.md).
 * Without the header, PUBLIC_READ=true gives VIEWER-level reads; otherwise, and for any malformed,
 * unknown, revoked or expired token, the request is refused with HTTP 401 and `WWW-Authenticate: Bearer`.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { AppConfig } from '../config/config';
import { PUBLIC_VIEWER } from '../services/access';
import { ErrorCode } from '../services/errors';
import { TokenService } from '../services/token.service';
import { Viewer } from '../services/viewer';

export const AUTH_REALM = 'rumbo';

/** Longest Authorization header looked at; a real one is ~60 characters. */
const MAX_HEADER_LENGTH = 512;

/**
 * Refusal of a request's credentials. A GraphQLError so that, thrown from Apollo's context function, it
 * becomes `{ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] }` with HTTP 401 and the header; it
 * also carries `status` and `headers` for plain express routes.
 */
export class AuthenticationError extends GraphQLError {
  readonly status = 401;
  readonly headers: Record<string, string>;

  constructor(message: string, invalidToken: boolean) {
    const challenge = invalidToken ? `Bearer realm="${AUTH_REALM}", error="invalid_token"` : `Bearer realm="${AUTH_REALM}"`;
    super(message, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', challenge]]) } },
    });
    this.name = 'AuthenticationError';
    this.headers = { 'WWW-Authenticate': challenge };
  }
}

export type Authenticate = (req: Request) => Promise<Viewer>;

/** The `authenticate(req)` hook of createApp. */
export function createAuthenticator(
  config: Pick<AppConfig, 'publicRead'>,
  services: { tokens: Pick<TokenService, 'authenticate'> },
): Authenticate {
  return async (req) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') {
      if (config.publicRead) return PUBLIC_VIEWER;
      throw new AuthenticationError('Authentication required: send the header "Authorization: Bearer <token>".', false);
    }
    const match = header.length <= MAX_HEADER_LENGTH ? /^Bearer +(\S+) *$/i.exec(header) : null;
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token>".', true);
    const viewer = await services.tokens.authenticate(match[1]!);
    if (!viewer) throw new AuthenticationError('The token is invalid, expired or revoked.', true);
    return viewer;
  };
}

/**
 * Express middleware for non-GraphQL routes (uploads, templates): puts the viewer in `res.locals.viewer`
 * or answers 401 with a JSON body and `WWW-Authenticate`.
 */
export function requireViewer(authenticate: Authenticate): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    authenticate(req).then(
      (viewer) => {
        res.locals.viewer = viewer;
        next();
      },
      (err: unknown) => {
        if (err instanceof AuthenticationError) {
          res.status(401).set(err.headers).json({ error: err.message, code: ErrorCode.UNAUTHENTICATED });
          return;
        }
        next(err);
      },
    );
  };
}
