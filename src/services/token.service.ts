import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiTokenRecord, OrgEntityRecord } from '../entities';
import { onPrimary, replicasOf } from '../database/replication';
import { AuditAction, AuditActor, AuditService } from './audit.service';
import { Role, Viewer } from './viewer';

/** Every secret starts with this, so leaked tokens are easy to recognise (and to scan for). */
export const TOKEN_SECRET_PREFIX = 'rumbo_';
/** Characters of the secret kept in clear (`rumbo_` + 8): enough to recognise a token, useless to use it. */
export const TOKEN_PREFIX_LENGTH = TOKEN_SECRET_PREFIX.length + 8;
/** last_used_at is written at most this often per token, so authenticated reads stay one SELECT. */
export const LAST_USED_THROTTLE_MS = 60_000;
export const MAX_EXPIRY_DAYS = 3650;

const SECRET_BYTES = 32;
const SECRET_PATTERN = /^rumbo_[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A refused token operation; the message is meant for the operator. */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

export interface CreateTokenInput {
  role: Role;
  /** Entity code (código de entidad); required for ENTITY, refused for the other roles. */
  entityCode?: string | null;
  name?: string | null;
  /** Days until the token expires; null or undefined: never. */
  expiresInDays?: number | null;
  /** An exact expiry instant instead of `expiresInDays` (the web form's date); after now, at most MAX_EXPIRY_DAYS ahead. */
  expiresAt?: Date | null;
  /** Who creates it: "cli", an operator's label… */
  createdBy: string;
}

export interface CreatedToken {
  token: ApiTokenRecord;
  /** The only time the secret is available: it is not stored. */
  secret: string;
}

export interface RevokedToken {
  token: ApiTokenRecord;
  /** True when the token had already been revoked (nothing changed). */
  alreadyRevoked: boolean;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A token is usable while it is neither revoked nor expired. */
export function isTokenActive(token: Pick<ApiTokenRecord, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): boolean {
  return !token.revokedAt && !(token.expiresAt && token.expiresAt.getTime() <= now.getTime());
}

/** Creates, revokes, lists and checks API tokens. Only sha256 hashes of the secrets are stored. */
export class TokenService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: CreateTokenInput, actor: AuditActor = input.createdBy): Promise<CreatedToken> {
    if (!Object.values(Role).includes(input.role))
      throw new TokenError(`Unknown role "${String(input.role)}": use ADMIN, ENTITY or VIEWER.`);
    const code = input.entityCode?.trim() || null;
    let entity: OrgEntityRecord | null = null;
    if (input.role === Role.ENTITY) {
      if (!code) throw new TokenError('An ENTITY token needs --entity CODE (the entity it acts for).');
      entity = await this.ds.getRepository(OrgEntityRecord).findOne({ where: { code } });
      if (!entity) throw new TokenError(`No entity has the code "${code}".`);
    } else if (code) {
      throw new TokenError(`A ${input.role} token is not bound to an entity: remove --entity.`);
    }
    const name = (input.name?.trim() || `${input.role.toLowerCase()}${entity ? `-${entity.code}` : ''}`).slice(0, 100);
    if (CONTROL_CHARS.test(name)) throw new TokenError('The token name must not contain control characters.');
    const days = input.expiresInDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)) {
      throw new TokenError(`Expiry must be a whole number of days between 1 and ${MAX_EXPIRY_DAYS}.`);
    }
    const createdAt = this.now();
    const at = input.expiresAt ?? null;
    if (at !== null) {
      if (days !== null) throw new TokenError('Give either an expiry date or a number of days, not both.');
      const ms = at.getTime() - createdAt.getTime();
      if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_EXPIRY_DAYS * DAY_MS)
        throw new TokenError(`The expiry date must be in the future and at most ${MAX_EXPIRY_DAYS} days ahead.`);
    }
    const secret = `${TOKEN_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
    return this.ds.transaction(async (m) => {
      const token = await m.save(
        ApiTokenRecord,
        m.create(ApiTokenRecord, {
          name,
          role: input.role,
          entityId: entity?.id ?? null,
          tokenHash: hashTokenSecret(secret),
          prefix: secret.slice(0, TOKEN_PREFIX_LENGTH),
          createdAt,
          expiresAt: at ?? (days === null ? null : new Date(createdAt.getTime() + days * DAY_MS)),
          lastUsedAt: null,
          revokedAt: null,
          createdBy: input.createdBy.slice(0, 100),
        }),
      );
      await this.audit.record(
        {
          actor,
          action: AuditAction.TOKEN_CREATED,
          subject: `token:${token.id}`,
          details: { name, role: token.role, entityCode: entity?.code ?? null, prefix: token.prefix, expiresAt: token.expiresAt },
        },
        m,
      );
      return { token, secret };
    });
  }

  /** Revokes by id, by the listed prefix, or by the whole secret. Revoking twice changes nothing. */
  async revoke(ref: string, actor: AuditActor): Promise<RevokedToken> {
    const token = await this.find(ref);
    if (token.revokedAt) return { token, alreadyRevoked: true };
    const revokedAt = this.now();
    await this.ds.transaction(async (m) => {
      await m.update(ApiTokenRecord, { id: token.id }, { revokedAt });
      await this.audit.record(
        { actor, action: AuditAction.TOKEN_REVOKED, subject: `token:${token.id}`, details: { name: token.name, prefix: token.prefix } },
        m,
      );
    });
    token.revokedAt = revokedAt;
    return { token, alreadyRevoked: false };
  }

  /** Tokens oldest first, with their entity; revoked ones only when asked. */
  list(options: { includeRevoked?: boolean } = {}): Promise<ApiTokenRecord[]> {
    const qb = this.ds.getRepository(ApiTokenRecord).createQueryBuilder('t').leftJoinAndSelect('t.entity', 'e').orderBy('t.id', 'ASC');
    if (!options.includeRevoked) qb.where('t.revoked_at IS NULL');
    return qb.getMany();
  }

  /** Is the token usable now (not revoked, not expired)? */
  isActive(token: Pick<ApiTokenRecord, 'revokedAt' | 'expiresAt'>): boolean {
    return isTokenActive(token, this.now());
  }

  /**
   * The viewer a Bearer secret stands for, or null when it is malformed, unknown, revoked or expired.
   * One indexed SELECT by hash; last_used_at is written at most once a minute per token.
   */
  async authenticate(secret: string): Promise<Viewer | null> {
    if (typeof secret !== 'string' || !SECRET_PATTERN.test(secret)) return null;
    const hash = hashTokenSecret(secret);
    const byHash = () => this.ds.getRepository(ApiTokenRecord).findOne({ where: { tokenHash: hash } });
    // A replica may not have a token created a moment ago yet: an unknown hash is looked up on the primary too.
    const token = (await byHash()) ?? (replicasOf(this.ds) ? await onPrimary(byHash) : null);
    if (!token || !timingSafeEqual(Buffer.from(token.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) return null;
    if (!this.isActive(token)) return null;
    if (token.role === Role.ENTITY && token.entityId === null) return null;
    const now = this.now();
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_THROTTLE_MS) {
      await this.ds
        .createQueryBuilder()
        .update(ApiTokenRecord)
        .set({ lastUsedAt: now })
        .where('id = :id', { id: token.id })
        .andWhere('(last_used_at IS NULL OR last_used_at <= :threshold)', { threshold: new Date(now.getTime() - LAST_USED_THROTTLE_MS) })
        .execute();
    }
    return { role: token.role, entityId: token.role === Role.ENTITY ? token.entityId : null, name: token.name, tokenId: token.id };
  }

  private async find(ref: string): Promise<ApiTokenRecord> {
    const value = ref.trim();
    const repo = this.ds.getRepository(ApiTokenRecord);
    if (/^\d+$/.test(value)) {
      const byId = await repo.findOne({ where: { id: Number(value) } });
      if (!byId) throw new TokenError(`No token has the id ${value}.`);
      return byId;
    }
    if (SECRET_PATTERN.test(value)) {
      const bySecret = await repo.findOne({ where: { tokenHash: hashTokenSecret(value) } });
      if (!bySecret) throw new TokenError('No token matches that secret.');
      return bySecret;
    }
    if (value.length < TOKEN_PREFIX_LENGTH) {
      throw new TokenError(
        `Give the token id, its full prefix (${TOKEN_PREFIX_LENGTH} characters, as \`rumbo token list\` shows) or the secret.`,
      );
    }
    const byPrefix = await repo.find({ where: { prefix: value.slice(0, TOKEN_PREFIX_LENGTH) }, order: { id: 'ASC' } });
    if (byPrefix.length === 0) throw new TokenError(`No token has the prefix "${value.slice(0, TOKEN_PREFIX_LENGTH)}".`);
    if (byPrefix.length > 1)
      throw new TokenError(`Several tokens share that prefix (ids ${byPrefix.map((t) => t.id).join(', ')}): revoke by id.`);
    return byPrefix[0]!;
  }
}

/** Token and audit services around one data source (the CLI and the HTTP layer build them with this). */
export interface SecurityServices {
  readonly audit: AuditService;
  readonly tokens: TokenService;
}

export function createSecurityServices(ds: DataSource, now?: () => Date): SecurityServices {
  const audit = new AuditService(ds);
  return { audit, tokens: new TokenService(ds, audit, now) };
}
