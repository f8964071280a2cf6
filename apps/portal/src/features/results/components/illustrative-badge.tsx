import { ILLUSTRATIVE_TABLE_LABEL } from "../utils/labels";

/** Wherever a figure comes from the illustrative PEPS table (DOMAIN.md §4.2: official tables not public ⚠️). */
export function IllustrativeBadge() {
  return <p className="badge badge--changes results-illustrative">{ILLUSTRATIVE_TABLE_LABEL}</p>;
}
