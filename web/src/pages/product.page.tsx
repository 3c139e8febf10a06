import { useEffect, useMemo, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { productTrajectoryChart } from '../../../src/charts/product-trajectory-chart';
import { ChartView, loadCharts } from '../components/chart-view';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage, Loading, NotFound } from '../components/status';
import {
  formatDateTime,
  formatLongDate,
  formatNumber,
  formatOptionalNumber,
  formatPercent,
  formatShortDate,
  formatSignedPercent,
  isIsoDate,
} from '../format';
import type { Periodicity, ProductPageQuery } from '../gql/graphql';
import { useProductPage } from '../hooks/page-data';
import { useTitle } from '../hooks/use-title';
import { TRAFFIC_LIGHT_LABEL } from '../labels';

type Product = NonNullable<ProductPageQuery['product']>;
type Point = Product['trajectory'][number];
type Report = Product['reports'][number];
type Goal = Product['goals'][number];
type Change = Report['history'][number] & { year: number; period: string };

const ANNUALIZATION_LABEL = { SUMA: 'Suma', CONSTANTE: 'Constante', CRECIENTE: 'Creciente', DECRECIENTE: 'Decreciente' } as const;
const PERIODICITY_LABEL: Record<Periodicity, string> = {
  MENSUAL: 'Mensual',
  BIMESTRAL: 'Bimestral',
  TRIMESTRAL: 'Trimestral',
  CUATRIMESTRAL: 'Cuatrimestral',
  SEMESTRAL: 'Semestral',
  ANUAL: 'Anual',
  BIENAL: 'Bienal',
  TRIENAL: 'Trienal',
  CUATRIENAL: 'Cuatrienal',
  QUINQUENAL: 'Quinquenal',
};

function periodLabel(year: number, period: string | null): string {
  return period && period !== 'ANUAL' ? `${year} ${period}` : String(year);
}

const GOAL_COLUMNS: Column<Goal>[] = [
  { header: 'Vigencia', text: (g) => String(g.year), value: (g) => g.year, numeric: true },
  { header: 'Periodo', text: (g) => g.period ?? 'Año completo' },
  { header: 'Meta', text: (g) => formatNumber(g.value, 4), value: (g) => g.value, numeric: true },
];

const REPORT_COLUMNS: Column<Report>[] = [
  { header: 'Vigencia', text: (r) => String(r.year), value: (r) => r.year, numeric: true },
  { header: 'Periodo', text: (r) => r.period },
  { header: 'Valor reportado', text: (r) => formatNumber(r.value, 4), value: (r) => r.value, numeric: true },
  { header: 'Avance cualitativo', text: (r) => r.qualitative ?? '' },
  { header: 'Dificultades', text: (r) => r.difficulties ?? '' },
  { header: 'Evidencia', text: (r) => r.evidence ?? '' },
  { header: 'Reportado por', text: (r) => r.reportedBy ?? '' },
  { header: 'Actualizado', text: (r) => formatDateTime(r.updatedAt) },
];

const POINT_COLUMNS: Column<Point>[] = [
  { header: 'Periodo', text: (p) => periodLabel(p.year, p.period), rowHeader: true },
  { header: 'Cierre', text: (p) => formatShortDate(p.periodEnd) },
  {
    header: 'Meta a la fecha',
    text: (p) => formatOptionalNumber(p.progress.goalToDate, 4),
    value: (p) => p.progress.goalToDate,
    numeric: true,
  },
  { header: 'Logro acumulado', text: (p) => formatNumber(p.progress.achieved, 4), value: (p) => p.progress.achieved, numeric: true },
  {
    header: 'Avance a la fecha',
    text: (p) => (p.progress.due && p.progress.toDate ? formatPercent(p.progress.toDate.progress) : ''),
    value: (p) => (p.progress.due && p.progress.toDate ? p.progress.toDate.progress : null),
    numberFormat: '0.0%',
    numeric: true,
  },
  {
    header: 'Semáforo',
    text: (p) => TRAFFIC_LIGHT_LABEL[p.progress.trafficLight],
    render: (p) => (
      <span className={`light light-${p.progress.trafficLight.toLowerCase()}`}>{TRAFFIC_LIGHT_LABEL[p.progress.trafficLight]}</span>
    ),
  },
];

const CHANGE_COLUMNS: Column<Change>[] = [
  { header: 'Periodo', text: (c) => periodLabel(c.year, c.period) },
  { header: 'Fecha del cambio', text: (c) => formatDateTime(c.changedAt) },
  { header: 'Valor anterior', text: (c) => formatNumber(c.previousValue, 4), value: (c) => c.previousValue, numeric: true },
  { header: 'Valor nuevo', text: (c) => formatNumber(c.newValue, 4), value: (c) => c.newValue, numeric: true },
];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sheet-field">
      <dt>{label}</dt>
      <dd>{children === null || children === undefined || children === '' ? '—' : children}</dd>
    </div>
  );
}

/** `/politicas/:code/productos/:productCode?corte=`: the product sheet, goals, reports, trajectory and changes. */
export function ProductPage() {
  const { code = '', productCode = '' } = useParams();
  const [params] = useSearchParams();
  const corte = params.get('corte');
  const cut = isIsoDate(corte) ? corte : null;
  const state = useProductPage(code, productCode, cut);
  const product = state.data?.product ?? null;
  useTitle(product ? `${product.code} ${product.name}` : productCode);
  useEffect(() => void loadCharts().catch(() => undefined), []);
  const chart = useMemo(
    () =>
      product
        ? productTrajectoryChart(
            product.trajectory.map((p) => ({
              label: periodLabel(p.year, p.period),
              achieved: p.progress.achieved,
              goalToDate: p.progress.goalToDate,
            })),
          )
        : null,
    [product],
  );
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading what="el producto" />;
  if (!product || !chart) return <NotFound message={`No existe el producto «${productCode}» en la política «${code}».`} />;
  const p = product.progress;
  const changes: Change[] = product.reports.flatMap((r) => r.history.map((h) => ({ ...h, year: r.year, period: r.period })));
  const policyLink = `/politicas/${encodeURIComponent(product.policy.code)}${cut ? `?corte=${cut}` : ''}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Inicio</Link> › <Link to={policyLink}>{product.policy.name}</Link> › Producto
      </p>
      <h1>
        {product.code} {product.name}
      </h1>
      <section aria-labelledby="cifras" className="headline">
        <h2 id="cifras">Cifras con corte a {formatLongDate(p.cut)}</h2>
        <dl>
          <div className="figure">
            <dt>Semáforo</dt>
            <dd data-testid="semaforo">
              <span className={`light light-${p.trafficLight.toLowerCase()}`}>{TRAFFIC_LIGHT_LABEL[p.trafficLight]}</span>
            </dd>
          </div>
          <div className="figure">
            <dt>Avance a la fecha</dt>
            <dd data-testid="avance-fecha">{p.due && p.toDate ? formatPercent(p.toDate.progress) : 'No exigible'}</dd>
          </div>
          <div className="figure">
            <dt>Brecha a la fecha</dt>
            <dd data-testid="brecha-fecha">{p.due && p.toDate ? formatSignedPercent(p.toDate.gap) : '—'}</dd>
          </div>
          <div className="figure">
            <dt>Avance acumulado (meta final)</dt>
            <dd data-testid="avance-acumulado">{formatPercent(p.cumulative.progress)}</dd>
          </div>
          <div className="figure">
            <dt>Logro / meta a la fecha</dt>
            <dd data-testid="logro">
              {formatNumber(p.achieved, 4)} / {formatOptionalNumber(p.goalToDate, 4)}
            </dd>
          </div>
          <div className="figure">
            <dt>Meta final</dt>
            <dd data-testid="meta-final">{formatNumber(p.finalGoal, 4)}</dd>
          </div>
        </dl>
        {p.missingReport ? <p className="notice">Falta el reporte del último periodo cerrado.</p> : null}
        {p.overExecution ? <p className="notice">El producto supera su meta (sobreejecución).</p> : null}
      </section>
      <section aria-labelledby="hoja">
        <h2 id="hoja">Hoja de vida</h2>
        <dl className="sheet">
          <Field label="Entidad responsable">{product.responsibleEntity.name}</Field>
          <Field label="Corresponsables">{product.coResponsibleEntities.map((e) => e.name).join('; ')}</Field>
          <Field label="Sector">{product.sector?.name}</Field>
          <Field label="Objetivo específico">{`${product.objective.number}. ${product.objective.text}`}</Field>
          <Field label="Indicador">{product.indicator}</Field>
          <Field label="Fórmula">{product.formula}</Field>
          <Field label="Unidad de medida">{product.unit}</Field>
          <Field label="Tipo de anualización">{ANNUALIZATION_LABEL[product.annualizationType]}</Field>
          <Field label="Periodicidad del reporte">{PERIODICITY_LABEL[product.periodicity]}</Field>
          <Field label="Línea base">
            {product.baselineValue != null
              ? `${formatNumber(product.baselineValue, 4)}${product.baselineDate ? ` (${formatShortDate(product.baselineDate)})` : ''}${product.baselineSource ? ` · ${product.baselineSource}` : ''}`
              : ''}
          </Field>
          <Field label="Meta final">
            {product.finalGoal != null ? formatNumber(product.finalGoal, 4) : 'Derivada de las metas anuales'}
          </Field>
          <Field label="Ponderador">{product.weight != null ? formatPercent(product.weight, 2) : ''}</Field>
          <Field label="Población objetivo">{product.targetPopulation}</Field>
          <Field label="Enfoque">{product.focus}</Field>
          <Field label="ODS">{product.sdg}</Field>
          <Field label="Relación con el Plan de Desarrollo">{product.developmentPlanLink}</Field>
        </dl>
      </section>
      <section aria-labelledby="trayectoria">
        <h2 id="trayectoria">Logro frente a la meta en el tiempo</h2>
        <ChartView
          testId="grafico-trayectoria"
          title="Logro acumulado y meta a la fecha al cierre de cada periodo"
          summary={
            product.trajectory.length
              ? `${product.trajectory.length === 1 ? '1 periodo cerrado' : `${product.trajectory.length} periodos cerrados`}; al último cierre, logro ${formatNumber(product.trajectory[product.trajectory.length - 1].progress.achieved, 4)}.`
              : 'Todavía no hay periodos cerrados a la fecha de corte.'
          }
          option={chart}
          alternative={<p>Los datos del gráfico están en la tabla «Semáforo al cierre de cada periodo».</p>}
        />
        <DataTable
          testId="historial-semaforo"
          caption="Semáforo al cierre de cada periodo"
          columns={POINT_COLUMNS}
          rows={product.trajectory}
          rowKey={(r) => `${r.year}-${r.period}`}
          fileName={`trayectoria-${product.policy.code}-${product.code}`}
          empty="Todavía no hay periodos cerrados."
        />
      </section>
      <section aria-labelledby="metas">
        <h2 id="metas">Metas por vigencia</h2>
        <DataTable
          testId="metas"
          caption="Metas por vigencia y periodo"
          columns={GOAL_COLUMNS}
          rows={product.goals}
          rowKey={(g) => `${g.year}-${g.period ?? ''}`}
          fileName={`metas-${product.policy.code}-${product.code}`}
          empty="El producto no tiene metas registradas."
        />
      </section>
      <section aria-labelledby="reportes">
        <h2 id="reportes">Reportes de avance</h2>
        <DataTable
          testId="reportes"
          caption="Reportes por vigencia y periodo"
          columns={REPORT_COLUMNS}
          rows={product.reports}
          rowKey={(r) => r.id}
          fileName={`reportes-${product.policy.code}-${product.code}`}
          empty="Todavía no hay reportes."
        />
      </section>
      <section aria-labelledby="cambios">
        <h2 id="cambios">Historial de cambios de los valores reportados</h2>
        <DataTable
          testId="cambios"
          caption="Cambios de valores reportados"
          columns={CHANGE_COLUMNS}
          rows={changes}
          rowKey={(c, i) => `${c.year}-${c.period}-${i}`}
          fileName={`cambios-${product.policy.code}-${product.code}`}
          empty="Ningún valor reportado ha cambiado."
        />
      </section>
    </>
  );
}
