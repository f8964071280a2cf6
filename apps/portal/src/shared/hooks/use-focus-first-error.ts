import { type RefObject, useCallback, useEffect, useState } from "react";

/**
 * Moves the focus, once the errors of a refused submit are rendered, to the first field in error of `container`
 * (or to an element marked `data-focus-on-error`, e.g. an alert that concerns no field). Call the returned
 * function after setting the errors.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const root = container.current;
    const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>("[data-focus-on-error]");
    target?.focus();
  }, [container, request]);
  return useCallback(() => setRequest((n) => n + 1), []);
}
