import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import { daysInYear, evaluatePeriod, validatePeriodInputs } from "../periods/periods.js";
import type { PeriodInputs, PeriodOutputs, Programme, ResultsReferenceData } from "../periods/period.types.js";
import {
  codeFromLabel,
  hasPercentSign,
  normalizeHeader,
  parseFrenchBoolean,
  parseFrenchDate,
  parseFrenchNumber,
} from "./cells.js";

/**
 * Import of result periods from a spreadsheet (issue "Results of running MSPs"): the layout of each programme's
 * template, and the mapping of a sheet's lines to period candidates with French, line-by-line errors naming the
 * column. Pure: reading the file (CSV/XLSX) is the API's job; validating and computing a candidate is
 * {@link evaluatePeriod}'s (PEPS DOMAIN.md §4.4, IPEP §5.2–5.3, ACI §3.3–3.4).
 *
 * Layout (see docs/results.md « Import de périodes »):
 * - line 1 holds the column titles (French, matched without regard to case, accents or spacing); line 2 onwards,
 *   the data; a line numbered N here is line N in Excel;
 * - every programme starts with « Identifiant MSP » (the project's id, pre-filled by the template), « Nom de la MSP »
 *   (informative, ignored) and « Année »;
 * - IPEP and ACI: one line per period (MSP + year); the same MSP and year twice is an error on both lines;
 * - PEPS: long format — one line per patient group (tranche d'âge × sexe × nombre d'ALD × précarité, DOMAIN.md §4.4);
 *   the lines with the same MSP and year form one period. Period-level columns (forfait, jours, score…) may be
 *   repeated on each line or filled on one line only; two different values are an error;
 * - free lists are extra columns: « Indicateur : <libellé> (%) » (PEPS, IPEP quality indicators, §4.4 ⚠️ / §5.3 ⚠️:
 *   the lists are not fixed) and « Répartition : <libellé> (€) » (PEPS internal split); ACI indicators are columns
 *   « <libellé> (<CODE>) » whose cells read Oui / Non / a number of units / a level in % with an optional « + IPA »;
 * - numbers accept a decimal comma, spaces between thousands and a trailing € or %; percentages are 0–100;
 * - a line with nothing but the MSP, its name and the pre-filled reference (table PEPS, paramètres IPEP) is ignored,
 *   so a template can be sent back with only the MSPs that have data.
 */

/** The sheet as read (`SheetTable` of the API): cell texts, line 1 = headers. */
export type SheetTableLike = { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** One problem on one line (1 = the header line) and, when known, one column (its title in the file). */
export type SheetLineError = { line: number; column: string | null; message: string };

/** Where a field of the inputs came from: reported on that line and column. */
export type FieldSource = { line: number; column: string | null; percent?: boolean };

/** The lines of one MSP and year, read into the `inputs` JSON that {@link evaluatePeriod} validates and computes. */
export type PeriodCandidate = {
  lines: number[];
  projectId: string;
  year: number;
  inputs: Record<string, unknown>;
  /** Field path (as in FieldError.field, e.g. `groups[2].patients`) → line and column. */
  sources: Record<string, FieldSource>;
};

export type ParsedPeriodSheet = {
  /** Periods whose lines were all readable; still to validate ({@link evaluatePeriodCandidate}). */
  periods: PeriodCandidate[];
  /** Reading errors: headers, unreadable cells, missing keys, duplicated periods, conflicting values. */
  errors: SheetLineError[];
  /** Every data line that was not ignored, with the MSP and year it names (for the report). */
  lines: { line: number; projectId: string; year: number | null }[];
  /** Lines with nothing to import (only the MSP and the template's pre-filled cells). */
  ignoredLines: number[];
};

type Kind = "text" | "integer" | "number" | "percent" | "boolean" | "date" | "scope" | "sex" | "ald";

/** One column of a programme's template. `key` is the inputs field; `reference` columns are pre-filled by the template. */
export type PeriodSheetColumn = {
  readonly header: string;
  readonly key: string;
  readonly kind: Kind;
  readonly level: "period" | "line";
  readonly required: boolean;
  readonly reference?: boolean;
  /** French help for the documentation and the portal. */
  readonly help: string;
};

export const ID_HEADER = "Identifiant MSP";
export const NAME_HEADER = "Nom de la MSP";
export const YEAR_HEADER = "Année";
export const INDICATOR_PREFIX = "Indicateur : ";
export const SPLIT_PREFIX = "Répartition : ";

const P = "period" as const;
const L = "line" as const;

/** PEPS, long format: period columns then the patient-group columns (DOMAIN.md §4.4 "keep, per team and period"). */
const PEPS_COLUMNS: readonly PeriodSheetColumn[] = [
  { header: "Table PEPS", key: "tableId", kind: "text", level: P, required: true, reference: true, help: "Identifiant de la table de coefficients (pré-rempli)." },
  { header: "Périmètre", key: "scope", kind: "scope", level: P, required: true, help: "Patientèle médecin traitant, 65 ans et plus, ou Diabétiques." },
  { header: "Patientèle", key: "patientele", kind: "integer", level: P, required: false, help: "Patients dans le périmètre ; vide = somme des groupes (sinon elle doit l'égaler)." },
  { header: "Jours dans le périmètre", key: "daysInScope", kind: "integer", level: P, required: true, help: "Jours de présence des patients dans le périmètre sur la période." },
  { header: "Jours de la période", key: "daysInPeriod", kind: "integer", level: P, required: false, help: "365 ou 366 ; vide = les jours de l'année." },
  { header: "Score qualité (%)", key: "qualityScore", kind: "percent", level: P, required: true, help: "0 à 100." },
  { header: "Forfait reçu (€)", key: "forfaitReceivedEur", kind: "number", level: P, required: true, help: "Montant versé par l'Assurance Maladie pour la période." },
  { header: "Équivalent paiement à l'acte (€)", key: "feeForServiceEquivalentEur", kind: "number", level: P, required: true, help: "Montant « à l'acte » équivalent, mêmes patients et période." },
  { header: "Tranche d'âge", key: "ageBand", kind: "text", level: L, required: true, help: "Une tranche de la table (ex. 65-74, 85+)." },
  { header: "Sexe", key: "sex", kind: "sex", level: L, required: true, help: "F ou M." },
  { header: "Nombre d'ALD", key: "aldCount", kind: "ald", level: L, required: true, help: "0, 1, 2… (« 2+ » accepté)." },
  { header: "Précarité (C2S/AME)", key: "precarite", kind: "boolean", level: L, required: true, help: "Oui ou Non." },
  { header: "Patients", key: "patients", kind: "integer", level: L, required: true, help: "Patients du groupe." },
];

/** IPEP, one line per period (DOMAIN.md §5.2 intéressement, §5.3 quality score). */
const IPEP_COLUMNS: readonly PeriodSheetColumn[] = [
  { header: "Paramètres IPEP", key: "parametersId", kind: "text", level: P, required: true, reference: true, help: "Identifiant des paramètres (pré-rempli)." },
  { header: "Groupement", key: "groupement", kind: "text", level: P, required: true, help: "Nom du groupement." },
  { header: "Patients", key: "patients", kind: "integer", level: P, required: true, help: "Patientèle du groupement." },
  { header: "Gain sur le niveau (€/patient)", key: "gainLevelPerPatientEur", kind: "number", level: P, required: true, help: "G_écart, peut être négatif." },
  { header: "Gain sur l'évolution (€/patient)", key: "gainEvolutionPerPatientEur", kind: "number", level: P, required: true, help: "G_évolution, peut être négatif." },
  { header: "Points indicateurs socles", key: "soclePoints", kind: "number", level: P, required: true, help: "Points du score qualité." },
  { header: "Points indicateurs à la carte", key: "aLaCartePoints", kind: "number", level: P, required: true, help: "0 si non choisis." },
  { header: "Points expérience patient", key: "patientExperiencePoints", kind: "number", level: P, required: true, help: "20 au plus." },
  { header: "Taux de modulation (%)", key: "enteredModulationRate", kind: "percent", level: P, required: false, help: "Seulement si la notification de la CNAM le donne ; 0 à 100." },
  { header: "Intéressement reçu (€)", key: "incentiveReceivedEur", kind: "number", level: P, required: false, help: "Vide tant qu'il n'est pas versé." },
];

/** ACI, one line per period (DOMAIN.md §3.3–3.4); the indicator columns follow (one per indicator of the rule sets). */
const ACI_COLUMNS: readonly PeriodSheetColumn[] = [
  { header: "Version ACI", key: "ruleSetId", kind: "text", level: P, required: false, help: "RA2015, ACI2017 ou ACI2017_AV1 ; vide = la version en vigueur dans l'année." },
  { header: "Patientèle", key: "patientele", kind: "integer", level: P, required: true, help: "Patientèle médecin traitant des médecins associés de la SISA." },
  { header: "Professionnels associés", key: "associatedProfessionals", kind: "integer", level: P, required: true, help: "Nombre de professionnels associés." },
  { header: "Date de signature du contrat", key: "contractStart", kind: "date", level: P, required: true, help: "JJ/MM/AAAA." },
  { header: "Nouvelle structure", key: "isNewStructure", kind: "boolean", level: P, required: false, help: "Oui pendant les deux premières années civiles." },
  { header: "Taux C2S (%)", key: "precarite.c2sRate", kind: "percent", level: P, required: false, help: "Majoration précarité : les quatre taux, ou aucun." },
  { header: "Taux AME (%)", key: "precarite.ameRate", kind: "percent", level: P, required: false, help: "" },
  { header: "Taux national C2S (%)", key: "precarite.nationalC2sRate", kind: "percent", level: P, required: false, help: "" },
  { header: "Taux national AME (%)", key: "precarite.nationalAmeRate", kind: "percent", level: P, required: false, help: "" },
  { header: "Montant reçu (€)", key: "amountReceivedEur", kind: "number", level: P, required: false, help: "Avance + solde ; vide si inconnu." },
];

const KEY_COLUMNS: readonly PeriodSheetColumn[] = [
  { header: ID_HEADER, key: "$projectId", kind: "text", level: P, required: true, reference: true, help: "Identifiant de la MSP (pré-rempli, ne pas modifier)." },
  { header: NAME_HEADER, key: "$name", kind: "text", level: P, required: false, reference: true, help: "Pour information ; ignoré à l'import." },
  { header: YEAR_HEADER, key: "$year", kind: "integer", level: P, required: true, help: "Année civile de la période (ex. 2024)." },
];

/** The fixed columns of each programme's template, in order (ACI indicator columns come after). */
export const PERIOD_SHEET_COLUMNS: Readonly<Record<Programme, readonly PeriodSheetColumn[]>> = {
  PEPS: [...KEY_COLUMNS, ...PEPS_COLUMNS],
  IPEP: [...KEY_COLUMNS, ...IPEP_COLUMNS],
  ACI: [...KEY_COLUMNS, ...ACI_COLUMNS],
};

/** « <libellé> (<CODE>) »: the title of an ACI indicator column. */
export const aciIndicatorHeader = (label: string, code: string): string => `${label} (${code})`;

/**
 * The template of a programme: the columns, and one line per MSP (id and name) with the reference pre-filled (PEPS
 * table, IPEP parameters: the first of the deployment's reference data). ACI: one column per indicator of every
 * rule set, the most recent rule set first.
 */
export function periodSheetTemplate(
  programme: Programme,
  ref: ResultsReferenceData,
  projects: readonly { id: string; name: string }[],
): { headers: string[]; rows: (string | number | null)[][] } {
  const columns = PERIOD_SHEET_COLUMNS[programme];
  const headers = columns.map((c) => c.header);
  if (programme === "ACI") {
    const seen = new Set<string>();
    const ruleSets = Object.values(ref.aciRuleSets).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    for (const rs of ruleSets) {
      for (const ind of rs.indicators) {
        if (seen.has(ind.code)) continue;
        seen.add(ind.code);
        headers.push(aciIndicatorHeader(ind.label, ind.code));
      }
    }
  }
  const firstKey = (o: Readonly<Record<string, unknown>>): string | null => Object.keys(o).sort()[0] ?? null;
  const prefill: Record<string, string | null> = {
    tableId: firstKey(ref.pepsTables),
    parametersId: firstKey(ref.ipepParameters),
  };
  const rows = projects.map((p) =>
    headers.map((h, i): string | number | null => {
      const col = columns[i];
      if (!col) return null;
      if (col.key === "$projectId") return p.id;
      if (col.key === "$name") return p.name;
      return prefill[col.key] ?? null;
    }),
  );
  return { headers, rows };
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading

type Column =
  | { kind: "fixed"; spec: PeriodSheetColumn; header: string }
  | { kind: "indicator"; label: string; code: string; header: string }
  | { kind: "split"; label: string; header: string }
  | { kind: "aci"; code: string; header: string }
  | { kind: "blank"; header: string };

const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const stripUnit = (label: string): string => label.replace(/\s*\((?:%|€|eur)\)\s*$/i, "").trim();

const MESSAGES = {
  empty: "Le fichier est vide : il doit contenir la ligne des titres de colonnes puis une ligne par période.",
  noData: "Le fichier ne contient aucune ligne à importer.",
  missingColumn: (h: string) => `Colonne obligatoire absente : « ${h} ».`,
  unknownColumn: (h: string) => `Colonne inconnue : « ${h} ». Utilisez les titres du modèle.`,
  duplicateColumn: (h: string) => `La colonne « ${h} » apparaît deux fois.`,
  untitled: (letter: string) => `La colonne ${letter} contient des valeurs mais pas de titre.`,
  required: "Ce champ est obligatoire.",
  year: (v: string) => `« ${v} » n'est pas une année (exemple : 2024).`,
  number: (v: string) => `« ${v} » n'est pas un nombre lisible (exemple : 1 234,5).`,
  percent: (v: string) => `« ${v} » n'est pas un pourcentage lisible (exemple : 85 ou 85 %).`,
  boolean: (v: string) => `Répondez Oui ou Non (lu : « ${v} »).`,
  date: (v: string) => `« ${v} » n'est pas une date lisible (JJ/MM/AAAA).`,
  scope: (v: string) => `Périmètre inconnu « ${v} » : Patientèle médecin traitant, 65 ans et plus, ou Diabétiques.`,
  sex: (v: string) => `Sexe inconnu « ${v} » : F ou M.`,
  aci: (v: string) => `« ${v} » : indiquez Oui, Non, un nombre d'unités ou un niveau en % (suivi de « + IPA » le cas échéant).`,
  duplicatePeriod: (line: number) => `Période en double : même MSP et même année qu'à la ligne ${line}.`,
  conflict: (line: number) => `Valeur différente de celle de la ligne ${line} pour la même MSP et la même année.`,
  percentRange: "Le pourcentage doit être compris entre 0 et 100.",
  rejectedWith: (line: number) => `Ligne rejetée avec sa période (voir la ligne ${line}).`,
} as const;

const SCOPE_WORDS: Readonly<Record<string, string>> = {
  patientele_mt: "PATIENTELE_MT",
  "patientele medecin traitant": "PATIENTELE_MT",
  "patientele mt": "PATIENTELE_MT",
  tous: "PATIENTELE_MT",
  age_65_plus: "AGE_65_PLUS",
  "65 ans et plus": "AGE_65_PLUS",
  "65+": "AGE_65_PLUS",
  diabetiques: "DIABETIQUES",
};

type Cell = { ok: true; value: unknown } | { ok: false; message: string };

function readCell(kind: Kind, text: string): Cell {
  switch (kind) {
    case "text":
      return { ok: true, value: text };
    case "integer":
    case "number": {
      const n = parseFrenchNumber(text);
      return n === null ? { ok: false, message: MESSAGES.number(text) } : { ok: true, value: n };
    }
    case "percent": {
      const n = parseFrenchNumber(text);
      return n === null ? { ok: false, message: MESSAGES.percent(text) } : { ok: true, value: n / 100 };
    }
    case "boolean": {
      const b = parseFrenchBoolean(text);
      return b === null ? { ok: false, message: MESSAGES.boolean(text) } : { ok: true, value: b };
    }
    case "date": {
      const d = parseFrenchDate(text);
      return d === null ? { ok: false, message: MESSAGES.date(text) } : { ok: true, value: d };
    }
    case "scope": {
      const s = normalizeHeader(text);
      const code = SCOPE_WORDS[s] ?? SCOPE_WORDS[s.replace(/\s+/g, "_")];
      return code ? { ok: true, value: code } : { ok: false, message: MESSAGES.scope(text) };
    }
    case "sex": {
      const s = normalizeHeader(text);
      if (s === "f" || s === "femme" || s === "femmes") return { ok: true, value: "F" };
      if (s === "m" || s === "h" || s === "homme" || s === "hommes") return { ok: true, value: "M" };
      return { ok: false, message: MESSAGES.sex(text) };
    }
    case "ald": {
      const m = /^(\d+)\s*(?:\+|et plus|ou plus)?$/i.exec(text.trim());
      if (m) return { ok: true, value: Number(m[1]) };
      const n = parseFrenchNumber(text);
      return n === null ? { ok: false, message: MESSAGES.number(text) } : { ok: true, value: n };
    }
  }
}

/**
 * An ACI indicator cell (DOMAIN.md §3.4 achievement): Oui / Non; an integer = units reached (protocols, missions,
 * internships; 0 = not achieved); a decimal 0–1 or a percentage = level reached (§3.4 🔶 graduated achievement);
 * followed by « + IPA » when an IPA is involved (avenant 1 bonuses, §3.5 ✅).
 */
export function readAciAchievementCell(text: string): Record<string, unknown> | null {
  let s = text.trim();
  let withIpa = false;
  const ipa = /\s*(?:\+|avec)\s*ipa\s*$/i.exec(s);
  if (ipa) {
    withIpa = true;
    s = s.slice(0, ipa.index).trim();
  }
  const extra = withIpa ? { withIpa: true } : {};
  const b = parseFrenchBoolean(s);
  if (b !== null && !/^[01]$/.test(s)) return { achieved: b, ...extra };
  const n = parseFrenchNumber(s);
  if (n === null || n < 0) return null;
  if (hasPercentSign(s)) return { achieved: n > 0, level: n / 100, ...extra };
  if (Number.isInteger(n)) return { achieved: n > 0, units: n, ...extra };
  return { achieved: n > 0, level: n, ...extra };
}

/** Headers → columns; errors for unknown, duplicated or untitled columns and missing required ones. */
function readHeaders(programme: Programme, table: SheetTableLike, errors: SheetLineError[]): Column[] {
  const specs = PERIOD_SHEET_COLUMNS[programme];
  const byName = new Map(specs.map((s) => [normalizeHeader(s.header), s]));
  const seen = new Map<string, number>();
  const columns = table.headers.map((raw, index): Column => {
    const header = raw.trim();
    const n = normalizeHeader(header);
    if (n === "") {
      if (table.rows.some((r) => (r[index] ?? "").trim() !== "")) errors.push({ line: 1, column: null, message: MESSAGES.untitled(columnLetter(index)) });
      return { kind: "blank", header: columnLetter(index) };
    }
    if (seen.has(n)) errors.push({ line: 1, column: header, message: MESSAGES.duplicateColumn(header) });
    seen.set(n, index);
    const spec = byName.get(n);
    if (spec) return { kind: "fixed", spec, header };
    if (programme !== "ACI") {
      const ind = /^indicateur(?: qualite)? ?: ?(.+)$/.exec(n);
      const label = stripUnit(header.slice(header.indexOf(":") + 1));
      if (ind && label) return { kind: "indicator", label, code: codeFromLabel(label), header };
      if (programme === "PEPS" && /^repartition ?: ?.+$/.test(n) && label) return { kind: "split", label, header };
    } else {
      const code = /\(([A-Z][A-Z0-9_]*)\)\s*$/.exec(header);
      if (code?.[1]) return { kind: "aci", code: code[1], header };
    }
    errors.push({ line: 1, column: header, message: MESSAGES.unknownColumn(header) });
    return { kind: "blank", header };
  });
  const present = new Set(columns.flatMap((c) => (c.kind === "fixed" ? [c.spec.key] : [])));
  for (const s of specs) if (s.required && !present.has(s.key)) errors.push({ line: 1, column: s.header, message: MESSAGES.missingColumn(s.header) });
  const codes = columns.flatMap((c) => (c.kind === "indicator" ? [c] : []));
  const dup = codes.find((c, i) => codes.findIndex((o) => o.code === c.code) !== i);
  if (dup) errors.push({ line: 1, column: dup.header, message: MESSAGES.duplicateColumn(dup.header) });
  return columns;
}

type Group = {
  projectId: string;
  year: number;
  lines: number[];
  blocked: boolean;
  duplicateOf: number | null;
  /** period-level values: inputs key → value and where it came from */
  values: Map<string, { value: unknown; line: number; column: string; percent: boolean }>;
  /** line-level: one record per line (PEPS groups) */
  groupRows: { line: number; cells: Map<string, { value: unknown; column: string }> }[];
};

/**
 * Reads a sheet into period candidates (see the module comment for the layout). Candidates still have to pass
 * {@link evaluatePeriodCandidate}; a period with a reading error on any of its lines is reported with those errors
 * and not offered as a candidate.
 */
export function parsePeriodSheet(programme: Programme, table: SheetTableLike): ParsedPeriodSheet {
  const errors: SheetLineError[] = [];
  const out: ParsedPeriodSheet = { periods: [], errors, lines: [], ignoredLines: [] };
  if (table.headers.every((h) => h.trim() === "") && table.rows.length === 0) {
    errors.push({ line: 1, column: null, message: MESSAGES.empty });
    return out;
  }
  const columns = readHeaders(programme, table, errors);
  if (errors.length > 0) return out;
  const idIndex = columns.findIndex((c) => c.kind === "fixed" && c.spec.key === "$projectId");
  const yearIndex = columns.findIndex((c) => c.kind === "fixed" && c.spec.key === "$year");
  const groups = new Map<string, Group>();
  const order: Group[] = [];

  table.rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (index: number): string => (row[index] ?? "").trim();
    const filled = columns.map((_, index) => cell(index) !== "");
    if (!filled.some(Boolean)) return;
    const hasData = columns.some((c, index) => filled[index] && !(c.kind === "fixed" && c.spec.reference === true));
    if (!hasData) {
      out.ignoredLines.push(line);
      return;
    }
    const projectId = cell(idIndex);
    const yearText = cell(yearIndex);
    const yearNumber = parseFrenchNumber(yearText);
    const year = yearNumber !== null && Number.isSafeInteger(yearNumber) ? yearNumber : null;
    out.lines.push({ line, projectId, year });
    let keyError = false;
    if (projectId === "") {
      errors.push({ line, column: ID_HEADER, message: MESSAGES.required });
      keyError = true;
    }
    if (yearText === "" || year === null) {
      errors.push({ line, column: YEAR_HEADER, message: yearText === "" ? MESSAGES.required : MESSAGES.year(yearText) });
      keyError = true;
    }
    if (keyError || year === null) return;

    const key = `${projectId}\u0000${year}`;
    let group = groups.get(key);
    if (group && programme !== "PEPS") {
      errors.push({ line, column: YEAR_HEADER, message: MESSAGES.duplicatePeriod(group.lines[0] ?? line) });
      if (group.duplicateOf === null) {
        group.duplicateOf = line;
        errors.push({ line: group.lines[0] ?? line, column: YEAR_HEADER, message: MESSAGES.duplicatePeriod(line) });
      }
      group.blocked = true;
      // Still read the line, to report its other errors too (nothing of it is kept).
      group = { projectId, year, lines: [], blocked: true, duplicateOf: line, values: new Map(), groupRows: [] };
    } else if (!group) {
      group = { projectId, year, lines: [], blocked: false, duplicateOf: null, values: new Map(), groupRows: [] };
      groups.set(key, group);
      order.push(group);
    }
    group.lines.push(line);
    const lineCells = new Map<string, { value: unknown; column: string }>();

    columns.forEach((c, index) => {
      const text = cell(index);
      if (text === "" || c.kind === "blank") return;
      let fieldKey: string;
      let parsed: Cell;
      let percent = false;
      if (c.kind === "fixed") {
        if (c.spec.key.startsWith("$")) return;
        fieldKey = c.spec.key;
        percent = c.spec.kind === "percent";
        parsed = readCell(c.spec.kind, text);
        if (c.spec.level === "line") {
          if (!parsed.ok) {
            errors.push({ line, column: c.header, message: parsed.message });
            group.blocked = true;
          } else lineCells.set(fieldKey, { value: parsed.value, column: c.header });
          return;
        }
      } else if (c.kind === "indicator") {
        fieldKey = `indicator:${c.code}`;
        const n = parseFrenchNumber(text);
        parsed = n === null ? { ok: false, message: MESSAGES.percent(text) } : { ok: true, value: n };
        percent = true;
      } else if (c.kind === "split") {
        fieldKey = `split:${c.label}`;
        parsed = readCell("number", text);
      } else {
        fieldKey = `aci:${c.code}`;
        const a = readAciAchievementCell(text);
        parsed = a === null ? { ok: false, message: MESSAGES.aci(text) } : { ok: true, value: a };
      }
      if (!parsed.ok) {
        errors.push({ line, column: c.header, message: parsed.message });
        group.blocked = true;
        return;
      }
      const previous = group.values.get(fieldKey);
      if (previous && JSON.stringify(previous.value) !== JSON.stringify(parsed.value)) {
        errors.push({ line, column: c.header, message: MESSAGES.conflict(previous.line) });
        group.blocked = true;
        return;
      }
      if (!previous) group.values.set(fieldKey, { value: parsed.value, line, column: c.header, percent });
    });
    group.groupRows.push({ line, cells: lineCells });
  });

  const withErrors = new Set(errors.map((e) => e.line));
  for (const group of order) {
    if (group.blocked) {
      // Lines of the period without an error of their own say why they are rejected too.
      const firstBad = group.lines.find((l) => withErrors.has(l)) ?? group.lines[0] ?? 0;
      for (const l of group.lines) if (!withErrors.has(l)) errors.push({ line: l, column: null, message: MESSAGES.rejectedWith(firstBad) });
      continue;
    }
    out.periods.push(buildCandidate(programme, group, columns));
  }
  if (out.lines.length === 0 && errors.length === 0) errors.push({ line: 2, column: null, message: MESSAGES.noData });
  errors.sort((a, b) => a.line - b.line);
  return out;
}

const headerOf = (columns: readonly Column[], key: string): string | null => {
  const c = columns.find((col) => col.kind === "fixed" && col.spec.key === key);
  return c ? c.header : (PERIOD_SHEET_COLUMNS.PEPS.concat(PERIOD_SHEET_COLUMNS.IPEP, PERIOD_SHEET_COLUMNS.ACI).find((s) => s.key === key)?.header ?? null);
};

function buildCandidate(programme: Programme, group: Group, columns: readonly Column[]): PeriodCandidate {
  const first = group.lines[0] ?? 0;
  const inputs: Record<string, unknown> = {};
  const sources: Record<string, FieldSource> = { year: { line: first, column: YEAR_HEADER }, inputs: { line: first, column: null } };
  const fixedSpecs = PERIOD_SHEET_COLUMNS[programme].filter((s) => !s.key.startsWith("$"));
  // Every known field points at its column, on the line its value came from (else the period's first line).
  for (const s of fixedSpecs) {
    const v = group.values.get(s.key);
    sources[s.key] = { line: v?.line ?? first, column: headerOf(columns, s.key), ...(s.kind === "percent" ? { percent: true } : {}) };
    if (s.level === "period" && v) setPath(inputs, s.key, v.value);
  }
  const dynamic = [...group.values.entries()];
  const indicators = dynamic.filter(([k]) => k.startsWith("indicator:"));
  const firstIndicator = columns.find((c) => c.kind === "indicator");
  if (programme !== "ACI") {
    inputs.qualityIndicators = indicators.map(([k, v], i) => {
      const col = columns.find((c) => c.kind === "indicator" && `indicator:${c.code}` === k);
      const label = col?.kind === "indicator" ? col.label : k;
      for (const f of ["", ".code", ".label", ".value"]) sources[`qualityIndicators[${i}]${f}`] = { line: v.line, column: v.column };
      return { code: col?.kind === "indicator" ? col.code : k, label, value: v.value };
    });
    sources.qualityIndicators = { line: first, column: firstIndicator?.header ?? null };
  }

  if (programme === "PEPS") {
    const splits = dynamic.filter(([k]) => k.startsWith("split:"));
    inputs.internalSplit = splits.map(([k, v], i) => {
      for (const f of ["", ".label", ".amountEur"]) sources[`internalSplit[${i}]${f}`] = { line: v.line, column: v.column };
      return { label: k.slice("split:".length), amountEur: v.value };
    });
    const firstSplit = columns.find((c) => c.kind === "split");
    sources.internalSplit = { line: first, column: firstSplit?.header ?? null };
    const lineSpecs = fixedSpecs.filter((s) => s.level === "line");
    const rows = group.groupRows.filter((r) => r.cells.size > 0);
    inputs.groups = rows.map((r, i) => {
      const g: Record<string, unknown> = {};
      sources[`groups[${i}]`] = { line: r.line, column: null };
      for (const s of lineSpecs) {
        const c = r.cells.get(s.key);
        sources[`groups[${i}].${s.key}`] = { line: r.line, column: headerOf(columns, s.key) };
        if (c) g[s.key] = c.value;
      }
      return g;
    });
    sources.groups = { line: first, column: headerOf(columns, "patients") };
    if (inputs.patientele === undefined) {
      const counts = (inputs.groups as Record<string, unknown>[]).map((g) => g.patients);
      if (counts.length > 0 && counts.every((n) => typeof n === "number")) inputs.patientele = (counts as number[]).reduce((a, b) => a + b, 0);
      sources.patientele = { line: first, column: headerOf(columns, "patients") };
    }
    if (inputs.daysInPeriod === undefined) inputs.daysInPeriod = daysInYear(group.year);
  }

  if (programme === "IPEP" && inputs.incentiveReceivedEur === undefined) inputs.incentiveReceivedEur = null;

  if (programme === "ACI") {
    if (inputs.amountReceivedEur === undefined) inputs.amountReceivedEur = null;
    const achievements: Record<string, unknown> = {};
    for (const [k, v] of dynamic) {
      if (!k.startsWith("aci:")) continue;
      const code = k.slice("aci:".length);
      achievements[code] = v.value;
      for (const f of ["", ".achieved", ".units", ".level", ".withIpa"]) sources[`achievements.${code}${f}`] = { line: v.line, column: v.column, ...(f === ".level" ? { percent: true } : {}) };
    }
    inputs.achievements = achievements;
    sources.achievements = { line: first, column: null };
    sources.precarite = { line: first, column: headerOf(columns, "precarite.c2sRate") };
    const precarite = inputs.precarite as Record<string, unknown> | undefined;
    if (precarite) {
      for (const k of ["c2sRate", "ameRate", "nationalC2sRate", "nationalAmeRate"]) if (!(k in precarite)) precarite[k] = null;
    }
  }
  return { lines: [...group.lines], projectId: group.projectId, year: group.year, inputs, sources };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let o = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof o[p] !== "object" || o[p] === null) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts[parts.length - 1] ?? path] = value;
}

/** The line and column of a field path: the path itself, else its closest parent (`groups[2].sex` → `groups[2]` → `groups`). */
function locate(candidate: PeriodCandidate, field: string): FieldSource {
  let path = field;
  for (;;) {
    const found = candidate.sources[path];
    if (found) return found;
    const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
    if (cut <= 0) return { line: candidate.lines[0] ?? 0, column: null };
    path = path.slice(0, cut);
  }
}

const PERCENT_CODES = new Set(["PERIOD.PERCENT_OUT_OF_RANGE", "PEPS.QUALITY_SCORE_INVALID", "IPEP.MODULATION_RATE_INVALID"]);

/** Field errors of a candidate → line errors naming the column (first error per line and column). */
export function candidateLineErrors(candidate: PeriodCandidate, fieldErrors: readonly FieldError[]): SheetLineError[] {
  const seen = new Set<string>();
  const out: SheetLineError[] = [];
  for (const e of fieldErrors) {
    const at = locate(candidate, e.field);
    const message = at.percent && PERCENT_CODES.has(e.code) ? MESSAGES.percentRange : e.message;
    const key = `${at.line}\u0000${at.column ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line: at.line, column: at.column, message });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** Validation only ({@link validatePeriodInputs}), with line errors. */
export function validatePeriodCandidate(
  programme: Programme,
  candidate: PeriodCandidate,
  ref: ResultsReferenceData,
  today: Date = new Date(),
): Result<PeriodInputs, SheetLineError[]> {
  const r = validatePeriodInputs(programme, candidate.year, candidate.inputs, ref, today);
  return r.ok ? r : err(candidateLineErrors(candidate, r.error));
}

/** Validation and computation ({@link evaluatePeriod}): what to store, or line errors. */
export function evaluatePeriodCandidate(
  programme: Programme,
  candidate: PeriodCandidate,
  ref: ResultsReferenceData,
  today: Date = new Date(),
): Result<{ inputs: PeriodInputs; outputs: PeriodOutputs; referenceId: string }, SheetLineError[]> {
  const r = evaluatePeriod(programme, candidate.year, candidate.inputs, ref, today);
  return r.ok ? ok(r.value) : err(candidateLineErrors(candidate, r.error));
}

/** The line rejected with its period, for lines of a rejected candidate without an error of their own. */
export const rejectedWithMessage = (line: number): string => MESSAGES.rejectedWith(line);
