import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  cumulativeProgressChart,
  objectivesChart,
  sectorsChart,
  sectorsChartHeight,
  toDateProgressChart,
  trafficLightChart,
} from '../../../src/charts';
import { PublishCutMutation } from '../api/operations';
import { useViewer } from '../auth/viewer-context';
import { AppLink } from '../components/app-link';
import { ChartView, loadCharts } from '../components/chart-view';
import { DataTable, type Column } from '../components/data-table';
import { ReportButtons } from '../components/report-buttons';
import { ErrorMessage, Loading, NotFound } from '../components/status';
import { formatDateTime, formatLongDate, formatPercent, formatSignedPercent } from '../format';
import type { PolicyPageQuery, ReportBasis } from '../gql/graphql';
import { usePolicyPage } from '../hooks/page-data';
import { useApiMutation } from '../hooks/use-api-mutation';
import { useTitle } from '../hooks/use-title';
import { entityLabel, TRAFFIC_LIGHT_LABEL } from '../labels';
import { PolicyFilters } from './policy-filters.form';
import { hasFilters, invalidPolicyParams, parsePolicyUrl, toProductFilter, toUrlParams, type PolicyUrlState } from './policy-filters';

type Policy = NonNullable<PolicyPageQuery['policy']>;
type AnnexRow = Policy['products']['nodes'][number];
type Progress = Policy['progress'];

function LightBadge({ light }: { light: AnnexRow['progress']['trafficLight'] }) {
  return <span className={`light light-${light.toLowerCase()}`}>{TRAFFIC_LIGHT_LABEL[light]}</span>;
}

function productLink(policyCode: string, productCode: string, cut: string | null, children: ReactNode) {
  const query = cut ? `?corte=${cut}` : '';
  return (
    <AppLink to={`/politicas/${encodeURIComponent(policyCode)}/productos/${encodeURIComponent(productCode)}${query}`}>{children}</AppLink>
  );
}

function annexColumns(policyCode: string, cut: string | null): Column<AnnexRow>[] {
  return [
    { header: 'Objetivo', text: (p) => String(p.objective.number), value: (p) => p.objective.number, numeric: true },
    { header: 'Código', text: (p) => p.code },
    { header: 'Producto', text: (p) => p.name, rowHeader: true, render: (p) => productLink(policyCode, p.code, cut, p.name) },
    { header: 'Indicador', text: (p) => p.indicator },
    { header: 'Entidad responsable', text: (p) => entityLabel(p.responsibleEntity) },
    { header: 'Sector', text: (p) => p.sector?.name ?? '' },
    {
      header: 'Semáforo',
      text: (p) => TRAFFIC_LIGHT_LABEL[p.progress.trafficLight],
      render: (p) => <LightBadge light={p.progress.trafficLight} />,
    },
    {
      header: 'Avance a la fecha',
      text: (p) => (p.progress.due && p.progress.toDate ? formatPercent(p.progress.toDate.progress) : ''),
      value: (p) => (p.progress.due && p.progress.toDate ? p.progress.toDate.progress : null),
      numberFormat: '0.0%',
      numeric: true,
    },
    {
      header: 'Observación',
      text: (p) =>
        [p.progress.missingReport ? 'Sin reporte' : '', p.progress.overExecution ? 'Sobreejecución' : ''].filter(Boolean).join(', '),
    },
  ];
}

function Headline({ progress, basis }: { progress: Progress; basis: ReportBasis }) {
  const { toDate, cumulative, pendingReviewCount } = progress.total;
  const item = (label: string, value: string, testId: string) => (
    <div className="figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="titular" className="headline">
      <h2 id="titular">Resumen con corte a {formatLongDate(progress.cut)}</h2>
      <p className="basis-note" data-testid="pendientes-revision">
        {basis === 'APPROVED'
          ? 'Cifras con los valores aprobados por la oficina.'
          : 'Cifras con los últimos valores enviados (incluye los que esperan revisión).'}{' '}
        {pendingReviewCount === 0
          ? 'Ningún producto tiene reportes pendientes de revisión.'
          : pendingReviewCount === 1
            ? '1 producto tiene reportes pendientes de revisión.'
            : `${pendingReviewCount} productos tienen reportes pendientes de revisión.`}
      </p>
      <div className="headline-groups">
        <div>
          <h3>A la fecha (vigencias transcurridas)</h3>
          <dl>
            {item('Avance', formatPercent(toDate.progress), 'avance-fecha')}
            {item('Ideal', formatPercent(toDate.ideal), 'ideal-fecha')}
            {item('Brecha', formatSignedPercent(toDate.gap), 'brecha-fecha')}
          </dl>
        </div>
        <div>
          <h3>Frente a la meta final de la política</h3>
          <dl>
            {item('Avance acumulado', formatPercent(cumulative.progress), 'avance-acumulado')}
            {item('Ideal', formatPercent(cumulative.ideal), 'ideal-acumulado')}
            {item('Brecha', formatSignedPercent(cumulative.gap), 'brecha-acumulada')}
          </dl>
        </div>
      </div>
    </section>
  );
}

function MeasureTable({ rows, caption }: { rows: { label: string; progress: number; ideal: number; gap: number }[]; caption: string }) {
  return (
    <table className="compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col" className="num">
            Trayectoria ideal
          </th>
          <th scope="col" className="num">
            Avance
          </th>
          <th scope="col" className="num">
            Brecha
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatPercent(r.ideal)}</td>
            <td className="num">{formatPercent(r.progress)}</td>
            <td className="num">{formatSignedPercent(r.gap)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Charts({ progress }: { progress: Progress }) {
  const { total } = progress;
  const options = useMemo(
    () => ({
      cumulative: cumulativeProgressChart(total.cumulative),
      toDate: toDateProgressChart(total.toDate),
      objectives: objectivesChart(
        progress.byObjective.map((o) => ({ number: o.objective.number, name: o.objective.text, toDate: o.progress.toDate })),
      ),
      lights: trafficLightChart({ shares: total.shares, counts: total.lights }),
      sectors: sectorsChart(
        progress.bySector.map((s) => ({ name: s.sector.name, productCount: s.progress.productCount, lights: s.progress.lights })),
      ),
    }),
    [progress, total],
  );
  return (
    <section aria-labelledby="graficos" className="charts">
      <h2 id="graficos">Gráficos</h2>
      <div className="chart-grid">
        <ChartView
          testId="grafico-1"
          title="Gráfico 1. Avance acumulado frente a la meta final"
          summary={`Avance acumulado ${formatPercent(total.cumulative.progress)}, trayectoria ideal ${formatPercent(total.cumulative.ideal)}, brecha ${formatSignedPercent(total.cumulative.gap)}.`}
          option={options.cumulative}
          alternative={<MeasureTable caption="Avance acumulado" rows={[{ label: 'Política', ...total.cumulative }]} />}
        />
        <ChartView
          testId="grafico-2"
          title="Gráfico 2. Avance a la fecha frente a la trayectoria ideal"
          summary={`Avance a la fecha ${formatPercent(total.toDate.progress)}, trayectoria ideal ${formatPercent(total.toDate.ideal)}, brecha ${formatSignedPercent(total.toDate.gap)}.`}
          option={options.toDate}
          alternative={<MeasureTable caption="Avance a la fecha" rows={[{ label: 'Política', ...total.toDate }]} />}
        />
        <ChartView
          testId="grafico-3"
          title="Gráfico 3. Avance de la política por objetivos"
          summary={`${progress.byObjective.length} objetivos: trayectoria ideal, avance y brecha a la fecha de cada uno, en peso de la política.`}
          option={options.objectives}
          alternative={
            <MeasureTable
              caption="Avance por objetivo (a la fecha)"
              rows={progress.byObjective.map((o) => ({ label: `Objetivo ${o.objective.number}`, ...o.progress.toDate }))}
            />
          }
        />
        <ChartView
          testId="grafico-4"
          title="Gráfico 4. Estado de avance de los productos (semáforo)"
          summary={`Verde (alto y no exigibles) ${formatPercent(total.shares.green)}, amarillo ${formatPercent(total.shares.yellow)}, rojo ${formatPercent(total.shares.red)} de ${total.productCount} productos.`}
          option={options.lights}
          alternative={
            <table className="compact">
              <caption>Productos por semáforo</caption>
              <thead>
                <tr>
                  <th scope="col">Semáforo</th>
                  <th scope="col" className="num">
                    Productos
                  </th>
                  <th scope="col" className="num">
                    Participación
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Verde: alto / no exigible</th>
                  <td className="num">
                    {total.lights.alto} / {total.lights.notDue}
                  </td>
                  <td className="num">{formatPercent(total.shares.green)}</td>
                </tr>
                <tr>
                  <th scope="row">Amarillo: medio</th>
                  <td className="num">{total.lights.medio}</td>
                  <td className="num">{formatPercent(total.shares.yellow)}</td>
                </tr>
                <tr>
                  <th scope="row">Rojo: bajo</th>
                  <td className="num">{total.lights.bajo}</td>
                  <td className="num">{formatPercent(total.shares.red)}</td>
                </tr>
              </tbody>
            </table>
          }
        />
        <ChartView
          testId="grafico-5"
          title="Gráfico 5. Productos por sector responsable"
          summary={`${progress.bySector.length} sectores con el número de productos de cada uno por semáforo.`}
          option={options.sectors}
          height={sectorsChartHeight(progress.bySector.length)}
          alternative={
            <table className="compact">
              <caption>Productos por sector y semáforo</caption>
              <thead>
                <tr>
                  <th scope="col">Sector</th>
                  <th scope="col" className="num">
                    Productos
                  </th>
                  <th scope="col" className="num">
                    Alto
                  </th>
                  <th scope="col" className="num">
                    No exigible
                  </th>
                  <th scope="col" className="num">
                    Medio
                  </th>
                  <th scope="col" className="num">
                    Bajo
                  </th>
                </tr>
              </thead>
              <tbody>
                {progress.bySector.map((s) => (
                  <tr key={s.sector.name}>
                    <th scope="row">{s.sector.name}</th>
                    <td className="num">{s.progress.productCount}</td>
                    <td className="num">{s.progress.lights.alto}</td>
                    <td className="num">{s.progress.lights.notDue}</td>
                    <td className="num">{s.progress.lights.medio}</td>
                    <td className="num">{s.progress.lights.bajo}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>
    </section>
  );
}

function MissingReports({ policy }: { policy: Policy }) {
  const entities = policy.progress.byEntity.filter((e) => e.progress.missingReportCount > 0);
  const products = new Map<string, { code: string; name: string }[]>();
  for (const p of policy.missing.nodes) {
    const list = products.get(p.responsibleEntity.code) ?? [];
    list.push({ code: p.code, name: p.name });
    products.set(p.responsibleEntity.code, list);
  }
  return (
    <section aria-labelledby="sin-reporte">
      <h2 id="sin-reporte">Quién no ha reportado</h2>
      <p className="lead">Entidades con productos sin reporte del último periodo cerrado a la fecha de corte.</p>
      {entities.length === 0 ? (
        <p data-testid="sin-reporte-vacio">Todas las entidades reportaron los periodos cerrados.</p>
      ) : (
        <ul className="missing-list" data-testid="sin-reporte">
          {entities.map((e) => (
            <li key={e.entity.code}>
              <strong>{e.entity.name}</strong>:{' '}
              {e.progress.missingReportCount === 1 ? '1 producto' : `${e.progress.missingReportCount} productos`} sin reporte
              {products.get(e.entity.code)?.length ? (
                <ul>
                  {products.get(e.entity.code)!.map((p) => (
                    <li key={p.code}>{productLink(policy.code, p.code, policy.progress.cut, `${p.code} ${p.name}`)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BasisSwitch({ basis, onChange }: { basis: ReportBasis; onChange: (basis: ReportBasis) => void }) {
  const option = (value: ReportBasis, label: string) => (
    <label>
      <input type="radio" name="base" value={value} checked={basis === value} onChange={() => onChange(value)} /> {label}
    </label>
  );
  return (
    <fieldset className="basis-switch" data-testid="base">
      <legend>Valores reportados que cuentan</legend>
      {option('APPROVED', 'Aprobadas')}
      {option('SUBMITTED', 'Enviadas')}
    </fieldset>
  );
}

function PublishedCuts({ policy, cut, onPublished }: { policy: Policy; cut: string; onPublished: () => void }) {
  const viewer = useViewer();
  const [title, setTitle] = useState('');
  const [publish, state] = useApiMutation(PublishCutMutation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return;
    if (await publish({ policyCode: policy.code, cut, title: title.trim() })) {
      setTitle('');
      onPublished();
    }
  }
  return (
    <section aria-labelledby="cortes-publicados">
      <h2 id="cortes-publicados">Cortes publicados</h2>
      <p className="lead">Cifras que la oficina publicó: quedan congeladas como se calcularon (con los valores aprobados).</p>
      {policy.publishedCuts.length === 0 ? (
        <p data-testid="cortes-vacio">Todavía no se ha publicado ningún corte de esta política.</p>
      ) : (
        <table className="compact" data-testid="cortes-publicados">
          <caption>Cortes publicados, el más reciente primero</caption>
          <thead>
            <tr>
              <th scope="col">Título</th>
              <th scope="col">Corte</th>
              <th scope="col">Publicado</th>
              <th scope="col">Por</th>
            </tr>
          </thead>
          <tbody>
            {policy.publishedCuts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>{formatLongDate(c.cut)}</td>
                <td>{formatDateTime(c.publishedAt)}</td>
                <td>{c.publishedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {viewer.role === 'ADMIN' ? (
        <form className="filters" aria-label="Publicar corte" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="titulo-corte">Título del corte a {formatLongDate(cut)}</label>
            <input
              id="titulo-corte"
              type="text"
              maxLength={300}
              required
              value={title}
              placeholder="Informe de seguimiento 001"
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <button type="submit" disabled={state.running || !title.trim()}>
            {state.running ? 'Publicando…' : 'Publicar corte'}
          </button>
          {state.error ? (
            <p className="inline-error" role="alert">
              {state.error}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

/** `/politicas/:code?corte=…&objetivo=…`: the policy at a cut, its five charts, annex and missing reports. */
export function PolicyPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const url = parsePolicyUrl(params);
  const problems = invalidPolicyParams(params);
  const [version, setVersion] = useState(0);
  const state = usePolicyPage(code, url.cut, toProductFilter(url), url.basis, version);
  const policy = state.data?.policy ?? null;
  useTitle(policy ? policy.name : code);
  useEffect(() => void loadCharts().catch(() => undefined), []);
  const columns = useMemo(() => annexColumns(code, url.cut), [code, url.cut]);
  useEffect(() => {
    // The headline, filters and annex are on screen at the next frame (bench/web.bench.ts reads this mark).
    if (state.status === 'ready') requestAnimationFrame(() => performance.mark('rumbo:policy-rendered'));
  }, [state.status, state.data]);

  function update(next: PolicyUrlState) {
    setParams(toUrlParams(next), { replace: false });
  }

  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading what="la política" />;
  if (!policy) return <NotFound message={`No existe una política con el código «${code}».`} />;
  const cut = policy.progress.cut;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Inicio</Link> › Política
      </p>
      <h1>{policy.name}</h1>
      <p className="lead">
        {policy.code} · Entidad líder: {policy.leadEntity?.name ?? 'sin registrar'} · Horizonte {policy.startYear}–{policy.endYear} (
        {policy.vigencias} vigencias){policy.legalAct ? ` · ${policy.legalAct}` : ''}
      </p>
      {problems.length ? (
        <div className="notice" role="status">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <ReportButtons
        label="Informes generados"
        links={[
          {
            label: 'Descargar informe (.docx)',
            url: `/informes/politicas/${encodeURIComponent(policy.code)}.docx?corte=${cut}`,
            fileName: `informe-${policy.code}-${cut}.docx`,
            testId: 'descargar-informe',
          },
          {
            label: 'Descargar anexo (.xlsx)',
            url: `/informes/politicas/${encodeURIComponent(policy.code)}/anexo.xlsx?corte=${cut}`,
            fileName: `anexo-${policy.code}-${cut}.xlsx`,
            testId: 'descargar-anexo',
          },
        ]}
      />
      <PolicyFilters policy={policy} state={url} cut={cut} onChange={update} />
      <p className="updating" role="status" aria-live="polite">
        {state.status === 'loading' ? 'Actualizando las cifras…' : ''}
      </p>
      <BasisSwitch basis={url.basis} onChange={(basis) => update({ ...url, basis })} />
      <Headline progress={policy.progress} basis={url.basis} />
      <Charts progress={policy.progress} />
      <section aria-labelledby="anexo">
        <h2 id="anexo">Anexo: productos{hasFilters(url) ? ' (filtrados)' : ''}</h2>
        {policy.products.totalCount > policy.products.nodes.length ? (
          <p className="notice">
            Se muestran {policy.products.nodes.length} de {policy.products.totalCount} productos; use los filtros para acotar.
          </p>
        ) : null}
        <DataTable
          testId="anexo"
          caption={`Productos de la política con corte a ${formatLongDate(cut)}`}
          columns={columns}
          rows={policy.products.nodes}
          rowKey={(p) => p.code}
          fileName={`anexo-${policy.code}-${cut}`}
          empty="Ningún producto cumple los filtros."
          note="El avance a la fecha queda en blanco cuando el producto no es exigible a la fecha de corte (no tiene meta vencida)."
        />
      </section>
      <MissingReports policy={policy} />
      <PublishedCuts policy={policy} cut={cut} onPublished={() => setVersion((v) => v + 1)} />
    </>
  );
}
