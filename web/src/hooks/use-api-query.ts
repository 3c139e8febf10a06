import { useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, execute } from '../api/graphql-client';

/**
 * `loading` with the previous `data` while new variables load (filters stay on screen and keep focus);
 * `error` replaces the data.
 */
export type QueryState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'ready'; data: T; error?: undefined };

/** Runs one generated operation; re-runs when the variables change (compared as JSON) or `version` grows (after a mutation). */
export function useApiQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  version = 0,
): QueryState<TResult> {
  const key = JSON.stringify(variables ?? {});
  const [state, setState] = useState<QueryState<TResult>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data }));
    execute(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        performance.mark('rumbo:data'); // bench/web.bench.ts measures rendering from here
        setState({ status: 'ready', data });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: err instanceof ApiError ? err : new ApiError('No fue posible cargar la información.', 'INTERNAL'),
        });
      },
    );
    return () => controller.abort();
  }, [document, key, version]);
  return state;
}
