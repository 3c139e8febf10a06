import { Link } from 'react-router';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage, Loading } from '../components/status';
import { formatLongDate, formatPercent, formatSignedPercent, todayInBogota } from '../format';
import type { HomePageQuery } from '../gql/graphql';
import { useHomePage } from '../hooks/page-data';
import { useTitle } from '../hooks/use-title';
import { entityLabel, INSTANCE_KIND_LABEL, SESSION_TYPE_PLURAL } from '../labels';

type PolicyRow = HomePageQuery['policies']['nodes'][number];
type InstanceRow = HomePageQuery['instances']['nodes'][number];

const POLICY_COLUMNS: Column<PolicyRow>[] = [
  { header: 'Código', text: (p) => p.code },
  {
    header: 'Política',
    text: (p) => p.name,
    rowHeader: true,
    render: (p) => <Link to={`/politicas/${encodeURIComponent(p.code)}`}>{p.name}</Link>,
  },
  { header: 'Entidad líder', text: (p) => entityLabel(p.leadEntity) },
  { header: 'Horizonte', text: (p) => `${p.startYear}–${p.endYear}` },
  { header: 'Productos', text: (p) => String(p.progress.total.productCount), value: (p) => p.progress.total.productCount, numeric: true },
  {
    header: 'Avance a la fecha',
    text: (p) => formatPercent(p.progress.total.toDate.progress),
    value: (p) => p.progress.total.toDate.progress,
    numberFormat: '0.0%',
    numeric: true,
  },
  {
    header: 'Ideal a la fecha',
    text: (p) => formatPercent(p.progress.total.toDate.ideal),
    value: (p) => p.progress.total.toDate.ideal,
    numberFormat: '0.0%',
    numeric: true,
  },
  {
    header: 'Brecha',
    text: (p) => formatSignedPercent(p.progress.total.toDate.gap),
    value: (p) => p.progress.total.toDate.gap,
    numberFormat: '+0.0%;-0.0%;0.0%',
    numeric: true,
  },
  {
    header: 'Verde',
    text: (p) => formatPercent(p.progress.total.shares.green),
    value: (p) => p.progress.total.shares.green,
    numberFormat: '0.0%',
    numeric: true,
  },
  {
    header: 'Amarillo',
    text: (p) => formatPercent(p.progress.total.shares.yellow),
    value: (p) => p.progress.total.shares.yellow,
    numberFormat: '0.0%',
    numeric: true,
  },
  {
    header: 'Rojo',
    text: (p) => formatPercent(p.progress.total.shares.red),
    value: (p) => p.progress.total.shares.red,
    numberFormat: '0.0%',
    numeric: true,
  },
];

function sessionsText(i: InstanceRow): string {
  const parts = i.stats.sessions.map((s) => `${SESSION_TYPE_PLURAL[s.type]}: ${s.held} de ${s.programmed}`);
  return parts.length ? parts.join(' · ') : 'Sin sesiones programadas';
}

const INSTANCE_COLUMNS: Column<InstanceRow>[] = [
  { header: 'Código', text: (i) => i.code },
  {
    header: 'Instancia',
    text: (i) => i.name,
    rowHeader: true,
    render: (i) => <Link to={`/instancias/${encodeURIComponent(i.code)}`}>{i.name}</Link>,
  },
  { header: 'Tipo', text: (i) => INSTANCE_KIND_LABEL[i.kind] },
  { header: 'Secretaría técnica', text: (i) => entityLabel(i.technicalSecretariat) },
  { header: 'Sesiones este año (realizadas de programadas)', text: sessionsText },
];

/** `/`: the policies with their figures at today's cut and the instances with this year's sessions. */
export function HomePage() {
  useTitle(null);
  const today = todayInBogota();
  const year = today.slice(0, 4);
  const state = useHomePage(`${year}-01-01`, today);
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading what="las políticas y las instancias" />;
  const { policies, instances } = state.data;
  const cut = policies.nodes[0]?.progress.cut ?? today;
  return (
    <>
      <h1>Políticas públicas e instancias de coordinación</h1>
      <section aria-labelledby="politicas">
        <h2 id="politicas">Políticas</h2>
        <p className="lead">
          Avance a la fecha frente a la trayectoria ideal y semáforo de los productos con corte de hoy ({formatLongDate(cut)}). Verde
          incluye los productos no exigibles, como lo hace la oficina.
        </p>
        <DataTable
          testId="tabla-politicas"
          caption="Políticas con su avance a la fecha de hoy"
          columns={POLICY_COLUMNS}
          rows={policies.nodes}
          rowKey={(p) => p.code}
          fileName={`politicas-${cut}`}
          empty="Todavía no hay políticas cargadas."
        />
      </section>
      <section aria-labelledby="instancias">
        <h2 id="instancias">Instancias de coordinación</h2>
        <DataTable
          testId="tabla-instancias"
          caption={`Instancias y sus sesiones de ${year}`}
          columns={INSTANCE_COLUMNS}
          rows={instances.nodes}
          rowKey={(i) => i.code}
          fileName={`instancias-${year}`}
          empty="Todavía no hay instancias cargadas."
        />
      </section>
    </>
  );
}
