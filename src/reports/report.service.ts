/**
 * Report generation (services layer): loads the figures through the calculation module, builds the document
 * and writes it with the adapters. Used by the CLI (src/cli/report.command.ts) and the HTTP routes
 * (src/server/report.routes.ts). Every failure a person can fix is a ReportError with a Spanish message.
 */
import { DataSource } from 'typeorm';
import { todayIn } from '../services/clock';
import { writeDocx } from './adapters/docx.adapter';
import { writeXlsx } from './adapters/xlsx-writer.adapter';
import { buildAnnexWorkbook } from './annex-workbook.builder';
import { buildInstanceReport } from './instance-report.builder';
import { loadInstanceReportData } from './instance-report.data';
import { buildPolicyReport } from './policy-report.builder';
import { loadPolicyReportData } from './policy-report.data';
import { defaultWording, Wording } from './wording/wording';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface GeneratedFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

export interface ReportServiceOptions {
  /** IANA zone of "today" (generation date, overdue commitments), as the API's TZ_REPORTS. */
  timeZone: string;
  /** Wording file already loaded and checked; default the shipped textos-informes.txt. */
  wording?: Wording;
  /** Clock, for reproducible documents in tests. */
  now?: () => Date;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

export class ReportService {
  private readonly wording: Wording;

  constructor(
    private readonly ds: DataSource,
    private readonly options: ReportServiceOptions,
  ) {
    this.wording = options.wording ?? defaultWording();
  }

  private today(): string {
    return todayIn(this.options.timeZone, this.options.now?.() ?? new Date());
  }

  /** Informe de seguimiento of a policy at a cut (.docx). */
  async policyReport(code: string, cut: string | null | undefined): Promise<GeneratedFile> {
    const data = await loadPolicyReportData(this.ds, code, cut);
    const doc = buildPolicyReport(data, { wording: this.wording, generatedOn: this.today() });
    return { bytes: await writeDocx(doc), fileName: `informe-politica-${safe(code)}-${data.cut}.docx`, contentType: DOCX_TYPE };
  }

  /** Anexo 1 of a policy at a cut (.xlsx). */
  async annexWorkbook(code: string, cut: string | null | undefined): Promise<GeneratedFile> {
    const data = await loadPolicyReportData(this.ds, code, cut);
    const spec = buildAnnexWorkbook(data, this.wording, this.today());
    return { bytes: await writeXlsx(spec), fileName: `anexo-politica-${safe(code)}-${data.cut}.xlsx`, contentType: XLSX_TYPE };
  }

  /** Informe de gestión of an instance for a date range (.docx). */
  async instanceReport(code: string, from: string | null | undefined, to: string | null | undefined): Promise<GeneratedFile> {
    const today = this.today();
    const data = await loadInstanceReportData(this.ds, code, from, to, today);
    const doc = buildInstanceReport(data, this.wording, today);
    return {
      bytes: await writeDocx(doc),
      fileName: `informe-instancia-${safe(code)}-${data.from}-${data.to}.docx`,
      contentType: DOCX_TYPE,
    };
  }
}
