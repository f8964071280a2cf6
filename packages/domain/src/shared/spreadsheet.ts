/**
 * Spreadsheet formula-injection ("CSV injection") protection, after OWASP's "CSV Injection" guidance: a
 * spreadsheet program (Excel, LibreOffice Calc) evaluates a cell whose text starts with `=`, `+`, `-` or `@`
 * as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, `@SUM(…)`), and a leading TAB or CR can hide such a
 * prefix from a reader while some programs still trim it and evaluate what follows. Every text cell we write
 * into a CSV or XLSX file the user will open (exports, import templates, reports) goes through
 * {@link neutralizeSpreadsheetCell}.
 *
 * Rule (applied to TEXT cells only; real numbers are written as numbers):
 * - a cell whose first character is `=` `+` `-` `@` TAB (U+0009) or CR (U+000D), or one of their full-width
 *   forms `＝` `＋` `－` `＠` (some spreadsheet programs normalise those to ASCII), is prefixed with a single
 *   quote `'`, which spreadsheet programs show as text and never evaluate;
 * - EXCEPTION: a text that is exactly a plain decimal number — optional sign, digits, optionally one `.` or
 *   `,` followed by digits (e.g. `-12,5`, `+3`, `-0.25`) — is left alone. Such a text cannot call a function
 *   or reference another cell: at worst the program reads it as the number it spells, which is what the
 *   user expects in a French spreadsheet (a quote would turn `-12,5` into the string `'-12,5` and break
 *   sums). Anything else starting with a sign (`-1+2`, `-A1`, `+33 6 12…`, `--x`) is quoted.
 * - everything else is returned unchanged.
 *
 * The function is idempotent (a quoted text starts with `'`, which is not dangerous) and only ever adds one
 * leading character.
 */
export function neutralizeSpreadsheetCell(text: string): string {
  if (text.length === 0) return text;
  const first = text.charAt(0);
  if (!FORMULA_TRIGGERS.has(first)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** The characters that make a spreadsheet program treat a cell as a formula (OWASP CSV Injection), plus the full-width forms. */
export const FORMULA_TRIGGERS: ReadonlySet<string> = new Set([
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\uFF1D", // ＝
  "\uFF0B", // ＋
  "\uFF0D", // －
  "\uFF20", // ＠
]);

/** A plain signed decimal number, with a `.` or `,` decimal separator: cannot be a formula. ASCII digits only. */
const PLAIN_NUMBER = /^[+-][0-9]+(?:[.,][0-9]+)?$/;

/** Whether a text cell would be read as a formula by a spreadsheet program (see {@link neutralizeSpreadsheetCell}). */
export function isDangerousSpreadsheetCell(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0)) && !PLAIN_NUMBER.test(text);
}
