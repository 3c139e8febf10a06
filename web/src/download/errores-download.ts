import { describeApiError } from '../api/graphql-client';
import { readKey } from '../auth/session-key';
import { saveBlob } from './table-export';

/** The Errores workbook of a rejected batch (`GET /batches/:id/errores.xlsx`), fetched with the tab's key. */
export async function downloadErrores(batch: { id: string; fileName?: string | null }, onError: (m: string) => void) {
  const key = readKey();
  try {
    const res = await fetch(`/batches/${encodeURIComponent(batch.id)}/errores.xlsx`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string; code?: string } | null;
      onError(
        res.status === 401
          ? describeApiError('UNAUTHENTICATED')
          : res.status === 403
            ? describeApiError('FORBIDDEN')
            : (body?.error ?? describeApiError('INTERNAL', res.status)),
      );
      return;
    }
    saveBlob(await res.blob(), `errores-${batch.id}${batch.fileName ? `-${batch.fileName.replace(/\.[^.]*$/, '')}` : ''}.xlsx`);
  } catch {
    onError(describeApiError('NETWORK'));
  }
}
