import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';

const NavigateContext = createContext<((to: string) => void) | null>(null);

/** Provides one navigate function to every AppLink (a table of 1 000 links then costs 1 000 anchors, not 1 000 router hooks). */
export function AppLinkProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  return <NavigateContext.Provider value={(to) => void navigate(to)}>{children}</NavigateContext.Provider>;
}

/** A plain anchor that navigates inside the app on a simple left click (new tab, copy link: ordinary href). */
export function AppLink({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useContext(NavigateContext);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!navigate || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick}>
      {children}
    </a>
  );
}
