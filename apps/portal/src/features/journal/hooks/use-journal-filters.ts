import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { EMPTY_JOURNAL_FILTERS, journalFiltersToSearchParams, parseJournalFilters, type JournalFilters } from "../utils/journal-filters";

/** The filters of the « Journal », stored in the URL query string. */
export function useJournalFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseJournalFilters(searchParams), [searchParams]);

  const updateFilters = useCallback(
    (patch: Partial<JournalFilters>) => {
      setSearchParams((current) => journalFiltersToSearchParams({ ...parseJournalFilters(current), ...patch }), { replace: true });
    },
    [setSearchParams],
  );

  const resetFilters = useCallback(() => {
    setSearchParams(journalFiltersToSearchParams(EMPTY_JOURNAL_FILTERS), { replace: true });
  }, [setSearchParams]);

  return { filters, updateFilters, resetFilters };
}
