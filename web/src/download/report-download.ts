import { describeApiError } from '../api/graphql-client';
import { readKey } from '../auth/session-key';
import { saveBlob } from './table-export';

/**
 * Downloads a generated report (docs/reports.md) with the tab's key as Bearer token, like the Errores workbook
 * on /lotes. Returns null when saved, or the Spanish message to show: the server's own for a 4xx.
 */
export async function downloadReport(url: string, fallbackName: string): Promise<string | null> {
  const key = readKey();
  let res: Response;
  try {
    res = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  } catch {
    return describeApiError('NETWORK');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    if (res.status < 500 && body?.error) return body.error;
    if (res.status === 401) return describeApiError('UNAUTHENTICATED');
    if (res.status === 403) return describeApiError('FORBIDDEN');
    return describeApiError('INTERNAL', res.status);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await res.blob(), name);
  return null;
}
