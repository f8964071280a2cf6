import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  EMPTY_FILTERS,
  filtersToSearchParams,
  parseFilters,
  type ProjectListFilters,
} from "../utils/project-list-filters";

/** The list filters, stored in the URL query string. */
export function useProjectListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const updateFilters = useCallback(
    (patch: Partial<ProjectListFilters>) => {
      setSearchParams((current) => filtersToSearchParams({ ...parseFilters(current), ...patch }), {
        replace: true,
      });
    },
    [setSearchParams],
  );

  const resetFilters = useCallback(() => {
    setSearchParams(filtersToSearchParams(EMPTY_FILTERS), { replace: true });
  }, [setSearchParams]);

  return { filters, updateFilters, resetFilters };
}
