import type { CursorPagination } from "../hooks/use-cursor-pagination";

type PaginationControlsProps = {
  pageNumber: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  isBusy: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

export function PaginationControls({
  pageNumber,
  hasPreviousPage,
  hasNextPage,
  isBusy,
  onPrevious,
  onNext,
}: PaginationControlsProps) {
  if (!hasPreviousPage && !hasNextPage) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <button type="button" className="button" onClick={onPrevious} disabled={!hasPreviousPage || isBusy}>
        Page précédente
      </button>
      <span className="pagination__current" aria-live="polite">
        Page {pageNumber}
      </span>
      <button type="button" className="button" onClick={onNext} disabled={!hasNextPage || isBusy}>
        Page suivante
      </button>
    </nav>
  );
}

/** The controls of a cursor-paginated connection, wired to `useCursorPagination`. */
export function ConnectionPagination({
  pagination,
  pageInfo,
  isBusy,
}: {
  pagination: CursorPagination;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  isBusy: boolean;
}) {
  return (
    <PaginationControls
      pageNumber={pagination.pageNumber}
      hasPreviousPage={pagination.hasPreviousPage}
      hasNextPage={pageInfo.hasNextPage}
      isBusy={isBusy}
      onPrevious={pagination.goToPreviousPage}
      onNext={() => {
        if (pageInfo.endCursor) pagination.goToNextPage(pageInfo.endCursor);
      }}
    />
  );
}
