import { Link, useParams, useSearchParams } from 'react-router';
import { DataTable, type Column } from '../components/data-table';
import { ReportButtons } from '../components/report-buttons';
import { ErrorMessage, Loading, NotFound } from '../components/status';
import { formatPercent, formatShortDate, isIsoDate, todayInBogota } from '../format';
import type { InstancePageQuery } from '../gql/graphql';
import { useInstancePage } from '../hooks/page-data';
import { useTitle } from '../hooks/use-title';
import {
  COMMITMENT_STATUS_LABEL,
  entityLabel,
  INSTANCE_KIND_LABEL,
  MEMBERSHIP_ROLE_LABEL,
  SESSION_STATUS_LABEL,
  SESSION_TYPE_LABEL,
} from '../labels';

type Instance = NonNullable<InstancePageQuery['instance']>;
type Session = Instance['sessions'][number];
type Membership = Instance['memberships'][number];
type Commitment = InstancePageQuery['commitments']['nodes'][number];
type SessionCount = Instance['stats']['sessions'][number];

/** The period of the page: `desde`/`hasta` from the URL, else the current calendar year up to today. */
export function instancePeriod(params: URLSearchParams, today: string): { from: string; to: string; problems: string[] } {
  const problems: string[] = [];
  const desde = params.get('desde');
  const hasta = params.get('hasta');
  if (desde !== null && !isIsoDate(desde)) problems.push(`desde=${desde} no es una fecha AAAA-MM-DD.`);
  if (hasta !== null && !isIsoDate(hasta)) problems.push(`hasta=${hasta} no es una fecha AAAA-MM-DD.`);
  let from = isIsoDate(desde) ? desde : `${today.slice(0, 4)}-01-01`;
  let to = isIsoDate(hasta) ? hasta : isIsoDate(desde) ? `${desde.slice(0, 4)}-12-31` : `${today.slice(0, 4)}-12-31`;
  if (from > to) {
    problems.push('«desde» es posterior a «hasta»: se intercambiaron.');
    [from, to] = [to, from];
  }
  return { from, to, problems };
}

const COUNT_COLUMNS: Column<SessionCount>[] = [
  { header: 'Tipo de sesión', text: (s) => SESSION_TYPE_LABEL[s.type], rowHeader: true },
  { header: 'Programadas', text: (s) => String(s.programmed), value: (s) => s.programmed, numeric: true },
  { header: 'Realizadas', text: (s) => String(s.held), value: (s) => s.held, numeric: true },
  {
    header: 'Cumplimiento',
    text: (s) => (s.compliance == null ? '—' : formatPercent(s.compliance)),
    value: (s) => s.compliance,
    numberFormat: '0.0%',
    numeric: true,
  },
];

function sessionPath(code: string, s: { year: number; number: number }) {
  return `/instancias/${encodeURIComponent(code)}/sesiones/${s.year}/${s.number}`;
}

/** The attendance matrix as secretariats keep it: one row per member, one column per held session. */
function attendanceColumns(sessions: Session[]): Column<Membership>[] {
  const mark = (m: Membership, s: Session) => {
    const a = s.attendance.find((x) => x.person.id === m.person.id);
    if (!a) return '';
    if (a.delegated) return 'D';
    return a.attended ? 'X' : '';
  };
  return [
    { header: 'Integrante', text: (m) => m.person.name, rowHeader: true },
    { header: 'Entidad', text: (m) => entityLabel(m.person.entity) },
    { header: 'Rol', text: (m) => MEMBERSHIP_ROLE_LABEL[m.role] },
    ...sessions.map(
      (s): Column<Membership> => ({
        header: `${formatShortDate(s.date)} (acta ${s.number})`,
        text: (m) => mark(m, s),
        render: (m) => {
          const v = mark(m, s);
          return v ? (
            <span aria-label={v === 'D' ? 'Asistió por delegación' : 'Asistió'}>{v}</span>
          ) : (
            <span aria-label="No asistió">·</span>
          );
        },
      }),
    ),
    {
      header: 'Asistencia en el periodo',
      text: (m) => (m.attendanceRate == null ? '—' : formatPercent(m.attendanceRate)),
      value: (m) => m.attendanceRate,
      numberFormat: '0.0%',
      numeric: true,
    },
  ];
}

function sessionColumns(code: string): Column<Session>[] {
  return [
    {
      header: 'Acta',
      text: (s) => `${s.number} de ${s.year}`,
      rowHeader: true,
      render: (s) => <Link to={sessionPath(code, s)}>{`Acta ${s.number} de ${s.year}`}</Link>,
    },
    { header: 'Fecha', text: (s) => formatShortDate(s.date) },
    { header: 'Tipo', text: (s) => SESSION_TYPE_LABEL[s.type] },
    { header: 'Estado', text: (s) => SESSION_STATUS_LABEL[s.status] },
    { header: 'Presentes con voto', text: (s) => String(s.quorum.present), value: (s) => s.quorum.present, numeric: true },
    { header: 'Requeridos', text: (s) => String(s.quorum.required), value: (s) => s.quorum.required, numeric: true },
    { header: 'Quórum', text: (s) => (s.quorum.met ? 'Sí' : 'No') },
  ];
}

function commitmentColumns(code: string, overdue: Set<string>): Column<Commitment>[] {
  return [
    { header: 'Compromiso', text: (c) => c.text, rowHeader: true },
    { header: 'Entidad responsable', text: (c) => entityLabel(c.responsibleEntity) },
    { header: 'Fecha límite', text: (c) => (c.dueDate ? formatShortDate(c.dueDate) : '') },
    { header: 'Estado', text: (c) => (overdue.has(c.id) ? 'Vencido' : COMMITMENT_STATUS_LABEL[c.status]) },
    {
      header: 'Sesión',
      text: (c) => `Acta ${c.session.number} de ${c.session.year}`,
      render: (c) => <Link to={sessionPath(code, c.session)}>{`Acta ${c.session.number} de ${c.session.year}`}</Link>,
    },
  ];
}

/** `/instancias/:code?desde=&hasta=`: sessions, attendance matrix, quorum, function coverage, commitments. */
export function InstancePage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const today = todayInBogota();
  const { from, to, problems } = instancePeriod(params, today);
  const overdueBefore = to < today ? to : today;
  const state = useInstancePage(code, from, to, overdueBefore);
  const instance = state.data?.instance ?? null;
  useTitle(instance ? instance.name : code);
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading what="la instancia" />;
  if (!instance) return <NotFound message={`No existe una instancia con el código «${code}».`} />;
  const held = instance.sessions.filter((s) => s.status === 'REALIZADA');
  const overdue = new Set(state.data.overdue.nodes.map((c) => c.id));
  const commitments = state.data.commitments.nodes.filter((c) => c.session.date >= from && c.session.date <= to);
  const stats = instance.stats;
  const setPeriod = (key: 'desde' | 'hasta', value: string) => {
    if (!isIsoDate(value)) return;
    const next = new URLSearchParams(params);
    next.set('desde', key === 'desde' ? value : from);
    next.set('hasta', key === 'hasta' ? value : to);
    setParams(next);
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Inicio</Link> › Instancia
      </p>
      <h1>{instance.name}</h1>
      <p className="lead">
        {INSTANCE_KIND_LABEL[instance.kind]} · Secretaría técnica: {instance.technicalSecretariat?.name ?? 'sin registrar'}
        {instance.territory ? ` · ${instance.territory}` : ''}
        {instance.legalBasis ? ` · ${instance.legalBasis}` : ''}
      </p>
      {problems.length ? (
        <div className="notice" role="status">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <form className="filters" aria-label="Periodo" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-desde">Desde</label>
          <input id="f-desde" type="date" value={from} onChange={(e) => setPeriod('desde', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-hasta">Hasta</label>
          <input id="f-hasta" type="date" value={to} onChange={(e) => setPeriod('hasta', e.target.value)} />
        </div>
      </form>
      <ReportButtons
        label="Informes generados"
        links={[
          {
            label: 'Descargar informe de gestión (.docx)',
            url: `/informes/instancias/${encodeURIComponent(instance.code)}.docx?desde=${from}&hasta=${to}`,
            fileName: `informe-gestion-${instance.code}-${from}-${to}.docx`,
            testId: 'descargar-informe-gestion',
          },
        ]}
      />
      <section aria-labelledby="resumen" className="headline">
        <h2 id="resumen">
          Del {formatShortDate(stats.from)} al {formatShortDate(stats.to)}
        </h2>
        <dl>
          <div className="figure">
            <dt>Cobertura de funciones</dt>
            <dd data-testid="cobertura">{stats.functionCoverage == null ? '—' : formatPercent(stats.functionCoverage)}</dd>
          </div>
          <div className="figure">
            <dt>Compromisos abiertos</dt>
            <dd data-testid="compromisos-abiertos">{stats.commitments.open}</dd>
          </div>
          <div className="figure">
            <dt>Cumplidos</dt>
            <dd data-testid="compromisos-cumplidos">{stats.commitments.done}</dd>
          </div>
          <div className="figure">
            <dt>Vencidos</dt>
            <dd data-testid="compromisos-vencidos">{stats.commitments.overdue}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="sesiones">
        <h2 id="sesiones">Sesiones realizadas frente a programadas</h2>
        <DataTable
          testId="sesiones-tipo"
          caption="Sesiones por tipo"
          columns={COUNT_COLUMNS}
          rows={stats.sessions}
          rowKey={(s) => s.type}
          fileName={`sesiones-${instance.code}-${from}-${to}`}
        />
        <DataTable
          testId="sesiones"
          caption="Sesiones del periodo y su quórum"
          columns={sessionColumns(instance.code)}
          rows={instance.sessions}
          rowKey={(s) => `${s.year}-${s.number}`}
          fileName={`quorum-${instance.code}-${from}-${to}`}
          empty="No hay sesiones en el periodo."
        />
      </section>
      <section aria-labelledby="asistencia">
        <h2 id="asistencia">Asistencia</h2>
        <DataTable
          testId="asistencia"
          caption="Matriz de asistencia (X asistió, D por delegación)"
          columns={attendanceColumns(held)}
          rows={instance.memberships}
          rowKey={(m) => m.id}
          fileName={`asistencia-${instance.code}-${from}-${to}`}
          empty="La instancia no tiene integrantes registrados."
          note="La última columna es la asistencia de cada integrante sobre las sesiones realizadas mientras lo era, calculada por el servidor."
        />
      </section>
      <section aria-labelledby="funciones">
        <h2 id="funciones">Funciones</h2>
        {instance.functions.length ? (
          <ol className="functions">
            {instance.functions.map((f) => (
              <li key={f.number} value={f.number}>
                {f.text}
              </li>
            ))}
          </ol>
        ) : (
          <p>La instancia no tiene funciones registradas.</p>
        )}
      </section>
      <section aria-labelledby="compromisos">
        <h2 id="compromisos">Compromisos</h2>
        <DataTable
          testId="compromisos"
          caption="Compromisos de las sesiones del periodo"
          columns={commitmentColumns(instance.code, overdue)}
          rows={commitments}
          rowKey={(c) => c.id}
          fileName={`compromisos-${instance.code}-${from}-${to}`}
          empty="No hay compromisos en el periodo."
        />
      </section>
    </>
  );
}
