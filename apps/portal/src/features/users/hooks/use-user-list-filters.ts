import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { EMPTY_USER_FILTERS, parseUserFilters, userFiltersToSearchParams, type UserListFilters } from "../utils/user-list-filters";

/** The filters of the « Utilisateurs » list, stored in the URL query string. */
export function useUserListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseUserFilters(searchParams), [searchParams]);

  const updateFilters = useCallback(
    (patch: Partial<UserListFilters>) => {
      setSearchParams((current) => userFiltersToSearchParams({ ...parseUserFilters(current), ...patch }), { replace: true });
    },
    [setSearchParams],
  );

  const resetFilters = useCallback(() => {
    setSearchParams(userFiltersToSearchParams(EMPTY_USER_FILTERS), { replace: true });
  }, [setSearchParams]);

  return { filters, updateFilters, resetFilters };
}
