import { Link, useParams } from 'react-router';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage, Loading, NotFound } from '../components/status';
import { formatLongDate, formatShortDate } from '../format';
import type { SessionPageQuery } from '../gql/graphql';
import { useSessionPage } from '../hooks/page-data';
import { useTitle } from '../hooks/use-title';
import { COMMITMENT_STATUS_LABEL, entityLabel, SESSION_STATUS_LABEL, SESSION_TYPE_LABEL } from '../labels';

type Session = NonNullable<SessionPageQuery['session']>;
type Attendance = Session['attendance'][number];
type Commitment = Session['commitments'][number];
type Review = Session['reviews'][number];

const MODALITY_LABEL = { PRESENCIAL: 'Presencial', VIRTUAL: 'Virtual', MIXTA: 'Mixta' } as const;

const ATTENDANCE_COLUMNS: Column<Attendance>[] = [
  { header: 'Persona', text: (a) => a.person.name, rowHeader: true },
  { header: 'Cargo', text: (a) => a.person.position ?? '' },
  { header: 'Entidad', text: (a) => entityLabel(a.person.entity) },
  { header: 'Asistió', text: (a) => (a.attended ? 'Sí' : 'No') },
  { header: 'Por delegación', text: (a) => (a.delegated ? 'Sí' : 'No') },
  { header: 'Observaciones', text: (a) => a.observations ?? '' },
];

const COMMITMENT_COLUMNS: Column<Commitment>[] = [
  { header: 'Compromiso', text: (c) => c.text, rowHeader: true },
  { header: 'Entidad responsable', text: (c) => entityLabel(c.responsibleEntity) },
  { header: 'Fecha límite', text: (c) => (c.dueDate ? formatShortDate(c.dueDate) : '') },
  { header: 'Estado', text: (c) => COMMITMENT_STATUS_LABEL[c.status] },
];

const REVIEW_COLUMNS: Column<Review>[] = [
  {
    header: 'Producto',
    text: (r) => `${r.product.code} ${r.product.name}`,
    rowHeader: true,
    render: (r) => (
      <Link
        to={`/politicas/${encodeURIComponent(r.product.policy.code)}/productos/${encodeURIComponent(r.product.code)}`}
      >{`${r.product.code} ${r.product.name}`}</Link>
    ),
  },
  { header: 'Informe', text: (r) => r.report ?? '' },
  { header: 'Retroalimentación', text: (r) => r.feedback ?? '' },
  { header: 'Observaciones', text: (r) => r.observations ?? '' },
];

/** `/instancias/:code/sesiones/:year/:number`: one session (acta) with its agenda, attendance, quorum and commitments. */
export function SessionPage() {
  const { code = '', year = '', number = '' } = useParams();
  const valid = /^\d{4}$/.test(year) && /^\d{1,5}$/.test(number);
  const state = useSessionPage(code, valid ? Number(year) : 0, valid ? Number(number) : 0);
  const session = state.data?.session ?? null;
  useTitle(session ? `Acta ${session.number} de ${session.year} · ${session.instance.name}` : 'Sesión');
  if (!valid) return <NotFound message="La dirección de la sesión debe terminar en /sesiones/AÑO/NÚMERO, por ejemplo /sesiones/2020/4." />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading what="la sesión" />;
  if (!session) return <NotFound message={`No existe el acta ${number} de ${year} de la instancia «${code}».`} />;
  const q = session.quorum;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Inicio</Link> › <Link to={`/instancias/${encodeURIComponent(session.instance.code)}`}>{session.instance.name}</Link> ›
        Sesión
      </p>
      <h1>
        Acta {session.number} de {session.year}
      </h1>
      <p className="lead">
        {SESSION_TYPE_LABEL[session.type]} · {SESSION_STATUS_LABEL[session.status]} · {formatLongDate(session.date)}
        {session.startTime ? ` · ${session.startTime}${session.endTime ? `–${session.endTime}` : ''}` : ''}
        {session.place ? ` · ${session.place}` : ''}
        {session.modality ? ` · ${MODALITY_LABEL[session.modality]}` : ''}
      </p>
      {session.minutesUrl ? (
        <p>
          <a href={session.minutesUrl} rel="noopener noreferrer">
            Ver el acta publicada
          </a>
        </p>
      ) : null}
      <section aria-labelledby="quorum" className="headline">
        <h2 id="quorum">Quórum</h2>
        <dl>
          <div className="figure">
            <dt>Integrantes con voto</dt>
            <dd data-testid="votantes">{q.voting}</dd>
          </div>
          <div className="figure">
            <dt>Presentes</dt>
            <dd data-testid="presentes">{q.present}</dd>
          </div>
          <div className="figure">
            <dt>Requeridos</dt>
            <dd data-testid="requeridos">{q.required}</dd>
          </div>
          <div className="figure">
            <dt>Quórum</dt>
            <dd data-testid="quorum">{q.met ? 'Sí hubo quórum' : 'No hubo quórum'}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="orden">
        <h2 id="orden">Orden del día</h2>
        {session.agenda.length ? (
          <ol>
            {session.agenda.map((a) => (
              <li key={a.position} value={a.position}>
                {a.text}
              </li>
            ))}
          </ol>
        ) : (
          <p>El acta no registra orden del día.</p>
        )}
      </section>
      {session.functionsAddressed.length ? (
        <section aria-labelledby="funciones">
          <h2 id="funciones">Funciones abordadas</h2>
          <ul>
            {session.functionsAddressed.map((f) => (
              <li key={f.number}>
                {f.number}. {f.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="asistentes">
        <h2 id="asistentes">Asistencia</h2>
        <DataTable
          testId="asistencia"
          caption="Asistencia a la sesión"
          columns={ATTENDANCE_COLUMNS}
          rows={session.attendance}
          rowKey={(a) => a.person.id}
          fileName={`asistencia-${session.instance.code}-${session.year}-${session.number}`}
          empty="El acta no registra asistencia."
        />
      </section>
      <section aria-labelledby="compromisos">
        <h2 id="compromisos">Compromisos</h2>
        <DataTable
          testId="compromisos"
          caption="Compromisos de la sesión"
          columns={COMMITMENT_COLUMNS}
          rows={session.commitments}
          rowKey={(c) => c.id}
          fileName={`compromisos-${session.instance.code}-${session.year}-${session.number}`}
          empty="La sesión no registra compromisos."
        />
      </section>
      <section aria-labelledby="revisiones">
        <h2 id="revisiones">Revisión de productos</h2>
        <DataTable
          testId="revisiones"
          caption="Productos revisados en la sesión"
          columns={REVIEW_COLUMNS}
          rows={session.reviews}
          rowKey={(r) => r.id}
          fileName={`revisiones-${session.instance.code}-${session.year}-${session.number}`}
          empty="La sesión no revisó productos."
        />
      </section>
    </>
  );
}
