/**
 * The PEPS coefficient-table file (DOMAIN.md §4.4: the CPAM supplies the tables to participating teams; the values
 * are ⚠️ not public, so a federation imports them). One row per value, five columns:
 *
 * | type          | cle                              | min | max | valeur                         |
 * |---------------|----------------------------------|-----|-----|--------------------------------|
 * | table         | code / libelle / illustratif     |     |     | PEPS2 / « PEPS 2 — 2025 » / non |
 * | base          |                                  |     |     | € per patient per full period  |
 * | age           | band label (0-6, 85+…)           | 0   | 6   | coefficient (max empty = « et plus ») |
 * | sexe          | F or M                           |     |     | coefficient                    |
 * | ald           | number of ALD (the last = « et plus ») |  |   | coefficient                    |
 * | precarite     |                                  |     |     | coefficient (≥ 1)              |
 * | bonus_qualite |                                  |     |     | rate at a perfect score (0.05 or 5 %) |
 * | plafond       |                                  |     |     | rate over fee-for-service (0.2 or 20 %), empty = no cap |
 *
 * Decimal commas and « % » are accepted. Every problem is reported with its line (line 1 = the header row); then
 * the table is checked by `validatePepsCoefficientTable` (bands contiguous from 0, coefficients > 0…).
 */
import { ILLUSTRATIVE_PEPS_TABLE, validatePepsCoefficientTable, type PepsCoefficientTable } from "@maillage/domain";

import type { SheetTable } from "../../common/spreadsheet.js";
import { REFERENCE_CODE_PATTERN } from "./dto/reference-data.inputs.js";

export const PEPS_FILE_HEADERS = ["type", "cle", "min", "max", "valeur"] as const;

/** One problem of the file, in French; `line` is the spreadsheet's row number (null for the whole file). */
export type PepsFileProblem = { line: number | null; field: string; code: string; message: string };

const SINGLETONS = ["base", "precarite", "bonus_qualite", "plafond"] as const;
type Singleton = (typeof SINGLETONS)[number];
const TYPES = ["table", "base", "age", "sexe", "ald", "precarite", "bonus_qualite", "plafond"] as const;
const MAX_LABEL_LENGTH = 200;

/** Lower-case, without accents or surrounding spaces: « Clé » → « cle », « Précarité » → « precarite ». */
const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();

/** A number as French spreadsheets write it: « 1,3 », « 1.3 », « 1 234,5 », « 5 % » (= 0.05); null otherwise. */
export function parseFrenchNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  const m = /^(-?\d+(?:[.,]\d+)?)(%?)$/.exec(compact);
  if (!m || m[1] === undefined) return null;
  const n = Number(m[1].replace(",", "."));
  return m[2] === "%" ? n / 100 : n;
}

const parseInteger = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

const YES = new Set(["oui", "o", "vrai", "true", "1", "yes"]);
const NO = new Set(["non", "n", "faux", "false", "0", "no", ""]);

/**
 * Parses the file into a coefficient table and validates it (DOMAIN.md §4.4). Either the table, or every problem
 * found — nothing is partially accepted.
 */
export function parsePepsTableSheet(sheet: SheetTable): { ok: true; table: PepsCoefficientTable } | { ok: false; problems: PepsFileProblem[] } {
  const problems: PepsFileProblem[] = [];
  const problem = (line: number | null, field: string, code: string, message: string) =>
    problems.push({ line, field, code, message: line === null ? message : `Ligne ${line} : ${message}` });

  const headers = sheet.headers.map(fold);
  const col = Object.fromEntries(PEPS_FILE_HEADERS.map((h) => [h, headers.indexOf(h)])) as Record<(typeof PEPS_FILE_HEADERS)[number], number>;
  const missing = PEPS_FILE_HEADERS.filter((h) => col[h] < 0);
  if (missing.length > 0) {
    problem(
      null,
      "headers",
      "PEPS_FILE.HEADERS",
      `Colonnes attendues : ${PEPS_FILE_HEADERS.join(", ")} (manquantes : ${missing.join(", ")}). Partez du modèle téléchargeable.`,
    );
    return { ok: false, problems };
  }

  let code: string | null = null;
  let label: string | null = null;
  let illustrative = false;
  const singletons = new Map<Singleton, { line: number; value: number | null }>();
  const ageBands: { band: string; minAge: number; maxAge: number | null; coefficient: number }[] = [];
  const ageLines: number[] = [];
  const sex: Partial<Record<"F" | "M", number>> = {};
  const sexLines: Partial<Record<"F" | "M", number>> = {};
  const ald: { count: number; coefficient: number }[] = [];
  const aldLines: number[] = [];
  const tableLines = new Map<string, number>();

  sheet.rows.forEach((cells, index) => {
    const line = index + 2;
    const cell = (name: (typeof PEPS_FILE_HEADERS)[number]) => (cells[col[name]] ?? "").trim();
    if (cells.every((c) => c.trim() === "")) return;
    const type = fold(cell("type"));
    const key = cell("cle");
    const rawValue = cell("valeur");
    if (!(TYPES as readonly string[]).includes(type)) {
      problem(line, "type", "PEPS_FILE.TYPE_UNKNOWN", `type « ${cell("type")} » inconnu (attendu : ${TYPES.join(", ")}).`);
      return;
    }
    const number = (what: string): number | null => {
      const n = parseFrenchNumber(rawValue);
      if (n === null) problem(line, "valeur", "PEPS_FILE.NOT_A_NUMBER", `${what} « ${rawValue} » n'est pas un nombre.`);
      return n;
    };
    switch (type) {
      case "table": {
        const k = fold(key);
        if (tableLines.has(k)) {
          problem(line, "cle", "PEPS_FILE.DUPLICATE", `« ${key} » est déjà défini ligne ${tableLines.get(k)}.`);
          return;
        }
        tableLines.set(k, line);
        if (k === "code") {
          if (!REFERENCE_CODE_PATTERN.test(rawValue)) {
            problem(line, "code", "PEPS_FILE.CODE_INVALID", `le code « ${rawValue} » doit être écrit en majuscules, chiffres et « _ » (ex. PEPS2).`);
          } else code = rawValue;
        } else if (k === "libelle") {
          if (rawValue.length > MAX_LABEL_LENGTH) problem(line, "label", "PEPS_FILE.LABEL_TOO_LONG", `le libellé dépasse ${MAX_LABEL_LENGTH} caractères.`);
          else label = rawValue;
        } else if (k === "illustratif") {
          const v = fold(rawValue);
          if (YES.has(v)) illustrative = true;
          else if (NO.has(v)) illustrative = false;
          else problem(line, "illustrative", "PEPS_FILE.NOT_YES_NO", `« illustratif » vaut « oui » ou « non », pas « ${rawValue} ».`);
        } else {
          problem(line, "cle", "PEPS_FILE.TABLE_KEY_UNKNOWN", `clé « ${key} » inconnue pour le type table (attendu : code, libelle, illustratif).`);
        }
        return;
      }
      case "age": {
        const minAge = parseInteger(cell("min"));
        const maxText = cell("max");
        const maxAge = maxText === "" ? null : parseInteger(maxText);
        if (key === "") problem(line, "cle", "PEPS_FILE.BAND_REQUIRED", "indiquez le libellé de la tranche d'âge (colonne cle, ex. 0-6).");
        if (minAge === null) problem(line, "min", "PEPS_FILE.AGE_INVALID", `l'âge minimum « ${cell("min")} » doit être un nombre entier d'années.`);
        if (maxText !== "" && maxAge === null) problem(line, "max", "PEPS_FILE.AGE_INVALID", `l'âge maximum « ${maxText} » doit être un nombre entier d'années (vide = « et plus »).`);
        const coefficient = number("le coefficient");
        if (key !== "" && minAge !== null && (maxText === "" || maxAge !== null) && coefficient !== null) {
          ageBands.push({ band: key, minAge, maxAge, coefficient });
          ageLines.push(line);
        }
        return;
      }
      case "sexe": {
        const s = key.trim().toUpperCase();
        if (s !== "F" && s !== "M") {
          problem(line, "cle", "PEPS_FILE.SEX_INVALID", `le sexe « ${key} » doit être F ou M.`);
          return;
        }
        if (sexLines[s] !== undefined) {
          problem(line, "cle", "PEPS_FILE.DUPLICATE", `le coefficient du sexe ${s} est déjà défini ligne ${sexLines[s]}.`);
          return;
        }
        sexLines[s] = line;
        const coefficient = number("le coefficient");
        if (coefficient !== null) sex[s] = coefficient;
        return;
      }
      case "ald": {
        const count = parseInteger(key);
        if (count === null) {
          problem(line, "cle", "PEPS_FILE.ALD_COUNT_INVALID", `le nombre d'ALD « ${key} » doit être un nombre entier (0, 1, 2…).`);
          return;
        }
        const coefficient = number("le coefficient");
        if (coefficient !== null) {
          ald.push({ count, coefficient });
          aldLines.push(line);
        }
        return;
      }
      default: {
        const name = type as Singleton;
        const earlier = singletons.get(name);
        if (earlier) {
          problem(line, "type", "PEPS_FILE.DUPLICATE", `« ${name} » est déjà défini ligne ${earlier.line}.`);
          return;
        }
        if (name === "plafond" && rawValue === "") {
          singletons.set(name, { line, value: null });
          return;
        }
        singletons.set(name, { line, value: number("la valeur") });
      }
    }
  });

  if (code === null && !tableLines.has("code")) problem(null, "code", "PEPS_FILE.CODE_REQUIRED", "Indiquez le code de la table : une ligne « table ; code ; ; ; PEPS2 ».");
  if (label === null && !tableLines.has("libelle")) problem(null, "label", "PEPS_FILE.LABEL_REQUIRED", "Indiquez le libellé de la table : une ligne « table ; libelle ; ; ; … ».");
  for (const name of ["base", "precarite", "bonus_qualite"] as const) {
    if (!singletons.has(name)) problem(null, name, "PEPS_FILE.ROW_REQUIRED", `Ligne « ${name} » manquante.`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const hasSex = sexLines.F !== undefined || sexLines.M !== undefined;
  const raw = {
    id: code,
    label,
    illustrative,
    basePerPatientEur: singletons.get("base")?.value,
    ageBands,
    ...(hasSex ? { sexCoefficients: { F: sex.F, M: sex.M } } : {}),
    aldCoefficients: ald,
    precariteCoefficient: singletons.get("precarite")?.value,
    qualityBonusMaxRate: singletons.get("bonus_qualite")?.value,
    feeForServiceCapRate: singletons.get("plafond")?.value ?? null,
  };
  const valid = validatePepsCoefficientTable(raw);
  if (valid.ok) return { ok: true, table: valid.value };

  /** The line a domain error is about: the indexed age/ALD row, the singleton row, else none. */
  const lineOf = (field: string): number | null => {
    const indexed = /^(ageBands|aldCoefficients)\[(\d+)\]/.exec(field);
    if (indexed) return (indexed[1] === "ageBands" ? ageLines : aldLines)[Number(indexed[2])] ?? null;
    const singleton: Record<string, Singleton | undefined> = {
      basePerPatientEur: "base",
      precariteCoefficient: "precarite",
      qualityBonusMaxRate: "bonus_qualite",
      feeForServiceCapRate: "plafond",
    };
    const name = singleton[field];
    if (name) return singletons.get(name)?.line ?? null;
    if (field === "sexCoefficients") return sexLines.F ?? sexLines.M ?? null;
    if (field === "label") return tableLines.get("libelle") ?? null;
    if (field === "id") return tableLines.get("code") ?? null;
    return null;
  };
  for (const e of valid.error) problem(lineOf(e.field), e.field, e.code, e.message);
  return { ok: false, problems };
}

/** The template offered for download: the layout filled with the illustrative table (to be replaced by the CPAM's values). */
export function pepsTemplateRows(): (string | number | null)[][] {
  const t = ILLUSTRATIVE_PEPS_TABLE;
  return [
    ["table", "code", null, null, "MA_TABLE_PEPS"],
    ["table", "libelle", null, null, "Remplacez par le libellé de la table transmise par la CPAM"],
    ["table", "illustratif", null, null, "oui"],
    ["base", null, null, null, t.basePerPatientEur],
    ...t.ageBands.map((b) => ["age", b.band, b.minAge, b.maxAge, b.coefficient]),
    ...(t.sexCoefficients ? (["F", "M"] as const).map((s) => ["sexe", s, null, null, t.sexCoefficients?.[s] ?? null]) : []),
    ...t.aldCoefficients.map((a) => ["ald", String(a.count), null, null, a.coefficient]),
    ["precarite", null, null, null, t.precariteCoefficient],
    ["bonus_qualite", null, null, null, t.qualityBonusMaxRate],
    ["plafond", null, null, null, t.feeForServiceCapRate],
  ];
}
