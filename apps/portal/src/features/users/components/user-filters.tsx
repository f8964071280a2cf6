import { isRole, ROLES } from "@maillage/domain";
import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "../../../shared/hooks/use-debounced-value";
import { ROLE_LABELS } from "../../../shared/labels";
import { hasActiveUserFilters, isUserStatus, USER_STATUSES, type UserListFilters } from "../utils/user-list-filters";
import { USER_STATUS_LABELS } from "../utils/user-status";

export const USER_SEARCH_DEBOUNCE_MS = 300;

type UserFiltersProps = {
  filters: UserListFilters;
  onChange: (patch: Partial<UserListFilters>) => void;
  onReset: () => void;
};

/** Search (name or e-mail), role and status; the URL holds them (see `useUserListFilters`). */
export function UserFilters({ filters, onChange, onReset }: UserFiltersProps) {
  // Free-text search: typed locally, pushed to the URL once typing pauses (like the projects list).
  const [text, setText] = useState(filters.search);
  const debouncedText = useDebouncedValue(text, USER_SEARCH_DEBOUNCE_MS);
  const pushedText = useRef(filters.search);
  useEffect(() => {
    const next = debouncedText.trim();
    if (next !== pushedText.current) {
      pushedText.current = next;
      onChange({ search: next });
    }
  }, [debouncedText, onChange]);
  useEffect(() => {
    // The URL changed from elsewhere (reset, history): follow it.
    if (filters.search !== pushedText.current) {
      pushedText.current = filters.search;
      setText(filters.search);
    }
  }, [filters.search]);

  return (
    <form className="filters" role="search" aria-label="Filtrer les utilisateurs" onSubmit={(e) => e.preventDefault()}>
      <div className="field filters__search">
        <label htmlFor="users-filter-search">Rechercher</label>
        <input id="users-filter-search" type="search" placeholder="Nom ou adresse e-mail" value={text} onChange={(e) => setText(e.target.value)} />
      </div>

      <div className="field">
        <label htmlFor="users-filter-role">Rôle</label>
        <select id="users-filter-role" value={filters.role ?? ""} onChange={(e) => onChange({ role: isRole(e.target.value) ? e.target.value : null })}>
          <option value="">Tous les rôles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="users-filter-status">Statut</label>
        <select
          id="users-filter-status"
          value={filters.status ?? ""}
          onChange={(e) => onChange({ status: isUserStatus(e.target.value) ? e.target.value : null })}
        >
          <option value="">Tous les statuts</option>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {USER_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>

      {hasActiveUserFilters(filters) && (
        <div className="filters__actions">
          <button type="button" className="button button--link" onClick={onReset}>
            Réinitialiser les filtres
          </button>
        </div>
      )}
    </form>
  );
}
