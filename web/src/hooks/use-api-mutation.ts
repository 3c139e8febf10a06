import { useCallback, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, execute } from '../api/graphql-client';

export interface MutationState {
  running: boolean;
  /** The Spanish message of the last failure (CONFLICT carries the server's reason). */
  error: string | null;
}

/** Runs one generated mutation on demand; resolves to its data, or null after showing the error. */
export function useApiMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): [(variables: TVariables) => Promise<TResult | null>, MutationState, () => void] {
  const [state, setState] = useState<MutationState>({ running: false, error: null });
  const run = useCallback(
    async (variables: TVariables) => {
      setState({ running: true, error: null });
      try {
        const data = await execute(document, variables);
        setState({ running: false, error: null });
        return data;
      } catch (err) {
        setState({ running: false, error: err instanceof ApiError ? err.message : 'No fue posible guardar el cambio. Intente de nuevo.' });
        return null;
      }
    },
    [document],
  );
  const clear = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return [run, state, clear];
}
