import { useEffect } from "react";
import { useBlocker } from "react-router";

/**
 * Warns before leaving a form with unsaved changes: in-app navigation is held until the user confirms (the caller
 * shows the question with the returned blocker), and closing or reloading the tab asks the browser's confirmation.
 */
export function useUnsavedChangesGuard(isDirty: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!isDirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [isDirty]);

  return blocker;
}
