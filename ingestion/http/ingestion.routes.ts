import busboy from 'busboy';
import express, { Express, NextFunction, Request, Response } from 'express';
import { promises as fs } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '../../src/config/config';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord, ImportIssueRecord, OrgEntityRecord } from '../../src/entities';
import { Authenticate, requireViewer } from '../../src/server/auth';
import { createLogger, Logger } from '../../src/server/logger';
import { Services } from '../../src/services';
import { canUpload, isAdmin } from '../../src/services/access';
import { AuditAction } from '../../src/services/audit.service';
import { Viewer } from '../../src/services/viewer';
import { errorsPathFor, rowsRead } from '../import/import.pipeline';
import { ParseSandbox } from '../import/parse.sandbox';
import { loadValidationContext } from '../import/validation-context.loader';
import { summarizeIssues } from '../issues/issue.summary';
import { Issue } from '../issues/issue.types';
import { Uploader } from '../validation/validation.context';
import { validateWorkbook } from '../validation/workbook.validator';
import { buildErrorsSheet } from '../output/errors-sheet.writer';
import { todayIn } from '../../src/services/clock';
import { buildPrefilledReporte, buildStoredInstance, buildStoredPlan, buildTemplate } from '../templates/template.writer';
import { BatchStore } from '../worker/batch.store';
import { inboxLayout, safeFileName, storeAndEnqueue } from '../worker/inbox.scanner';
import { StorageError, writeFileAtomic } from '../worker/storage.files';
import { looksLikeCsv } from '../xlsx/csv.reader';
import { writeWorkbook } from '../xlsx/xlsx.adapter';
import { sniffWorkbookType } from './file-type.sniffer';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`.replace('.', ',') : `${Math.round(bytes / 1024)} KB`;

/** Reads one file part of a multipart body, refusing anything above `maxBytes` without buffering it. */
function readUpload(req: Request, maxBytes: number): Promise<{ name: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10, parts: 12 } });
    } catch {
      reject(new HttpError(400, 'Envíe el archivo como multipart/form-data en el campo "file".', 'BAD_REQUEST'));
      return;
    }
    let got: { name: string; bytes: Buffer } | null = null;
    let failed: HttpError | null = null;
    bb.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failed = new HttpError(413, `El archivo supera el tamaño máximo de ${sizeText(maxBytes)}.`, 'PAYLOAD_TOO_LARGE');
        stream.resume();
      });
      stream.on('end', () => {
        if (!failed) got = { name: info.filename ?? 'archivo', bytes: Buffer.concat(chunks) };
      });
    });
    bb.on('error', () => reject(new HttpError(400, 'El cuerpo multipart no se pudo leer.', 'BAD_REQUEST')));
    bb.on('close', () => {
      if (failed) reject(failed);
      else if (!got) reject(new HttpError(400, 'No llegó ningún archivo: envíelo en el campo "file".', 'BAD_REQUEST'));
      else resolve(got);
    });
    req.pipe(bb);
  });
}

function canSeeBatch(viewer: Viewer, batch: ImportBatchRecord): boolean {
  return isAdmin(viewer) || (viewer.entityId !== null && batch.uploaderEntityId === viewer.entityId);
}

/**
 * Storage trouble as a clear Spanish answer with a stable code: 507 when the folder is full, 503
 * when it is not writable. The operator's log names the folder.
 */
function storageHttpError(err: unknown, logger: Logger): unknown {
  if (!(err instanceof StorageError)) return err;
  logger.error(
    { folder: err.folder, problem: err.problem, err: err.cause },
    err.problem === 'FULL'
      ? `storage folder ${err.folder} is full: uploads are refused`
      : `storage folder ${err.folder} is not writable: uploads are refused`,
  );
  return err.problem === 'FULL'
    ? new HttpError(
        507,
        'No hay espacio para guardar el archivo en el servidor. Inténtelo más tarde; si el problema continúa, avise a la oficina de planeación.',
        'STORAGE_FULL',
      )
    : new HttpError(
        503,
        'El servidor no puede guardar archivos en este momento (almacenamiento no disponible). Inténtelo más tarde; si el problema continúa, avise a la oficina de planeación.',
        'STORAGE_UNAVAILABLE',
      );
}

/**
 * Plain HTTP routes of the ingestion (not GraphQL):
 *   POST /uploads                    multipart field "file" → 202 { batchId } (a pending batch; GraphQL shows it)
 *   POST /uploads/validate           multipart field "file" → 200 the dry run of `rumbo validate` for this key (nothing written)
 *   GET  /templates/:kind            blank template plan|reporte|instancia (.xlsx)
 *   GET  /templates/reporte?prefill=1[&entidad=CODE][&fecha=YYYY-MM-DD]
 *                                    REPORTE pre-filled with the entity's due periods (ENTITY: its own; ADMIN: entidad required)
 *   GET  /templates/plan?politica=CODE, /templates/instancia?instancia=CODE
 *                                    PLAN / INSTANCIA filled with what is stored (ADMIN any; ENTITY its policies / instances)
 *   GET  /batches/:id/errores.xlsx   a rejected workbook with its added `Errores` sheet (built once at rejection, stored)
 */
export interface IngestionRouteOptions {
  /** Called after an upload is queued: a worker in the same process starts on it at once instead of at its next scan. */
  onQueued?: (batchId: number) => void;
}

export function mountIngestionRoutes(
  app: Express,
  services: Services,
  authenticate: Authenticate,
  config: AppConfig,
  logger: Logger = createLogger(config),
  options: IngestionRouteOptions = {},
): void {
  const store = new BatchStore(services.ds, config.importStaleAfterMs);
  const layout = inboxLayout(config.inboxDir, config.storageDir);
  const guard = requireViewer(authenticate);
  // Uploaded workbooks are read only in the isolated thread, never in the HTTP process itself.
  const sandbox = new ParseSandbox(config.parseSandbox);
  const router = express.Router();

  /** The upload of an ADMIN or ENTITY key, refused with a Spanish message when too large or not a workbook. */
  async function receiveWorkbook(req: Request, viewer: Viewer) {
    if (!canUpload(viewer)) throw new HttpError(403, 'Este token no puede cargar archivos (solo ADMIN y ENTITY).', 'FORBIDDEN');
    const { name, bytes } = await readUpload(req, config.uploadMaxBytes);
    const type = sniffWorkbookType(bytes);
    if (!type) {
      const message = looksLikeCsv(bytes)
        ? 'El archivo CSV debe estar codificado en UTF-8: en Excel use «Guardar como» → «CSV UTF-8 (delimitado por comas)».'
        : 'El archivo no es un libro .xlsx, .xls, .ods ni .csv (se revisa el contenido, no la extensión).';
      throw new HttpError(415, message, 'UNSUPPORTED_MEDIA_TYPE');
    }
    return { name, bytes, type };
  }

  /** Who the workbook is checked for: the key's entity, or the planning office (ADMIN), as the worker does. */
  async function uploaderOf(viewer: Viewer): Promise<Uploader> {
    if (viewer.role === 'ADMIN' || viewer.entityId === null) return { entityCode: null, planningOffice: true };
    const entity = await services.ds.getRepository(OrgEntityRecord).findOneBy({ id: viewer.entityId });
    return { entityCode: entity?.code ?? null, planningOffice: false };
  }

  router.post('/uploads/validate', guard, async (req, res, next) => {
    try {
      const viewer = res.locals.viewer as Viewer;
      const { name, bytes, type } = await receiveWorkbook(req, viewer);
      const started = performance.now();
      // Parsed in the isolated thread, checked against the stored data as the worker would for this key; nothing is written.
      const parsed = await sandbox.parse(bytes, config.importLimits);
      const context = await loadValidationContext(services.ds.manager, parsed, await uploaderOf(viewer));
      const summary = summarizeIssues(validateWorkbook(parsed, context), config.importMaxIssuesPerCode);
      res.json({
        fileName: safeFileName(name),
        type,
        kind: parsed.kind,
        rows: rowsRead(parsed),
        valid: summary.errorCount === 0,
        errorCount: summary.errorCount,
        warningCount: summary.warningCount,
        rowsWithErrors: summary.rowsWithErrors,
        truncated: summary.truncated,
        issues: summary.kept.map((i) => ({
          severity: i.severity,
          code: i.code,
          sheet: i.sheet,
          row: i.row,
          column: i.column,
          value: i.value,
          message: i.message,
        })),
        totals: summary.totals,
        ms: Math.round(performance.now() - started),
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/uploads', guard, async (req, res, next) => {
    try {
      const viewer = res.locals.viewer as Viewer;
      const { name, bytes, type } = await receiveWorkbook(req, viewer);
      let batchId: number;
      try {
        batchId = await storeAndEnqueue(store, layout, bytes, name, viewer.name, viewer.role === 'ADMIN' ? null : viewer.entityId);
      } catch (err) {
        throw storageHttpError(err, logger);
      }
      // The worker of this process starts it at once (ImportWorker.wake); others find it by polling.
      options.onQueued?.(batchId);
      await services.audit.record({
        actor: viewer,
        action: AuditAction.UPLOAD,
        subject: `batch:${batchId}`,
        details: { fileName: safeFileName(name), bytes: bytes.length, type },
      });
      res.status(202).json({ batchId: String(batchId), status: ImportStatus.PENDING, fileName: safeFileName(name), type });
    } catch (err) {
      next(err);
    }
  });

  router.get('/templates/:kind', guard, (req, res, next) => {
    const kind = { plan: ImportKind.PLAN, reporte: ImportKind.REPORTE, instancia: ImportKind.INSTANCIA }[
      String(req.params.kind).toLowerCase()
    ];
    if (!kind) {
      next(new HttpError(404, 'Plantillas: plan, reporte o instancia.', 'NOT_FOUND'));
      return;
    }
    const prefill = req.query.prefill === '1' || req.query.prefill === 'true';
    const storedCode = kind === ImportKind.PLAN ? req.query.politica : kind === ImportKind.INSTANCIA ? req.query.instancia : undefined;
    const send = async () => {
      if (typeof storedCode === 'string' && storedCode.trim()) {
        const viewer = res.locals.viewer as Viewer;
        const code = storedCode.trim();
        let bytes: Buffer;
        try {
          bytes =
            kind === ImportKind.PLAN
              ? await buildStoredPlan(await services.storedWorkbooks.plan(viewer, code))
              : await buildStoredInstance(await services.storedWorkbooks.instance(viewer, code));
        } catch (err) {
          const errCode = (err as { extensions?: { code?: string } }).extensions?.code;
          const status = errCode === 'FORBIDDEN' ? 403 : errCode === 'NOT_FOUND' ? 404 : 0;
          if (!status) throw err;
          throw new HttpError(status, (err as Error).message, errCode!);
        }
        res
          .type(XLSX_MIME)
          .attachment(`${kind === ImportKind.PLAN ? 'plan' : 'instancia'}-${safeFileName(code)}.xlsx`)
          .send(bytes);
        return;
      }
      if (!prefill) {
        res
          .type(XLSX_MIME)
          .attachment(`plantilla-${kind.toLowerCase()}.xlsx`)
          .send(await buildTemplate(kind));
        return;
      }
      if (kind !== ImportKind.REPORTE)
        throw new HttpError(400, 'Solo la plantilla de reporte se puede prellenar (?prefill=1).', 'BAD_REQUEST');
      const viewer = res.locals.viewer as Viewer;
      if (viewer.role !== 'ADMIN' && viewer.role !== 'ENTITY') {
        throw new HttpError(
          403,
          'La plantilla prellenada es para las claves de una entidad (ENTITY) o de la oficina (ADMIN).',
          'FORBIDDEN',
        );
      }
      const entityCode = typeof req.query.entidad === 'string' ? req.query.entidad : null;
      let entity;
      try {
        entity = await services.reportingDesk.entityFor(viewer, entityCode);
      } catch (err) {
        const code = (err as { extensions?: { code?: string } }).extensions?.code;
        const status = code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' ? 400 : 0;
        if (!status) throw err;
        throw new HttpError(status, (err as Error).message.replace('(entityCode)', '(?entidad=CÓDIGO)'), code!);
      }
      const date =
        typeof req.query.fecha === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.query.fecha) ? req.query.fecha : todayIn(config.timeZone);
      const desk = await services.reportingDesk.desk(entity, date);
      res
        .type(XLSX_MIME)
        .attachment(`reporte-${safeFileName(entity.code)}-${date}.xlsx`)
        .send(await buildPrefilledReporte(desk));
    };
    send().catch(next);
  });

  /** The Errores workbook stored when the batch was rejected; null when there is none (older batches, storage trouble). */
  async function storedErrorsWorkbook(batch: ImportBatchRecord): Promise<Buffer | null> {
    if (!batch.errorsPath) return null;
    return fs.readFile(batch.errorsPath).catch((err: unknown) => {
      logger.warn({ err, batchId: batch.id, file: batch.errorsPath }, 'stored Errores workbook unreadable; building it again');
      return null;
    });
  }

  /** Builds the Errores workbook from the stored issues and totals (once), and stores it for the next download. */
  async function buildAndStore(batch: ImportBatchRecord): Promise<Buffer> {
    const rows = await services.ds.getRepository(ImportIssueRecord).find({ where: { batchId: batch.id }, order: { id: 'ASC' } });
    const issues = rows.map(
      (r) =>
        ({
          severity: r.severity,
          code: r.code,
          sheet: r.sheet,
          row: r.row,
          column: r.column,
          value: r.value,
          message: r.message,
        }) as Issue,
    );
    // A file refused as a whole (unreadable, too large) is not read again: the Errores sheet goes alone.
    const whole = issues.some((i) => i.code === 'LIBRO_ILEGIBLE' || i.code === 'LIBRO_DEMASIADO_GRANDE');
    const bytes = whole || !batch.storagePath ? new Uint8Array(0) : await fs.readFile(batch.storagePath).catch(() => new Uint8Array(0));
    const workbook =
      (await sandbox.errorsWorkbook(bytes, issues, config.importLimits, batch.issueTotals)) ??
      writeWorkbook([buildErrorsSheet(issues, batch.issueTotals)]);
    if (batch.storagePath) {
      const target = errorsPathFor(batch.storagePath);
      await writeFileAtomic(target, workbook)
        .then(() => store.setErrorsPath(batch.id, target))
        .catch((err: unknown) =>
          logger.warn({ err, batchId: batch.id }, 'could not store the Errores workbook; it is built on each download'),
        );
    }
    return workbook;
  }

  router.get('/batches/:id/errores.xlsx', guard, async (req, res, next) => {
    try {
      const id = Number(req.params.id);
      const batch = Number.isSafeInteger(id) ? await services.ds.getRepository(ImportBatchRecord).findOneBy({ id }) : null;
      if (!batch || !canSeeBatch(res.locals.viewer as Viewer, batch)) throw new HttpError(404, 'No existe ese lote.', 'NOT_FOUND');
      if (batch.status !== ImportStatus.REJECTED)
        throw new HttpError(409, 'El lote no fue rechazado: no tiene hoja de errores.', 'CONFLICT');
      const workbook = (await storedErrorsWorkbook(batch)) ?? (await buildAndStore(batch));
      res
        .type(XLSX_MIME)
        .attachment(`errores-${batch.id}-${safeFileName(batch.fileName).replace(/\.[^.]*$/, '')}.xlsx`)
        .send(workbook);
    } catch (err) {
      next(err);
    }
  });

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.message, code: err.code });
      return;
    }
    next(err);
  });
  app.use(router);
}
