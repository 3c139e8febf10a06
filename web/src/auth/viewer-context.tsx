import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, execute } from '../api/graphql-client';
import { ViewerQuery } from '../api/operations';
import type { Role } from '../gql/graphql';
import { clearKey, readKey } from './session-key';

export interface ViewerState {
  status: 'loading' | 'signed-in' | 'anonymous' | 'signed-out';
  role: Role | null;
  name: string | null;
  entity: { code: string; name: string } | null;
  /** Re-reads who the key belongs to (after signing in or out). */
  refresh: () => void;
  signOut: () => void;
}

const ViewerContext = createContext<ViewerState | null>(null);

/**
 * Who is reading: the tab's key (Bearer) or nobody. `anonymous` means PUBLIC_READ lets read pages work
 * without a key; `signed-out` means the server wants one. Pages show only what the role may see.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Omit<ViewerState, 'refresh' | 'signOut'>>({ status: 'loading', role: null, name: null, entity: null });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const signOut = useCallback(() => {
    clearKey();
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    let live = true;
    execute(ViewerQuery, {}).then(
      ({ viewer }) => {
        if (!live) return;
        // With PUBLIC_READ an anonymous reader reads as a VIEWER: signed in means "this tab holds a key".
        const signedIn = readKey() !== null;
        setState({
          status: signedIn ? 'signed-in' : 'anonymous',
          role: viewer.role,
          name: signedIn ? viewer.name : null,
          entity: viewer.entity,
        });
      },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && readKey()) clearKey();
        setState({ status: 'signed-out', role: null, name: null, entity: null });
      },
    );
    return () => {
      live = false;
    };
  }, [version]);

  return <ViewerContext.Provider value={{ ...state, refresh, signOut }}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewer outside ViewerProvider');
  return value;
}

/** Batches (import bookkeeping) are the office's and the entities' own view. */
export function canSeeBatches(role: Role | null): boolean {
  return role === 'ADMIN' || role === 'ENTITY';
}
