import { ApiError, describeApiError } from '../api/graphql-client';
import { readKey } from '../auth/session-key';
import type { ImportIssueSeverity, ImportKind } from '../gql/graphql';

/** One issue of the dry run, as `POST /uploads/validate` returns it (docs/web.md#reportar). */
export interface ValidationIssue {
  severity: ImportIssueSeverity;
  code: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ValidationResult {
  fileName: string;
  kind: ImportKind | null;
  rows: number;
  valid: boolean;
  errorCount: number;
  warningCount: number;
  rowsWithErrors: number;
  truncated: boolean;
  issues: ValidationIssue[];
  ms: number;
}

export interface QueuedUpload {
  batchId: string;
  fileName: string;
}

/** POSTs the file as multipart (field "file") with the tab's key; a refusal becomes the server's Spanish message. */
async function postFile<T>(path: string, file: File): Promise<T> {
  const key = readKey();
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, headers: key ? { authorization: `Bearer ${key}` } : {} });
  } catch {
    throw new ApiError(describeApiError('NETWORK'), 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: string; code?: string }) | null;
  if (!res.ok || !body) {
    if (res.status === 401) throw new ApiError(describeApiError('UNAUTHENTICATED'), 'UNAUTHENTICATED', 401);
    if (res.status < 500 && body?.error) throw new ApiError(body.error, body.code ?? 'BAD_REQUEST', res.status);
    throw new ApiError(describeApiError('INTERNAL', res.status), 'INTERNAL', res.status);
  }
  return body;
}

/** The dry run: what the import would say about this file, for this key, with nothing written. */
export function validateUpload(file: File): Promise<ValidationResult> {
  return postFile<ValidationResult>('/uploads/validate', file);
}

/** Sends the file for import: a pending batch the page then follows. */
export function sendUpload(file: File): Promise<QueuedUpload> {
  return postFile<QueuedUpload>('/uploads', file);
}

/** The issues grouped by sheet, in the order the server listed them (workbook-level issues first). */
export function issuesBySheet(issues: readonly ValidationIssue[]): { sheet: string | null; issues: ValidationIssue[] }[] {
  const groups = new Map<string | null, ValidationIssue[]>();
  for (const i of issues) {
    const list = groups.get(i.sheet) ?? [];
    list.push(i);
    groups.set(i.sheet, list);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0)).map(([sheet, list]) => ({ sheet, issues: list }));
}

/** What the batch is doing now, from the API's status and phase timings (null while a phase runs). */
export function batchPhase(b: {
  status: string;
  startedAt?: string | null;
  parseMs?: number | null;
  validateMs?: number | null;
  importMs?: number | null;
}): string {
  switch (b.status) {
    case 'PENDING':
      return 'En cola: el importador lo toma en un momento.';
    case 'PROCESSING':
      if (b.parseMs == null) return 'Leyendo el libro…';
      if (b.validateMs == null) return 'Revisando los datos…';
      return 'Guardando los datos…';
    case 'IMPORTED':
      return 'Importado.';
    case 'REJECTED':
      return 'Rechazado: no se guardó nada.';
    case 'DUPLICATE':
      return 'Este mismo contenido ya se había importado: no cambió nada.';
    default:
      return '';
  }
}

export const FINAL_STATUSES = ['IMPORTED', 'REJECTED', 'DUPLICATE'];
