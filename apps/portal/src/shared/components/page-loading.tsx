import { Spinner } from "./spinner";

export function PageLoading({ label = "Chargement…" }: { label?: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite" aria-busy="true">
      <Spinner /> {label}
    </div>
  );
}
