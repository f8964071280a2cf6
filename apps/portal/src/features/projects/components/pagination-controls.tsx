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
