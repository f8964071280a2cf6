import { useEffect } from "react";

const APP_NAME = "Maillage";

/** Sets the tab title (« Projets — Maillage »), which screen readers announce on navigation. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — ${APP_NAME}` : APP_NAME;
  }, [title]);
}
