/** A decorative spinner; pair it with visible or announced text. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
