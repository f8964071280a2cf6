import { useId } from "react";
import { type DashboardFilters, hasFilters, PROGRAMME_LABELS, PROGRAMMES, SIZE_BAND_LABELS, SIZE_BANDS } from "../utils/filters";

type Option<T> = { value: T; label: string };

function CheckboxGroup<T extends string | number>({ legend, options, selected, onChange }: { legend: string; options: readonly Option<T>[]; selected: readonly T[]; onChange: (next: T[]) => void }) {
  const id = useId();
  const toggle = (value: T, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="dashboard-filters__group">
      <legend>{legend}</legend>
      {options.length === 0 && <p className="dashboard-filters__empty">Aucun choix</p>}
      {options.map((o) => (
        <label key={String(o.value)} className="field--checkbox" htmlFor={`${id}-${o.value}`}>
          <input id={`${id}-${o.value}`} type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The dashboard's filters; every change goes to the URL at once (no choice = all). */
export function DashboardFiltersForm({
  filters,
  years,
  departements,
  onChange,
}: {
  filters: DashboardFilters;
  years: readonly number[];
  departements: readonly { code: string; name: string }[];
  onChange: (next: DashboardFilters) => void;
}) {
  const yearOptions = [...new Set([...years, ...filters.years])].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }));
  return (
    <form className="filters dashboard-filters" aria-label="Filtres du tableau de bord" onSubmit={(e) => e.preventDefault()}>
      <CheckboxGroup legend="Années" options={yearOptions} selected={filters.years} onChange={(v) => onChange({ ...filters, years: [...v].sort((a, b) => a - b) })} />
      <CheckboxGroup legend="Programmes" options={PROGRAMMES.map((p) => ({ value: p, label: PROGRAMME_LABELS[p] }))} selected={filters.programmes} onChange={(v) => onChange({ ...filters, programmes: PROGRAMMES.filter((p) => v.includes(p)) })} />
      <CheckboxGroup legend="Taille de la MSP" options={SIZE_BANDS.map((b) => ({ value: b, label: SIZE_BAND_LABELS[b] }))} selected={filters.sizeBands} onChange={(v) => onChange({ ...filters, sizeBands: SIZE_BANDS.filter((b) => v.includes(b)) })} />
      <CheckboxGroup
        legend="Départements"
        options={departements.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
        selected={filters.departements}
        onChange={(v) => onChange({ ...filters, departements: [...v].sort() })}
      />
      {hasFilters(filters) && (
        <div className="filters__actions">
          <button type="button" className="button button--ghost" onClick={() => onChange({ years: [], programmes: [], departements: [], sizeBands: [] })}>
            Effacer les filtres
          </button>
        </div>
      )}
    </form>
  );
}
