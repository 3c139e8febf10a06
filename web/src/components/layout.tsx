import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { canSeeBatches, useViewer } from '../auth/viewer-context';
import { ErrorBoundary } from './error-boundary';

const ROLE_LABEL = { ADMIN: 'Oficina de planeación', ENTITY: 'Entidad', VIEWER: 'Consulta' } as const;

export function Layout({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#contenido">
        Saltar al contenido
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Rumbo
        </Link>
        <nav aria-label="Principal">
          <ul>
            <li>
              <NavLink to="/" end>
                Inicio
              </NavLink>
            </li>
            {canSeeBatches(viewer.role) ? (
              <li>
                <NavLink to="/reportar" end>
                  Reportar
                </NavLink>
              </li>
            ) : null}
            {viewer.role === 'ENTITY' ? (
              <li>
                <NavLink to="/reportar/lotes">Mis lotes</NavLink>
              </li>
            ) : null}
            {viewer.role === 'ADMIN' ? (
              <li>
                <NavLink to="/lotes">Lotes de carga</NavLink>
              </li>
            ) : null}
            {viewer.role === 'ADMIN' ? (
              <li>
                <NavLink to="/revision">Revisión</NavLink>
              </li>
            ) : null}
            {viewer.role === 'ADMIN' ? (
              <li>
                <NavLink to="/claves">Claves</NavLink>
              </li>
            ) : null}
            <li>
              {viewer.status === 'signed-in' ? (
                <span className="who">
                  {viewer.role ? ROLE_LABEL[viewer.role] : ''}
                  {viewer.entity ? ` · ${viewer.entity.name}` : ''}{' '}
                  <button type="button" className="link-button" onClick={viewer.signOut}>
                    Salir
                  </button>
                </span>
              ) : (
                <NavLink to="/ingresar">Ingresar</NavLink>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="contenido" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname + location.search}>{children}</ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          Rumbo · Seguimiento de políticas públicas e instancias de coordinación. Cifras calculadas por el servidor con el método de la
          oficina de planeación.
        </p>
      </footer>
    </>
  );
}
