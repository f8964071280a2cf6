/** Ligatures that NFD does not decompose but French users type either way ("cœur" / "coeur"). */
const LIGATURES: Readonly<Record<string, string>> = { œ: "oe", æ: "ae" };

/**
 * Folds text for accent- and case-insensitive search: lower-case, accents stripped (NFD then
 * combining marks removed), œ/æ spelled out, whitespace collapsed and trimmed.
 * Apply it to both the stored search column and the query: "  Saint-Étienne  " → "saint-etienne".
 */
export function normalizeSearchText(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[œæ]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(/\s+/gu, " ")
    .trim();
}
