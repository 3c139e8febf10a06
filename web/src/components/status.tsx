import { Link } from 'react-router';
import type { ApiError } from '../api/graphql-client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Cargando {what}…
    </p>
  );
}

/** A Spanish message for an API error, with the way out (sign in, go home); never a stack trace. */
export function ErrorMessage({ error }: { error: ApiError }) {
  return (
    <div className="error-box" role="alert">
      <p>{error.message}</p>
      {error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' ? (
        <p>
          <Link to={`/ingresar?volver=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
            Ingresar con una clave de acceso
          </Link>
        </p>
      ) : (
        <p>
          <Link to="/">Volver al inicio</Link>
        </p>
      )}
    </div>
  );
}

export function NotFound({ message }: { message: string }) {
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      <p>
        <Link to="/">Volver al inicio</Link>
      </p>
    </div>
  );
}
