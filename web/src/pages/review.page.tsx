import { useState } from 'react';
import { Link } from 'react-router';
import { ApproveReportsMutation, ReturnReportsMutation } from '../api/operations';
import { useViewer } from '../auth/viewer-context';
import { ErrorMessage, Loading } from '../components/status';
import { formatDateTime, formatOptionalNumber } from '../format';
import type { ReviewQueueQuery } from '../gql/graphql';
import { useReviewQueue } from '../hooks/page-data';
import { useApiMutation } from '../hooks/use-api-mutation';
import { useTitle } from '../hooks/use-title';
import { entityLabel } from '../labels';

type Report = ReviewQueueQuery['progressReports']['nodes'][number];

function Queue({ reports, totalCount, onDecided }: { reports: Report[]; totalCount: number; onDecided: (message: string) => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [approve, approving] = useApiMutation(ApproveReportsMutation);
  const [giveBack, returning] = useApiMutation(ReturnReportsMutation);
  const chosen = reports.filter((r) => selected.has(r.id));
  const running = approving.running || returning.running;
  const error = approving.error ?? returning.error;

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  async function decide(kind: 'approve' | 'return') {
    if (!chosen.length) return;
    const ids = chosen.map((r) => r.id);
    const versions = chosen.map((r) => r.reviewVersion);
    if (kind === 'return') {
      if (!comment.trim()) {
        setMissingComment(true);
        return;
      }
      const done = await giveBack({ ids, versions, comment: comment.trim() });
      if (done)
        onDecided(
          done.returnReports.count === 1
            ? 'Se devolvió 1 reporte a su entidad.'
            : `Se devolvieron ${done.returnReports.count} reportes a sus entidades.`,
        );
    } else {
      const done = await approve({ ids, versions });
      if (done) onDecided(done.approveReports.count === 1 ? 'Se aprobó 1 reporte.' : `Se aprobaron ${done.approveReports.count} reportes.`);
    }
    setSelected(new Set());
    setMissingComment(false);
  }

  if (!reports.length) return <p data-testid="revision-vacia">No hay reportes pendientes de revisión.</p>;
  const all = chosen.length === reports.length;
  return (
    <>
      {totalCount > reports.length ? (
        <p className="notice">
          Se muestran {reports.length} de {totalCount} reportes pendientes; al decidir estos aparecen los siguientes.
        </p>
      ) : null}
      <div className="table-scroll">
        <table data-testid="revision">
          <caption>Reportes pendientes de revisión, por política y entidad</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Seleccionar todos"
                  checked={all}
                  onChange={(e) => setSelected(e.target.checked ? new Set(reports.map((r) => r.id)) : new Set())}
                />
              </th>
              <th scope="col">Política</th>
              <th scope="col">Entidad</th>
              <th scope="col">Producto</th>
              <th scope="col">Vigencia y periodo</th>
              <th scope="col" className="num">
                Valor enviado
              </th>
              <th scope="col" className="num">
                Valor aprobado anterior
              </th>
              <th scope="col">Enviado</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => {
              const product = `${r.product.code} ${r.product.name}`;
              return (
                <tr key={r.id} data-report-id={r.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Seleccionar ${product}, ${r.year} ${r.period}`}
                      checked={selected.has(r.id)}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />
                  </td>
                  <td>{r.product.policy.code}</td>
                  <td>{entityLabel(r.product.responsibleEntity)}</td>
                  <th scope="row">
                    <Link to={`/politicas/${encodeURIComponent(r.product.policy.code)}/productos/${encodeURIComponent(r.product.code)}`}>
                      {product}
                    </Link>
                  </th>
                  <td>
                    {r.year} {r.period}
                  </td>
                  <td className="num">{formatOptionalNumber(r.value)}</td>
                  <td className="num">{r.approvedValue == null ? 'Sin valor aprobado' : formatOptionalNumber(r.approvedValue)}</td>
                  <td>
                    {formatDateTime(r.updatedAt)}
                    {r.reportedBy ? ` · ${r.reportedBy}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form className="review-actions" aria-label="Decidir los reportes seleccionados" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="comentario">Comentario para la entidad (obligatorio para devolver)</label>
          <textarea
            id="comentario"
            rows={3}
            value={comment}
            aria-invalid={missingComment}
            aria-describedby={missingComment ? 'comentario-falta' : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {missingComment ? (
            <p id="comentario-falta" className="inline-error" role="alert">
              Escriba por qué se devuelven y qué debe corregir la entidad.
            </p>
          ) : null}
        </div>
        <p aria-live="polite">{chosen.length === 1 ? '1 reporte seleccionado.' : `${chosen.length} reportes seleccionados.`}</p>
        <div className="row-actions">
          <button type="button" disabled={running || !chosen.length} onClick={() => void decide('approve')}>
            Aprobar
          </button>
          <button type="button" disabled={running || !chosen.length} onClick={() => void decide('return')}>
            Devolver
          </button>
        </div>
        {error ? (
          <div className="error-box" role="alert" data-testid="revision-error">
            <p>{error}</p>
          </div>
        ) : null}
      </form>
    </>
  );
}

/** `/revision`: the office's queue of PENDING reports; approve or return in bulk (docs/review.md). */
export function ReviewPage() {
  useTitle('Revisión de reportes');
  const viewer = useViewer();
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState('');
  const state = useReviewQueue(version);
  if (viewer.status === 'loading') return <Loading what="sus permisos" />;
  if (viewer.role !== 'ADMIN') {
    return (
      <div className="error-box" role="alert">
        <p>La revisión de los reportes la hace solo la oficina de planeación.</p>
        <p>
          <Link to="/ingresar?volver=/revision">Ingresar con una clave de acceso</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Inicio</Link> › Revisión
      </p>
      <h1>Revisión de reportes</h1>
      <p className="lead">
        Valores enviados por las entidades que esperan la revisión de la oficina: solo cuentan en las cifras aprobadas cuando se aprueban.
      </p>
      <p role="status" aria-live="polite" data-testid="revision-resultado">
        {done}
      </p>
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} />
      ) : !state.data ? (
        <Loading what="los reportes pendientes" />
      ) : (
        <Queue
          key={version}
          reports={state.data.progressReports.nodes}
          totalCount={state.data.progressReports.totalCount}
          onDecided={(message) => {
            setDone(message);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}
