import { useEffect } from 'react';

/** The tab's title: `Página · Rumbo`. */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Rumbo` : 'Rumbo';
  }, [title]);
}
