import type { PolicyPageQuery } from '../gql/graphql';
import { isIsoDate } from '../format';
import { lightFromUrl, lightToUrl, URL_LIGHTS, type PolicyUrlState } from './policy-filters';

type Policy = NonNullable<PolicyPageQuery['policy']>;

const LIGHT_OPTION_LABEL: Record<(typeof URL_LIGHTS)[number], string> = {
  ALTO: 'Alto',
  MEDIO: 'Medio',
  BAJO: 'Bajo',
  NO_EXIGIBLE: 'No exigible',
};

interface Props {
  policy: Policy;
  state: PolicyUrlState;
  /** The cut the figures are at (the API's answer, today when the URL has none). */
  cut: string;
  onChange: (next: PolicyUrlState) => void;
}

/** The cut date and the annex filters; every change goes to the URL, so the view can be shared. */
export function PolicyFilters({ policy, state, cut, onChange }: Props) {
  const set = (patch: Partial<PolicyUrlState>) => onChange({ ...state, ...patch });
  const entities = [...policy.progress.byEntity].sort((a, b) => a.entity.name.localeCompare(b.entity.name, 'es'));
  return (
    <form className="filters" aria-label="Fecha de corte y filtros" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="f-corte">Fecha de corte</label>
        <input
          id="f-corte"
          type="date"
          value={state.cut ?? cut}
          onChange={(e) => {
            if (isIsoDate(e.target.value)) set({ cut: e.target.value });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="f-objetivo">Objetivo</label>
        <select
          id="f-objetivo"
          value={state.objective ?? ''}
          onChange={(e) => set({ objective: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Todos</option>
          {policy.objectives.map((o) => (
            <option key={o.number} value={o.number}>
              {`${o.number}. ${o.text.length > 70 ? `${o.text.slice(0, 70)}…` : o.text}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sector">Sector</label>
        <select id="f-sector" value={state.sector ?? ''} onChange={(e) => set({ sector: e.target.value || null })}>
          <option value="">Todos</option>
          {policy.progress.bySector.map((s) => (
            <option key={s.sector.name} value={s.sector.name}>
              {s.sector.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-entidad">Entidad responsable</label>
        <select id="f-entidad" value={state.entity ?? ''} onChange={(e) => set({ entity: e.target.value || null })}>
          <option value="">Todas</option>
          {entities.map((e) => (
            <option key={e.entity.code} value={e.entity.code}>
              {e.entity.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-semaforo">Semáforo</label>
        <select
          id="f-semaforo"
          value={state.light ? lightToUrl(state.light) : ''}
          onChange={(e) => set({ light: lightFromUrl(e.target.value) })}
        >
          <option value="">Todos</option>
          {URL_LIGHTS.map((l) => (
            <option key={l} value={l}>
              {LIGHT_OPTION_LABEL[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="field check">
        <input
          id="f-sin-reporte"
          type="checkbox"
          checked={state.missingReport}
          onChange={(e) => set({ missingReport: e.target.checked })}
        />
        <label htmlFor="f-sin-reporte">Sin reporte</label>
      </div>
      <div className="field check">
        <input id="f-sobre" type="checkbox" checked={state.overExecution} onChange={(e) => set({ overExecution: e.target.checked })} />
        <label htmlFor="f-sobre">Sobreejecución</label>
      </div>
      <div className="field">
        <button
          type="button"
          onClick={() =>
            onChange({
              cut: state.cut,
              objective: null,
              sector: null,
              entity: null,
              light: null,
              missingReport: false,
              overExecution: false,
              basis: state.basis,
            })
          }
        >
          Quitar filtros
        </button>
      </div>
    </form>
  );
}
