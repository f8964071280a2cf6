import { type FormEvent, useId } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import type { ResearchCatalog, ResearchDimension, ResearchMeasure } from "../types";
import { MAX_DIMENSIONS, type QueryDraft } from "../utils/query-input";

type QueryBuilderProps = {
  catalog: ResearchCatalog;
  draft: QueryDraft;
  onChange: (draft: QueryDraft) => void;
  onSubmit: () => void;
  isRunning: boolean;
  errors: Partial<Record<"measure" | "indicatorCode" | "groupBy", string>>;
};

const ROLE_OF_POSITION = ["en lignes", "en colonnes", "un tableau par catégorie"] as const;

/** The indicators a measure can be asked about: ACI measures take ACI indicators, IPEP measures IPEP ones. */
export function indicatorsFor(catalog: ResearchCatalog, measure: ResearchMeasure | "") {
  const programme = measure.startsWith("ACI") ? "ACI" : measure.startsWith("IPEP") ? "IPEP" : measure.startsWith("PEPS") ? "PEPS" : null;
  const matching = catalog.indicators.filter((i) => i.programme === programme);
  return matching.length > 0 ? matching : catalog.indicators;
}

/**
 * The query form: a measure (and its indicator when it needs one), up to three dimensions in the order chosen
 * (rows, columns, tables) — the others are disabled once three are chosen, with the reason — and optional
 * filters per dimension (category checkboxes from the catalogue).
 */
export function QueryBuilder({ catalog, draft, onChange, onSubmit, isRunning, errors }: QueryBuilderProps) {
  const id = useId();
  const measure = catalog.measures.find((m) => m.id === draft.measure);
  const isFull = draft.groupBy.length >= MAX_DIMENSIONS;
  const labelOf = (d: ResearchDimension) => catalog.dimensions.find((x) => x.id === d)?.label ?? d;

  function toggleDimension(dimension: ResearchDimension, checked: boolean) {
    const groupBy = checked ? [...draft.groupBy.filter((d) => d !== dimension), dimension].slice(0, MAX_DIMENSIONS) : draft.groupBy.filter((d) => d !== dimension);
    onChange({ ...draft, groupBy });
  }

  function toggleCategory(dimension: ResearchDimension, value: string, checked: boolean) {
    const current = draft.filters[dimension] ?? [];
    const next = checked ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value);
    const filters = { ...draft.filters };
    if (next.length > 0) filters[dimension] = next;
    else delete filters[dimension];
    onChange({ ...draft, filters });
  }

  function clearFilter(dimension: ResearchDimension) {
    const filters = { ...draft.filters };
    delete filters[dimension];
    onChange({ ...draft, filters });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isRunning) onSubmit();
  }

  const filterCount = Object.values(draft.filters).filter((v) => v && v.length > 0).length;

  return (
    <form className="card form research-builder" aria-labelledby={`${id}-title`} onSubmit={handleSubmit} noValidate>
      <h2 id={`${id}-title`}>Nouvelle requête</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-measure`}>Mesure</label>
          <select
            id={`${id}-measure`}
            value={draft.measure}
            onChange={(e) => {
              const next = catalog.measures.find((m) => m.id === e.target.value);
              onChange({ ...draft, measure: next ? next.id : "", indicatorCode: "" });
            }}
            aria-invalid={errors.measure ? true : undefined}
            aria-describedby={errors.measure ? `${id}-measure-error` : undefined}
          >
            <option value="">Choisir une mesure</option>
            {catalog.measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} ({m.unit})
              </option>
            ))}
          </select>
          <FieldError id={`${id}-measure-error`} message={errors.measure} />
        </div>
        {measure?.needsIndicator && (
          <div className="field">
            <label htmlFor={`${id}-indicator`}>Indicateur</label>
            <select
              id={`${id}-indicator`}
              value={draft.indicatorCode}
              onChange={(e) => onChange({ ...draft, indicatorCode: e.target.value })}
              aria-invalid={errors.indicatorCode ? true : undefined}
              aria-describedby={errors.indicatorCode ? `${id}-indicator-error` : undefined}
            >
              <option value="">Choisir un indicateur</option>
              {indicatorsFor(catalog, measure.id).map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label} ({i.code})
                </option>
              ))}
            </select>
            <FieldError id={`${id}-indicator-error`} message={errors.indicatorCode} />
          </div>
        )}
      </div>

      <fieldset className="research-builder__dimensions" aria-describedby={`${id}-dims-help${errors.groupBy ? ` ${id}-dims-error` : ""}`}>
        <legend>Dimensions (trois au maximum)</legend>
        <p className="field__hint" id={`${id}-dims-help`}>
          {isFull
            ? "Trois dimensions sont choisies : c’est le maximum. Décochez-en une pour en choisir une autre."
            : "Dans l’ordre où vous les cochez : la première en lignes, la deuxième en colonnes, la troisième donne un tableau par catégorie."}
        </p>
        <div className="research-builder__checks">
          {catalog.dimensions.map((dimension) => {
            const position = draft.groupBy.indexOf(dimension.id);
            const checked = position >= 0;
            const disabled = !checked && isFull;
            return (
              <div key={dimension.id} className={`field field--checkbox${disabled ? " research-builder__check--disabled" : ""}`}>
                <input
                  id={`${id}-dim-${dimension.id}`}
                  type="checkbox"
                  checked={checked}
                  disabled={disabled}
                  onChange={(e) => toggleDimension(dimension.id, e.target.checked)}
                  aria-describedby={disabled ? `${id}-dims-help` : undefined}
                />
                <label htmlFor={`${id}-dim-${dimension.id}`}>
                  {dimension.label}
                  {checked && <span className="research-builder__position"> — {ROLE_OF_POSITION[position] ?? ""}</span>}
                </label>
              </div>
            );
          })}
        </div>
        {draft.groupBy.length >= 2 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              const [a, b, ...rest] = draft.groupBy;
              if (a && b) onChange({ ...draft, groupBy: [b, a, ...rest] });
            }}
          >
            Permuter lignes et colonnes
          </button>
        )}
        <FieldError id={`${id}-dims-error`} message={errors.groupBy} />
      </fieldset>

      <fieldset className="research-builder__filters">
        <legend>Filtres (facultatifs){filterCount > 0 ? ` — ${filterCount} actif${filterCount > 1 ? "s" : ""}` : ""}</legend>
        <p className="field__hint">Sans filtre, toutes les catégories sont comptées. Cochez des catégories pour restreindre la requête.</p>
        {catalog.dimensions.map((dimension) => {
          const selected = draft.filters[dimension.id] ?? [];
          return (
            <details key={dimension.id} className="research-filter" open={selected.length > 0 ? true : undefined}>
              <summary>
                {dimension.label} <span className="muted">— {selected.length === 0 ? "toutes" : `${selected.length} sur ${dimension.categories.length}`}</span>
              </summary>
              <fieldset className="research-filter__options">
                <legend className="visually-hidden">Filtrer : {dimension.label}</legend>
                {dimension.categories.map((category) => (
                  <div key={category.value} className="field field--checkbox">
                    <input
                      id={`${id}-f-${dimension.id}-${category.value}`}
                      type="checkbox"
                      checked={selected.includes(category.value)}
                      onChange={(e) => toggleCategory(dimension.id, category.value, e.target.checked)}
                    />
                    <label htmlFor={`${id}-f-${dimension.id}-${category.value}`}>{category.label}</label>
                  </div>
                ))}
              </fieldset>
              {selected.length > 0 && (
                <button type="button" className="button button--small" onClick={() => clearFilter(dimension.id)}>
                  Effacer le filtre « {labelOf(dimension.id)} »
                </button>
              )}
            </details>
          );
        })}
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isRunning}>
          {isRunning && <Spinner />} Lancer la requête
        </button>
      </div>
    </form>
  );
}
