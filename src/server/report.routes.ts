/**
 * Generated reports over HTTP (docs/reports.md), with the API's access rules: a valid Bearer token, or
 * none when PUBLIC_READ=true (server/auth.ts). Bad input answers 4xx with a Spanish JSON message, never an
 * empty file.
 *   GET /informes/politicas/:code.docx?corte=YYYY-MM-DD
 *   GET /informes/politicas/:code/anexo.xlsx?corte=YYYY-MM-DD
 *   GET /informes/instancias/:code.docx?desde=YYYY-MM-DD&hasta=YYYY-MM-DD
 */
import type { Express, NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/config';
import { ReportError } from '../reports/report.errors';
import { GeneratedFile, ReportService } from '../reports/report.service';
import { Services } from '../services';
import { assertCanRead } from '../services/access';
import { Viewer } from '../services/viewer';
import { Authenticate, requireViewer } from './auth';

function queryString(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}

function send(generate: (req: Request) => Promise<GeneratedFile>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      assertCanRead(res.locals.viewer as Viewer);
      const file = await generate(req);
      res
        .status(200)
        .type(file.contentType)
        .set('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .set('Cache-Control', 'no-store')
        .send(file.bytes);
    } catch (err) {
      if (err instanceof ReportError) {
        res.status(err.status).json({ error: err.message });
        return;
      }
      next(err);
    }
  };
}

export function mountReportRoutes(app: Express, services: Services, authenticate: Authenticate, config: AppConfig): void {
  const reports = new ReportService(services.ds, { timeZone: config.timeZone });
  const guard = requireViewer(authenticate);
  app.get(
    '/informes/politicas/:code.docx',
    guard,
    send((req) => reports.policyReport(String(req.params.code), queryString(req, 'corte'))),
  );
  app.get(
    '/informes/politicas/:code/anexo.xlsx',
    guard,
    send((req) => reports.annexWorkbook(String(req.params.code), queryString(req, 'corte'))),
  );
  app.get(
    '/informes/instancias/:code.docx',
    guard,
    send((req) => reports.instanceReport(String(req.params.code), queryString(req, 'desde'), queryString(req, 'hasta'))),
  );
}
