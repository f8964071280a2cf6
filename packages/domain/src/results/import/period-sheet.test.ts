import { describe, expect, it } from "vitest";

import { DEFAULT_RESULTS_REFERENCE_DATA } from "../periods/periods.js";
import { codeFromLabel, parseFrenchBoolean, parseFrenchDate, parseFrenchNumber } from "./cells.js";
import {
  evaluatePeriodCandidate,
  parsePeriodSheet,
  PERIOD_SHEET_COLUMNS,
  periodSheetTemplate,
  readAciAchievementCell,
  validatePeriodCandidate,
  type SheetTableLike,
} from "./period-sheet.js";

const ref = DEFAULT_RESULTS_REFERENCE_DATA;
const today = new Date("2026-06-01T00:00:00Z");
const P1 = "11111111-1111-4111-8111-111111111111";
const P2 = "22222222-2222-4222-8222-222222222222";

/** A table from records keyed by header: every header of `headers`, cells in that order. */
const sheet = (headers: string[], records: Record<string, string>[]): SheetTableLike => ({
  headers,
  rows: records.map((r) => headers.map((h) => r[h] ?? "")),
});

const PEPS_HEADERS = [
  ...PERIOD_SHEET_COLUMNS.PEPS.map((c) => c.header),
  "Indicateur : Vaccination antigrippale 65+ (%)",
  "Répartition : Médecins (€)",
  "Répartition : Infirmiers (€)",
];
const pepsPeriod: Record<string, string> = {
  "Identifiant MSP": P1,
  "Nom de la MSP": "MSP du Val de l'Isle",
  Année: "2024",
  "Table PEPS": "PEPS_ILLUSTRATIF",
  Périmètre: "Patientèle médecin traitant",
  "Jours dans le périmètre": "366",
  "Score qualité (%)": "80 %",
  "Forfait reçu (€)": "12 000,50",
  "Équivalent paiement à l'acte (€)": "11000",
  "Indicateur : Vaccination antigrippale 65+ (%)": "72,5",
  "Répartition : Médecins (€)": "8 000",
  "Répartition : Infirmiers (€)": "4000,5",
};
const group1 = { "Tranche d'âge": "65-74", Sexe: "F", "Nombre d'ALD": "1", "Précarité (C2S/AME)": "Non", Patients: "120" };
const group2 = { "Tranche d'âge": "75-84", Sexe: "Homme", "Nombre d'ALD": "2+", "Précarité (C2S/AME)": "oui", Patients: "80" };

describe("cells", () => {
  it.each<[string, number | null]>([
    ["12,5", 12.5],
    ["1 234,56 €", 1234.56],
    ["1\u202f234", 1234],
    ["-3", -3],
    ["\u22123,5", -3.5],
    ["85 %", 85],
    ["1234.5", 1234.5],
    ["1,234.5", null],
    ["abc", null],
    ["12,5,3", null],
    ["", null],
  ])("reads the number %j as %j", (text, expected) => {
    expect(parseFrenchNumber(text)).toBe(expected);
  });

  it("reads oui/non, French and ISO dates, and codes from labels", () => {
    expect([parseFrenchBoolean("Oui"), parseFrenchBoolean("NON"), parseFrenchBoolean("vrai"), parseFrenchBoolean("peut-être")]).toEqual([true, false, true, null]);
    expect(parseFrenchDate("01/10/2023")).toBe("2023-10-01");
    expect(parseFrenchDate("2023-10-01 00:00")).toBe("2023-10-01");
    expect(parseFrenchDate("31/02/2023")).toBeNull();
    expect(codeFromLabel("Vaccination antigrippale 65+ — « ≥ »")).toBe("VACCINATION_ANTIGRIPPALE_65");
  });

  it("reads ACI achievement cells", () => {
    expect(readAciAchievementCell("Oui")).toEqual({ achieved: true });
    expect(readAciAchievementCell("non")).toEqual({ achieved: false });
    expect(readAciAchievementCell("5 + IPA")).toEqual({ achieved: true, units: 5, withIpa: true });
    expect(readAciAchievementCell("0")).toEqual({ achieved: false, units: 0 });
    expect(readAciAchievementCell("50 %")).toEqual({ achieved: true, level: 0.5 });
    expect(readAciAchievementCell("0,5")).toEqual({ achieved: true, level: 0.5 });
    expect(readAciAchievementCell("beaucoup")).toBeNull();
  });
});

describe("parsePeriodSheet — PEPS (long format)", () => {
  it("merges the lines of one MSP and year into one period, with decimal commas, € and % suffixes, and computes it", () => {
    const table = sheet(PEPS_HEADERS, [
      { ...pepsPeriod, ...group1 },
      { "Identifiant MSP": P1, Année: "2024", "Forfait reçu (€)": "12000,5", ...group2 },
    ]);
    const parsed = parsePeriodSheet("PEPS", table);
    expect(parsed.errors).toEqual([]);
    expect(parsed.periods).toHaveLength(1);
    const [period] = parsed.periods;
    expect(period?.lines).toEqual([2, 3]);
    expect(period?.inputs).toEqual({
      tableId: "PEPS_ILLUSTRATIF",
      scope: "PATIENTELE_MT",
      patientele: 200,
      daysInScope: 366,
      daysInPeriod: 366,
      qualityScore: 0.8,
      forfaitReceivedEur: 12000.5,
      feeForServiceEquivalentEur: 11000,
      qualityIndicators: [{ code: "VACCINATION_ANTIGRIPPALE_65", label: "Vaccination antigrippale 65+", value: 72.5 }],
      internalSplit: [
        { label: "Médecins", amountEur: 8000 },
        { label: "Infirmiers", amountEur: 4000.5 },
      ],
      groups: [
        { ageBand: "65-74", sex: "F", aldCount: 1, precarite: false, patients: 120 },
        { ageBand: "75-84", sex: "M", aldCount: 2, precarite: true, patients: 80 },
      ],
    });
    const evaluated = period && evaluatePeriodCandidate("PEPS", period, ref, today);
    expect(evaluated?.ok).toBe(true);
    if (evaluated?.ok) expect(evaluated.value.outputs.summary.patients).toBe(200);
  });

  it("reports a period-level value that differs between the lines of a period, and rejects all its lines", () => {
    const table = sheet(PEPS_HEADERS, [
      { ...pepsPeriod, ...group1 },
      { "Identifiant MSP": P1, Année: "2024", "Forfait reçu (€)": "9 000", ...group2 },
    ]);
    const parsed = parsePeriodSheet("PEPS", table);
    expect(parsed.periods).toEqual([]);
    expect(parsed.errors).toEqual([
      { line: 2, column: null, message: "Ligne rejetée avec sa période (voir la ligne 3)." },
      { line: 3, column: "Forfait reçu (€)", message: "Valeur différente de celle de la ligne 2 pour la même MSP et la même année." },
    ]);
  });

  it("names the line and column of validation errors (group fields, sums, percentages, duplicated groups)", () => {
    const table = sheet(PEPS_HEADERS, [
      { ...pepsPeriod, Patientèle: "199", "Score qualité (%)": "180", ...group1 },
      { "Identifiant MSP": P1, Année: "2024", ...group2, "Tranche d'âge": "120-130" },
      { "Identifiant MSP": P1, Année: "2024", ...group1 },
    ]);
    const parsed = parsePeriodSheet("PEPS", table);
    expect(parsed.errors).toEqual([]);
    const [period] = parsed.periods;
    if (!period) throw new Error("expected a period");
    const r = validatePeriodCandidate("PEPS", period, ref, today);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual(
      expect.arrayContaining([
        { line: 2, column: "Score qualité (%)", message: "Le pourcentage doit être compris entre 0 et 100." },
        { line: 2, column: "Patientèle", message: "La somme des patients par groupe doit être égale à la patientèle déclarée." },
        { line: 3, column: "Tranche d'âge", message: expect.stringMatching(/tranche/i) },
        { line: 4, column: null, message: expect.stringMatching(/groupe/i) },
      ]),
    );
  });

  it("reports unreadable cells on their line and column, each kind with its own French message", () => {
    const table = sheet(PEPS_HEADERS, [
      {
        ...pepsPeriod,
        ...group1,
        Sexe: "X",
        "Nombre d'ALD": "beaucoup",
        "Précarité (C2S/AME)": "peut-être",
        Patients: "cent",
        Périmètre: "Enfants",
        "Score qualité (%)": "bien",
        "Indicateur : Vaccination antigrippale 65+ (%)": "n/a",
      },
      { ...pepsPeriod, "Identifiant MSP": "", ...group1 },
      { ...pepsPeriod, Année: "deux mille", ...group1 },
      { ...pepsPeriod, Année: "", ...group1 },
    ]);
    const parsed = parsePeriodSheet("PEPS", table);
    expect(parsed.periods).toEqual([]);
    expect(parsed.errors).toEqual([
      { line: 2, column: "Périmètre", message: "Périmètre inconnu « Enfants » : Patientèle médecin traitant, 65 ans et plus, ou Diabétiques." },
      { line: 2, column: "Score qualité (%)", message: "« bien » n'est pas un pourcentage lisible (exemple : 85 ou 85 %)." },
      { line: 2, column: "Sexe", message: "Sexe inconnu « X » : F ou M." },
      { line: 2, column: "Nombre d'ALD", message: "« beaucoup » n'est pas un nombre lisible (exemple : 1 234,5)." },
      { line: 2, column: "Précarité (C2S/AME)", message: "Répondez Oui ou Non (lu : « peut-être »)." },
      { line: 2, column: "Patients", message: "« cent » n'est pas un nombre lisible (exemple : 1 234,5)." },
      { line: 2, column: "Indicateur : Vaccination antigrippale 65+ (%)", message: "« n/a » n'est pas un pourcentage lisible (exemple : 85 ou 85 %)." },
      { line: 3, column: "Identifiant MSP", message: "Ce champ est obligatoire." },
      { line: 4, column: "Année", message: "« deux mille » n'est pas une année (exemple : 2024)." },
      { line: 5, column: "Année", message: "Ce champ est obligatoire." },
    ]);
    expect(parsed.lines.map((l) => [l.line, l.year])).toEqual([
      [2, 2024],
      [3, 2024],
      [4, null],
      [5, null],
    ]);
  });

  it("ignores template lines with only the MSP and the pre-filled reference, and blank lines", () => {
    const template = periodSheetTemplate("PEPS", ref, [
      { id: P1, name: "MSP A" },
      { id: P2, name: "MSP B" },
    ]);
    const rows = template.rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
    const table = { headers: template.headers, rows: [...rows, template.headers.map(() => "")] };
    const parsed = parsePeriodSheet("PEPS", table);
    expect(parsed.ignoredLines).toEqual([2, 3]);
    expect(parsed.periods).toEqual([]);
    expect(parsed.errors).toEqual([{ line: 2, column: null, message: "Le fichier ne contient aucune ligne à importer." }]);
  });
});

describe("parsePeriodSheet — headers and empty files", () => {
  it("refuses an empty file", () => {
    expect(parsePeriodSheet("ACI", { headers: [], rows: [] }).errors).toEqual([
      { line: 1, column: null, message: "Le fichier est vide : il doit contenir la ligne des titres de colonnes puis une ligne par période." },
    ]);
  });

  it("refuses unknown, duplicated, untitled and missing columns, matching titles without regard to case or accents", () => {
    const headers = ["identifiant msp", "ANNEE", "Groupement", "Patients", "Couleur", "Patients", ""];
    const parsed = parsePeriodSheet("IPEP", { headers, rows: [[P1, "2024", "G", "10", "bleu", "10", "?"]] });
    expect(parsed.periods).toEqual([]);
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        { line: 1, column: "Couleur", message: "Colonne inconnue : « Couleur ». Utilisez les titres du modèle." },
        { line: 1, column: "Patients", message: "La colonne « Patients » apparaît deux fois." },
        { line: 1, column: null, message: "La colonne G contient des valeurs mais pas de titre." },
        { line: 1, column: "Paramètres IPEP", message: "Colonne obligatoire absente : « Paramètres IPEP »." },
      ]),
    );
    expect(parsed.errors.every((e) => e.line === 1)).toBe(true);
  });
});

const IPEP_HEADERS = [...PERIOD_SHEET_COLUMNS.IPEP.map((c) => c.header), "Indicateur : Lettres de liaison (%)"];
const ipepLine = (over: Record<string, string> = {}): Record<string, string> => ({
  "Identifiant MSP": P1,
  Année: "2024",
  "Paramètres IPEP": "IPEP_2022",
  Groupement: "Groupement du Périgord",
  Patients: "5 000",
  "Gain sur le niveau (€/patient)": "30",
  "Gain sur l'évolution (€/patient)": "12",
  "Points indicateurs socles": "60",
  "Points indicateurs à la carte": "0",
  "Points expérience patient": "10",
  "Indicateur : Lettres de liaison (%)": "64",
  ...over,
});

describe("parsePeriodSheet — IPEP", () => {
  it("reads one line per period and computes T-IPEP-1 (45,000 €, DOMAIN.md §5.2)", () => {
    const parsed = parsePeriodSheet("IPEP", sheet(IPEP_HEADERS, [ipepLine(), ipepLine({ "Identifiant MSP": P2 })]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.periods.map((p) => [p.projectId, p.lines])).toEqual([
      [P1, [2]],
      [P2, [3]],
    ]);
    const r = parsed.periods[0] && evaluatePeriodCandidate("IPEP", parsed.periods[0], ref, today);
    expect(r?.ok && r.value.outputs.summary.computedEur).toBeCloseTo(45000, 6);
    expect(parsed.periods[0]?.inputs).toMatchObject({ incentiveReceivedEur: null, qualityIndicators: [{ code: "LETTRES_DE_LIAISON", value: 64 }] });
  });

  it("rejects both lines of a period present twice in the file", () => {
    const parsed = parsePeriodSheet("IPEP", sheet(IPEP_HEADERS, [ipepLine(), ipepLine({ Patients: "4000" }), ipepLine({ Année: "2023" })]));
    expect(parsed.periods.map((p) => p.year)).toEqual([2023]);
    expect(parsed.errors).toEqual([
      { line: 2, column: "Année", message: "Période en double : même MSP et même année qu'à la ligne 3." },
      { line: 3, column: "Année", message: "Période en double : même MSP et même année qu'à la ligne 2." },
    ]);
  });

  it("maps validation errors to columns (future year, unknown parameters, bad modulation rate)", () => {
    const parsed = parsePeriodSheet(
      "IPEP",
      sheet(IPEP_HEADERS, [ipepLine({ Année: "2027", "Paramètres IPEP": "IPEP_1999", "Taux de modulation (%)": "150", "Points expérience patient": "" })]),
    );
    const [period] = parsed.periods;
    if (!period) throw new Error("expected a period");
    const r = validatePeriodCandidate("IPEP", period, ref, today);
    expect(r.ok ? [] : r.error).toEqual([
      { line: 2, column: "Année", message: "L'année de la période ne peut pas être dans le futur." },
      { line: 2, column: "Paramètres IPEP", message: "Ce référentiel (table, version de l'ACI ou paramètres) est inconnu." },
      { line: 2, column: "Points expérience patient", message: "Ce champ est obligatoire." },
      { line: 2, column: "Taux de modulation (%)", message: "Le pourcentage doit être compris entre 0 et 100." },
    ]);
  });
});

describe("parsePeriodSheet — ACI", () => {
  const template = periodSheetTemplate("ACI", ref, [{ id: P1, name: "=MSP" }]);
  const header = (code: string): string => {
    const h = template.headers.find((x) => x.endsWith(`(${code})`));
    if (!h) throw new Error(code);
    return h;
  };

  it("has one column per indicator of every rule set, the latest first", () => {
    expect(template.headers.slice(0, 3)).toEqual(["Identifiant MSP", "Nom de la MSP", "Année"]);
    expect(template.headers).toContain("Horaires d'ouverture et soins non programmés (HORAIRES_SNP)");
    expect(template.headers).toContain(header("DIVERSITE_SERVICES")); // RA2015 only
    expect(new Set(template.headers).size).toBe(template.headers.length);
    expect(template.rows).toEqual([[P1, "=MSP", ...template.headers.slice(2).map(() => null)]]);
  });

  it("reads achievements (Oui, units, levels, + IPA), the précarité rates in % and a French date, and computes the period", () => {
    const parsed = parsePeriodSheet(
      "ACI",
      sheet(template.headers, [
        {
          "Identifiant MSP": P1,
          Année: "2024",
          Patientèle: "4 000",
          "Professionnels associés": "10",
          "Date de signature du contrat": "15/03/2019",
          "Taux C2S (%)": "12,5",
          "Taux AME (%)": "1",
          "Taux national C2S (%)": "8",
          "Taux national AME (%)": "0,5",
          [header("HORAIRES_SNP")]: "Oui",
          [header("FONCTION_COORDINATION")]: "oui",
          [header("SI_STANDARD")]: "Oui",
          [header("PROTOCOLES_PLURIPRO")]: "5 + IPA",
          [header("CONCERTATION_PLURIPRO")]: "Oui",
          [header("SNP_SAS")]: "50 %",
        },
      ]),
    );
    expect(parsed.errors).toEqual([]);
    const [period] = parsed.periods;
    expect(period?.inputs).toMatchObject({
      patientele: 4000,
      contractStart: "2019-03-15",
      precarite: { c2sRate: 0.125, ameRate: 0.01, nationalC2sRate: 0.08, nationalAmeRate: 0.005 },
      achievements: { PROTOCOLES_PLURIPRO: { achieved: true, units: 5, withIpa: true }, SNP_SAS: { achieved: true, level: 0.5 } },
      amountReceivedEur: null,
    });
    const r = period && evaluatePeriodCandidate("ACI", period, ref, today);
    expect(r?.ok).toBe(true);
    if (r?.ok) {
      expect(r.value.referenceId).toBe("ACI2017_AV1");
      expect(r.value.outputs.summary.computedEur).toBeGreaterThan(0);
    }
  });

  it("reports an unreadable achievement, a bad date, an incomplete précarité and an indicator of another rule set", () => {
    const base = { "Identifiant MSP": P1, Année: "2024", Patientèle: "4000", "Professionnels associés": "10" };
    const unreadable = parsePeriodSheet("ACI", sheet(template.headers, [{ ...base, "Date de signature du contrat": "hier", [header("SI_STANDARD")]: "beaucoup" }]));
    expect(unreadable.errors).toEqual([
      { line: 2, column: "Date de signature du contrat", message: "« hier » n'est pas une date lisible (JJ/MM/AAAA)." },
      { line: 2, column: header("SI_STANDARD"), message: "« beaucoup » : indiquez Oui, Non, un nombre d'unités ou un niveau en % (suivi de « + IPA » le cas échéant)." },
    ]);
    const invalid = parsePeriodSheet(
      "ACI",
      sheet(template.headers, [{ ...base, "Date de signature du contrat": "2019-03-15", "Taux C2S (%)": "10", [header("DIVERSITE_SERVICES")]: "Oui" }]),
    );
    const [period] = invalid.periods;
    if (!period) throw new Error("expected a period");
    const r = validatePeriodCandidate("ACI", period, ref, today);
    expect(r.ok ? [] : r.error).toEqual(
      expect.arrayContaining([
        { line: 2, column: "Taux AME (%)", message: "Ce champ est obligatoire." },
        { line: 2, column: header("DIVERSITE_SERVICES"), message: "Cet indicateur n'existe pas dans la version de l'ACI choisie." },
      ]),
    );
  });
});
