import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CreateApiTokenMutation, RevokeApiTokenMutation } from '../api/operations';
import { useViewer } from '../auth/viewer-context';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage, Loading } from '../components/status';
import { formatDateTime } from '../format';
import type { CreateApiTokenMutation as Created, KeysPageQuery, Role } from '../gql/graphql';
import { useKeysPage } from '../hooks/page-data';
import { useApiMutation } from '../hooks/use-api-mutation';
import { useTitle } from '../hooks/use-title';
import { addDays, endOfDayInBogota, signInLink } from './keys-form';

type Key = KeysPageQuery['apiTokens'][number];

const ROLE_NAME: Record<Role, string> = {
  ENTITY: 'Entidad (reporta sus productos)',
  VIEWER: 'Consulta (solo lectura)',
  ADMIN: 'Oficina de planeación (administra)',
};

function keyStatus(k: Key): string {
  if (k.revokedAt) return 'Revocada';
  return k.active ? 'Activa' : 'Vencida';
}

/** The link to send: the secret travels in the fragment, which the browser never sends to the server. */
function NewKey({ created, onDone }: { created: Created['createApiToken']; onDone: () => void }) {
  const link = signInLink(window.location.origin, created.secret);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Enlace copiado.');
    } catch {
      setCopied('No se pudo copiar: seleccione el enlace y cópielo con Ctrl+C.');
    }
  };
  return (
    <section className="notice new-key" aria-labelledby="clave-creada" data-testid="clave-creada">
      <h2 id="clave-creada">Clave creada para «{created.token.name}»</h2>
      <p>
        Envíe este enlace a la persona por un canal seguro. Se muestra <strong>solo ahora</strong>: Rumbo guarda únicamente una huella de la
        clave y no puede volver a mostrarla. Al abrirlo, la persona queda dentro de Rumbo
        {created.token.entity ? ` como ${created.token.entity.name}` : ''}
        {created.token.expiresAt ? ` hasta el ${formatDateTime(created.token.expiresAt)}` : ''}.
      </p>
      <div className="field">
        <label htmlFor="enlace-ingreso">Enlace de ingreso</label>
        <input id="enlace-ingreso" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="enlace-ingreso" />
      </div>
      <p className="row-actions">
        <button type="button" onClick={() => void copy()}>
          Copiar enlace
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Listo, ocultar el enlace
        </button>
      </p>
      <p role="status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}

/** `/claves` (ADMIN): create a person's access key and get the sign-in link; list and revoke keys. */
export function KeysPage() {
  useTitle('Claves de acceso');
  const viewer = useViewer();
  const [version, setVersion] = useState(0);
  const state = useKeysPage(version);
  const [create, creating] = useApiMutation(CreateApiTokenMutation);
  const [revoke, revoking] = useApiMutation(RevokeApiTokenMutation);
  const [role, setRole] = useState<Role>('ENTITY');
  const [entityCode, setEntityCode] = useState('');
  const [name, setName] = useState('');
  const [expires, setExpires] = useState(() => addDays(new Date(), 365));
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<Created['createApiToken'] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (viewer.status === 'loading') return <Loading what="sus permisos" />;
  if (viewer.role !== 'ADMIN') {
    return (
      <div className="error-box" role="alert">
        <p>Las claves de acceso las administra solo la oficina de planeación.</p>
        <p>
          <Link to="/ingresar?volver=/claves">Ingresar con una clave de la oficina</Link>
        </p>
      </div>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    if (!name.trim()) return setProblem('Escriba el nombre de la persona que usará la clave.');
    if (role === 'ENTITY' && !entityCode) return setProblem('Elija la entidad por la que actuará la persona.');
    setProblem(null);
    const done = await create({
      input: {
        role,
        entityCode: role === 'ENTITY' ? entityCode : null,
        name: name.trim(),
        expiresAt: expires ? endOfDayInBogota(expires) : null,
      },
    });
    if (done) {
      setCreated(done.createApiToken);
      setName('');
      setVersion((v) => v + 1);
    }
  }

  async function revokeKey(k: Key) {
    if (!window.confirm(`¿Revocar la clave «${k.name}»? Dejará de servir de inmediato.`)) return;
    const done = await revoke({ id: k.id });
    if (done) {
      setMessage(`Clave «${k.name}» revocada: ya no sirve para ingresar.`);
      setVersion((v) => v + 1);
    }
  }

  const columns: Column<Key>[] = [
    { header: 'Nombre', text: (k) => k.name, rowHeader: true },
    { header: 'Rol', text: (k) => ROLE_NAME[k.role] },
    { header: 'Entidad', text: (k) => (k.entity ? `${k.entity.code} · ${k.entity.name}` : '') },
    { header: 'Prefijo', text: (k) => k.prefix },
    { header: 'Estado', text: keyStatus },
    { header: 'Creada', text: (k) => `${formatDateTime(k.createdAt)} por ${k.createdBy}` },
    { header: 'Vence', text: (k) => (k.expiresAt ? formatDateTime(k.expiresAt) : 'No vence') },
    { header: 'Último uso', text: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Nunca') },
    {
      header: 'Acción',
      text: () => '',
      render: (k) =>
        k.revokedAt ? null : (
          <button type="button" className="link-button" onClick={() => void revokeKey(k)} disabled={revoking.running}>
            Revocar <span className="visually-hidden">la clave {k.name}</span>
          </button>
        ),
    },
  ];

  return (
    <>
      <h1>Claves de acceso</h1>
      <p className="lead">
        Cada persona ingresa con su propia clave. Cree la clave, copie el enlace de ingreso y envíelo; revoque la clave cuando la persona ya
        no deba entrar. Cada acción queda en el registro de auditoría, igual que con <code>rumbo token</code>.
      </p>
      {created ? <NewKey created={created} onDone={() => setCreated(null)} /> : null}
      <form className="filters key-form" aria-labelledby="nueva-clave" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="nueva-clave">Nueva clave</h2>
        <div className="field">
          <label htmlFor="k-rol">Rol</label>
          <select id="k-rol" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(Object.keys(ROLE_NAME) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_NAME[r]}
              </option>
            ))}
          </select>
        </div>
        {role === 'ENTITY' ? (
          <div className="field">
            <label htmlFor="k-entidad">Entidad</label>
            <select id="k-entidad" value={entityCode} onChange={(e) => setEntityCode(e.target.value)}>
              <option value="">Elija la entidad</option>
              {state.data?.entities.nodes.map((e) => (
                <option key={e.code} value={e.code}>
                  {e.code} · {e.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="k-nombre">Nombre de la persona</label>
          <input id="k-nombre" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="k-vence">Vence (vacío: no vence)</label>
          <input id="k-vence" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" disabled={creating.running}>
            {creating.running ? 'Creando…' : 'Crear clave y enlace'}
          </button>
        </div>
      </form>
      {problem || creating.error || revoking.error ? (
        <p className="inline-error" role="alert" data-testid="claves-error">
          {problem ?? creating.error ?? revoking.error}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="notice">
          {message}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} />
      ) : !state.data ? (
        <Loading what="las claves" />
      ) : (
        <DataTable
          testId="claves"
          caption="Claves de acceso, la más antigua primero"
          columns={columns}
          rows={state.data.apiTokens}
          rowKey={(k) => k.id}
          fileName="claves"
          empty="No hay claves."
        />
      )}
    </>
  );
}
