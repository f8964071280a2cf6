/**
 * Reading the cells a federation's staff types in Excel or LibreOffice (French conventions): numbers with a decimal
 * comma and spaces between thousands, `€` and `%` suffixes, oui/non, French dates. Every function returns `null`
 * for a text it cannot read; the caller reports it on the line and column.
 */

/** Lower case, without accents, one space between words, typographic apostrophes made plain: to compare headers. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/[\s\u00A0\u202F]+/gu, " ")
    .trim();
}

const PLAIN_DECIMAL = /^[+-]?[0-9]+(?:\.[0-9]+)?$/;

/**
 * A French or English-formatted number: `1 234,5`, `1234.5`, `-3`, `12,5 €`, `85 %` (suffixes are dropped; the
 * column says the unit). Spaces (also non-breaking) between digits are thousands separators. A text with both a
 * `,` and a `.` is ambiguous (`1,234.5` or `1.234,5`) and refused.
 */
export function parseFrenchNumber(text: string): number | null {
  let s = text.trim().replace(/\u2212/g, "-");
  s = s.replace(/\s*(?:€|eur|euros?|%)$/i, "");
  s = s.replace(/[\s\u00A0\u202F]/gu, "");
  if (s.includes(",") && s.includes(".")) return null;
  s = s.replace(",", ".");
  if (!PLAIN_DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Whether the cell carries an explicit `%`. */
export const hasPercentSign = (text: string): boolean => /%\s*$/.test(text.trim());

const TRUE_WORDS = new Set(["oui", "o", "vrai", "true", "yes", "y", "1", "x"]);
const FALSE_WORDS = new Set(["non", "n", "faux", "false", "no", "0"]);

/** Oui / Non (also O/N, Vrai/Faux, 1/0, x for a ticked box). */
export function parseFrenchBoolean(text: string): boolean | null {
  const s = normalizeHeader(text);
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

const isCalendarDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** `AAAA-MM-JJ` (with an optional time, as an XLSX date reads) or `JJ/MM/AAAA` (also `-` or `.`) → ISO `AAAA-MM-JJ`. */
export function parseFrenchDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(s);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  else return null;
  if (!isCalendarDate(y, m, d)) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A stable code from a free label (« Vaccination grippe 65+ » → `VACCINATION_GRIPPE_65`). */
export function codeFromLabel(label: string): string {
  return normalizeHeader(label)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
}
