import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, execute } from '../api/graphql-client';
import { ViewerQuery } from '../api/operations';
import { clearKey, isKeyShape, readKey, storeKey } from '../auth/session-key';
import { useViewer } from '../auth/viewer-context';
import { useTitle } from '../hooks/use-title';

/** `/ingresar`: paste the `rumbo_…` key (or arrive with `#clave=…`, already taken from the address bar). */
export function SignInPage() {
  useTitle('Ingresar');
  const viewer = useViewer();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const back = params.get('volver');
  const target = back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!isKeyShape(key)) {
      setMessage('La clave debe empezar por «rumbo_» y copiarse completa, sin espacios.');
      return;
    }
    setChecking(true);
    const previous = readKey();
    storeKey(key);
    try {
      await execute(ViewerQuery, {});
      viewer.refresh();
      navigate(target, { replace: true });
    } catch (err) {
      if (previous) storeKey(previous);
      else clearKey();
      setMessage(
        err instanceof ApiError && err.code === 'UNAUTHENTICATED'
          ? 'La clave no es válida, venció o fue revocada. Pida una nueva a la oficina de planeación.'
          : err instanceof ApiError
            ? err.message
            : 'No fue posible comprobar la clave.',
      );
    } finally {
      setChecking(false);
    }
  }

  return (
    <section className="narrow">
      <h1>Ingresar</h1>
      {viewer.status === 'signed-in' ? (
        <p className="notice" role="status">
          Ya ingresó con una clave{viewer.entity ? ` de ${viewer.entity.name}` : ''}. <Link to={target}>Continuar</Link>
        </p>
      ) : null}
      <p>
        Pegue la clave de acceso personal que le envió la oficina de planeación (empieza por <code>rumbo_</code>). La clave se guarda solo
        en esta pestaña del navegador y se borra al cerrarla.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="clave">Clave de acceso</label>
        <input
          id="clave"
          name="clave"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-describedby={message ? 'clave-error' : undefined}
          aria-invalid={message ? true : undefined}
        />
        {message ? (
          <p id="clave-error" className="inline-error" role="alert">
            {message}
          </p>
        ) : null}
        <button type="submit" disabled={checking}>
          {checking ? 'Comprobando…' : 'Ingresar'}
        </button>
      </form>
      {viewer.status === 'anonymous' ? <p>Sin clave puede consultar las políticas y las instancias (lectura pública).</p> : null}
    </section>
  );
}
