import { useState } from "react";

/**
 * Forward cursor pagination with a way back: the cursors of the pages already visited
 * are kept on a stack. The stack empties whenever `resetKey` (the filters) changes.
 */
export function useCursorPagination(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: string[] }>({ key: resetKey, cursors: [] });
  const cursors = state.key === resetKey ? state.cursors : [];

  return {
    /** The `after` argument of the current page (none on the first page). */
    after: cursors.at(-1),
    pageNumber: cursors.length + 1,
    hasPreviousPage: cursors.length > 0,
    goToNextPage(endCursor: string) {
      setState({ key: resetKey, cursors: [...cursors, endCursor] });
    },
    goToPreviousPage() {
      setState({ key: resetKey, cursors: cursors.slice(0, -1) });
    },
  };
}

export type CursorPagination = ReturnType<typeof useCursorPagination>;
