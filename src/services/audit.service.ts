import { DataSource, EntityManager } from 'typeorm';
import { AuditEventRecord } from '../entities';
import { Page, PageArgs, paginateQuery } from './pagination';
import { Viewer } from './viewer';

/** Actions recorded in audit_events. The column is a varchar: new actions need no migration. */
export const AuditAction = {
  TOKEN_CREATED: 'TOKEN_CREATED',
  TOKEN_REVOKED: 'TOKEN_REVOKED',
  UPLOAD: 'UPLOAD',
  IMPORT: 'IMPORT',
  REPORTS_APPROVED: 'REPORTS_APPROVED',
  REPORTS_RETURNED: 'REPORTS_RETURNED',
  PERIOD_CLOSED: 'PERIOD_CLOSED',
  PERIOD_REOPENED: 'PERIOD_REOPENED',
  CUT_PUBLISHED: 'CUT_PUBLISHED',
} as const;
export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction] | (string & {});

/** Who did it: a request's viewer, or a plain label ("cli", "inbox", "system"). */
export type AuditActor = Viewer | string;

export interface AuditEventInput {
  actor: AuditActor;
  action: AuditActionName;
  /** What was acted on: "token:12", a file name, "batch:40"… */
  subject: string;
  details?: Record<string, unknown> | null;
}

export interface AuditEventFilter {
  action?: string | null;
  actor?: string | null;
  /** Exact subject ("policy:PPPS", "batch:40"). */
  subject?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditQuery {
  action?: string;
  actorTokenId?: number;
  limit?: number;
}

const MAX_ACTOR = 200;
const MAX_SUBJECT = 300;

/** Appends audit events (who did what). Never updates or deletes them. */
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** Records one event; pass the transaction's manager to record it atomically with the change. */
  async record(event: AuditEventInput, manager: EntityManager = this.ds.manager): Promise<AuditEventRecord> {
    const actor = typeof event.actor === 'string' ? event.actor : event.actor.name;
    const actorTokenId = typeof event.actor === 'string' ? null : event.actor.tokenId;
    const row = manager.create(AuditEventRecord, {
      actor: actor.slice(0, MAX_ACTOR),
      actorTokenId,
      action: event.action,
      subject: event.subject.slice(0, MAX_SUBJECT),
      details: event.details ?? null,
    });
    return manager.save(AuditEventRecord, row);
  }

  /** Most recent events first (operators' and tests' view). */
  recent(query: AuditQuery = {}): Promise<AuditEventRecord[]> {
    const qb = this.ds.getRepository(AuditEventRecord).createQueryBuilder('a');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorTokenId !== undefined) qb.andWhere('a.actor_token_id = :tokenId', { tokenId: query.actorTokenId });
    return qb
      .orderBy('a.id', 'DESC')
      .take(Math.min(Math.max(query.limit ?? 100, 1), 1000))
      .getMany();
  }

  /** A page of events, newest first (the ADMIN-only `auditEvents` query). */
  page(filter: AuditEventFilter, args: PageArgs, maxPageSize: number): Promise<Page<AuditEventRecord>> {
    const qb = this.ds.getRepository(AuditEventRecord).createQueryBuilder('a');
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.actor) qb.andWhere('a.actor = :actor', { actor: filter.actor });
    if (filter.subject) qb.andWhere('a.subject = :subject', { subject: filter.subject });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at <= :to', { to: filter.to });
    return paginateQuery(qb, { column: 'a.id', value: (a) => a.id, direction: 'DESC' }, args, maxPageSize);
  }
}
