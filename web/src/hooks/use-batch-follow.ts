import { useEffect, useState } from 'react';
import { ApiError, execute } from '../api/graphql-client';
import { BatchProgressQuery } from '../api/operations';
import type { BatchProgressQuery as Progress } from '../gql/graphql';
import { FINAL_STATUSES } from '../upload/upload-client';

export type FollowedBatch = NonNullable<Progress['importBatch']>;

/** Re-reads one batch every `everyMs` (500 ms) until it is IMPORTED, REJECTED or DUPLICATE. */
export function useBatchFollow(batchId: string | null, everyMs = 500): { batch: FollowedBatch | null; error: string | null } {
  const [batch, setBatch] = useState<FollowedBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setBatch(null);
    setError(null);
    if (!batchId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const read = async () => {
      try {
        const { importBatch } = await execute(BatchProgressQuery, { id: batchId }, controller.signal);
        if (!live) return;
        setBatch(importBatch ?? null);
        if (!importBatch) return setError('El lote ya no existe.');
        if (!FINAL_STATUSES.includes(importBatch.status)) timer = setTimeout(() => void read(), everyMs);
      } catch (err) {
        if (!live) return;
        setError(err instanceof ApiError ? err.message : 'No fue posible seguir el lote.');
      }
    };
    void read();
    return () => {
      live = false;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [batchId, everyMs]);
  return { batch, error };
}
