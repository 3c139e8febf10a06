import busboy from 'busboy';
import express, { Express, NextFunction, Request, Response } from 'express';
import { promises as fs } from 'node:fs';
import { AppConfig } from '../../src/config/config';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord, ImportIssueRecord } from '../../src/entities';
import { Authenticate, requireViewer } from '../../src/server/auth';
import { Services } from '../../src/services';
import { canUpload, isAdmin } from '../../src/services/access';
import { AuditAction } from '../../src/services/audit.service';
import { Viewer } from '../../src/services/viewer';
import { ParseSandbox } from '../import/parse.sandbox';
import { Issue } from '../issues/issue.types';
import { buildErrorsSheet } from '../output/errors-sheet.writer';
import { buildTemplate } from '../templates/template.writer';
import { BatchStore } from '../worker/batch.store';
import { inboxLayout, safeFileName, storeAndEnqueue } from '../worker/inbox.scanner';
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
 * Plain HTTP routes of the ingestion (not GraphQL):
 *   POST /uploads                    multipart field "file" → 202 { batchId } (a pending batch; GraphQL shows it)
 *   GET  /templates/:kind            blank template plan|reporte|instancia (.xlsx)
 *   GET  /batches/:id/errores.xlsx   a rejected workbook with its added `Errores` sheet
 */
export function mountIngestionRoutes(app: Express, services: Services, authenticate: Authenticate, config: AppConfig): void {
  const store = new BatchStore(services.ds, 60_000);
  const layout = inboxLayout(config.inboxDir, config.storageDir);
  const guard = requireViewer(authenticate);
  // Uploaded workbooks are read only in the isolated thread, never in the HTTP process itself.
  const sandbox = new ParseSandbox(config.parseSandbox);
  const router = express.Router();

  router.post('/uploads', guard, async (req, res, next) => {
    try {
      const viewer = res.locals.viewer as Viewer;
      if (!canUpload(viewer)) throw new HttpError(403, 'Este token no puede cargar archivos (solo ADMIN y ENTITY).', 'FORBIDDEN');
      const { name, bytes } = await readUpload(req, config.uploadMaxBytes);
      const type = sniffWorkbookType(bytes);
      if (!type) {
        const message = looksLikeCsv(bytes)
          ? 'El archivo CSV debe estar codificado en UTF-8: en Excel use «Guardar como» → «CSV UTF-8 (delimitado por comas)».'
          : 'El archivo no es un libro .xlsx, .xls, .ods ni .csv (se revisa el contenido, no la extensión).';
        throw new HttpError(415, message, 'UNSUPPORTED_MEDIA_TYPE');
      }
      const batchId = await storeAndEnqueue(store, layout, bytes, name, viewer.name, viewer.role === 'ADMIN' ? null : viewer.entityId);
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
    res.type(XLSX_MIME).attachment(`plantilla-${kind.toLowerCase()}.xlsx`).send(buildTemplate(kind));
  });

  router.get('/batches/:id/errores.xlsx', guard, async (req, res, next) => {
    try {
      const id = Number(req.params.id);
      const batch = Number.isSafeInteger(id) ? await services.ds.getRepository(ImportBatchRecord).findOneBy({ id }) : null;
      if (!batch || !canSeeBatch(res.locals.viewer as Viewer, batch)) throw new HttpError(404, 'No existe ese lote.', 'NOT_FOUND');
      if (batch.status !== ImportStatus.REJECTED)
        throw new HttpError(409, 'El lote no fue rechazado: no tiene hoja de errores.', 'CONFLICT');
      const rows = await services.ds.getRepository(ImportIssueRecord).find({ where: { batchId: id }, order: { id: 'ASC' } });
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
      // The stored file is gone once STORAGE_RETENTION_DAYS passed (or never kept, `rumbo import`): the sheet alone too.
      const bytes = whole || !batch.storagePath ? new Uint8Array(0) : await fs.readFile(batch.storagePath);
      const workbook = (await sandbox.errorsWorkbook(bytes, issues, config.importLimits)) ?? writeWorkbook([buildErrorsSheet(issues)]);
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
