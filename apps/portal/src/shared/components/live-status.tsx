/**
 * A polite live region that is always in the page (so screen readers announce what is put in it later),
 * showing a confirmation such as « Dépôt envoyé ».
 */
export function LiveStatus({ message }: { message: string }) {
  return (
    <div role="status" className="live-status">
      {message && <p className="notice notice--success">{message}</p>}
    </div>
  );
}
