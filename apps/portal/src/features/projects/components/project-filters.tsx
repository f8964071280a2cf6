import { useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "../../../shared/hooks/use-debounced-value";
import {
  isProjectStage,
  isProjectStatus,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  STAGE_LABELS,
  STATUS_LABELS,
} from "../../../shared/labels";
import { PROJECT_FILTER_OPTIONS } from "../graphql/project-filter-options.query";
import { hasActiveFilters, type ProjectListFilters } from "../utils/project-list-filters";

export const SEARCH_DEBOUNCE_MS = 300;

type ProjectFiltersProps = {
  filters: ProjectListFilters;
  onChange: (patch: Partial<ProjectListFilters>) => void;
  onReset: () => void;
  /** « Mon portefeuille » is offered to chargés de développement. */
  canFilterOwnPortfolio: boolean;
};

export function ProjectFilters({ filters, onChange, onReset, canFilterOwnPortfolio }: ProjectFiltersProps) {
  const { data: options } = useQuery(PROJECT_FILTER_OPTIONS);

  // Free-text search: typed locally, pushed to the URL once typing pauses.
  const [text, setText] = useState(filters.text);
  const debouncedText = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const pushedText = useRef(filters.text);
  useEffect(() => {
    const next = debouncedText.trim();
    if (next !== pushedText.current) {
      pushedText.current = next;
      onChange({ text: next });
    }
  }, [debouncedText, onChange]);
  useEffect(() => {
    // The URL changed from elsewhere (reset, history): follow it.
    if (filters.text !== pushedText.current) {
      pushedText.current = filters.text;
      setText(filters.text);
    }
  }, [filters.text]);

  return (
    <form className="filters" role="search" aria-label="Filtrer les projets" onSubmit={(e) => e.preventDefault()}>
      <div className="field filters__search">
        <label htmlFor="filter-text">Rechercher</label>
        <input
          id="filter-text"
          type="search"
          placeholder="Nom du projet ou commune"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>

      <div className="field">
        <label htmlFor="filter-stage">Étape</label>
        <select
          id="filter-stage"
          value={filters.stages[0] ?? ""}
          onChange={(e) => onChange({ stages: isProjectStage(e.target.value) ? [e.target.value] : [] })}
        >
          <option value="">Toutes les étapes</option>
          {PROJECT_STAGES.map((stage, index) => (
            <option key={stage} value={stage}>
              {index + 1}. {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="filter-status">Statut</label>
        <select
          id="filter-status"
          value={filters.statuses[0] ?? ""}
          onChange={(e) => onChange({ statuses: isProjectStatus(e.target.value) ? [e.target.value] : [] })}
        >
          <option value="">Tous les statuts</option>
          {PROJECT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="filter-departement">Département</label>
        <select
          id="filter-departement"
          value={filters.departementCodes[0] ?? ""}
          onChange={(e) => onChange({ departementCodes: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Tous les départements</option>
          {options?.federation.departements.map((departement) => (
            <option key={departement.code} value={departement.code}>
              {departement.name} ({departement.code})
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="filter-charge">Chargé·e</label>
        <select
          id="filter-charge"
          value={filters.mine ? "" : (filters.chargeId ?? "")}
          disabled={filters.mine}
          onChange={(e) => onChange({ chargeId: e.target.value || null })}
        >
          <option value="">Tous</option>
          {options?.staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.displayName}
            </option>
          ))}
        </select>
      </div>

      {canFilterOwnPortfolio && (
        <div className="field field--checkbox">
          <input
            id="filter-mine"
            type="checkbox"
            checked={filters.mine}
            onChange={(e) => onChange({ mine: e.target.checked, chargeId: null })}
          />
          <label htmlFor="filter-mine">Mon portefeuille</label>
        </div>
      )}

      {hasActiveFilters(filters) && (
        <div className="filters__actions">
          <button type="button" className="button button--link" onClick={onReset}>
            Réinitialiser les filtres
          </button>
        </div>
      )}
    </form>
  );
}
