import type { FieldErrors } from "../../../shared/graphql-errors";
import { FieldError } from "../../../shared/components/field-error";
import { hasActiveJournalFilters, type JournalFilters } from "../utils/journal-filters";

export type PersonOption = { id: string; displayName: string; email: string };
export type ActionOption = { action: string; label: string };

type JournalFiltersFormProps = {
  filters: JournalFilters;
  people: readonly PersonOption[];
  actions: readonly ActionOption[];
  fieldErrors: FieldErrors;
  onChange: (patch: Partial<JournalFilters>) => void;
  onReset: () => void;
};

/** Person, action and days of the journal; the URL holds them (see `useJournalFilters`). */
export function JournalFiltersForm({ filters, people, actions, fieldErrors, onChange, onReset }: JournalFiltersFormProps) {
  // The person or action of a shared link stays selectable even before its name is known.
  const hasSelectedPerson = !filters.actorId || people.some((p) => p.id === filters.actorId);
  const hasSelectedAction = !filters.action || actions.some((a) => a.action === filters.action);
  const errorProps = (field: keyof JournalFilters) =>
    fieldErrors[field] ? { "aria-invalid": true, "aria-describedby": `journal-filter-${field}-error` } : {};

  return (
    <form className="filters" role="search" aria-label="Filtrer le journal" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="journal-filter-actorId">Personne</label>
        <select id="journal-filter-actorId" value={filters.actorId} onChange={(e) => onChange({ actorId: e.target.value })} {...errorProps("actorId")}>
          <option value="">Toutes les personnes</option>
          {!hasSelectedPerson && <option value={filters.actorId}>Personne sélectionnée</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {`${person.displayName} (${person.email})`}
            </option>
          ))}
        </select>
        <FieldError id="journal-filter-actorId-error" message={fieldErrors["actorId"]} />
      </div>

      <div className="field">
        <label htmlFor="journal-filter-action">Action</label>
        <select id="journal-filter-action" value={filters.action} onChange={(e) => onChange({ action: e.target.value })} {...errorProps("action")}>
          <option value="">Toutes les actions</option>
          {!hasSelectedAction && <option value={filters.action}>Action sélectionnée</option>}
          {actions.map((option) => (
            <option key={option.action} value={option.action}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError id="journal-filter-action-error" message={fieldErrors["action"]} />
      </div>

      <div className="field">
        <label htmlFor="journal-filter-from">Du</label>
        <input
          id="journal-filter-from"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
          {...errorProps("from")}
        />
        <FieldError id="journal-filter-from-error" message={fieldErrors["from"]} />
      </div>

      <div className="field">
        <label htmlFor="journal-filter-to">Au</label>
        <input
          id="journal-filter-to"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => onChange({ to: e.target.value })}
          {...errorProps("to")}
        />
        <FieldError id="journal-filter-to-error" message={fieldErrors["to"]} />
      </div>

      {hasActiveJournalFilters(filters) && (
        <div className="filters__actions">
          <button type="button" className="button button--link" onClick={onReset}>
            Réinitialiser les filtres
          </button>
        </div>
      )}
    </form>
  );
}
