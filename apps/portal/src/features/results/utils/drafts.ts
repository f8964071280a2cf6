import {
  type AciRuleSet,
  aciRuleSetFor,
  daysInYear,
  type Programme,
  type ResultsReferenceData,
} from "@maillage/domain";
import { numberFromText, percentTextFromShare, shareFromPercentText, textFromNumber } from "./numbers";

/**
 * The forms edit a *draft*: the period's inputs with every number kept as the text typed, so that nothing the user
 * types is lost (a draft is saved as is, DOMAIN.md §0.1 ⚠️ user-entered). `toRawInputs` turns it into the JSON stored
 * in `ResultPeriod.inputs` — the shapes of `PepsPeriodInputs`, `IpepPeriodInputs`, `AciPeriodInputs` — which the
 * domain validates and computes (`evaluatePeriod`), in the browser and again on the server.
 */

let rowSequence = 0;
/** A stable React key for a row added to a grid (never stored). */
export const newRowKey = (): string => `row-${++rowSequence}`;

export type PepsGroupRow = { key: string; ageBand: string; sex: string; aldCount: string; precarite: boolean; patients: string };
export type IndicatorRow = { key: string; code: string; label: string; value: string };
export type SplitRow = { key: string; label: string; amountEur: string };

/** PEPS draft (DOMAIN.md §4.4 "Keep, per team and period"). */
export type PepsDraft = {
  tableId: string;
  scope: string;
  patientele: string;
  groups: PepsGroupRow[];
  daysInScope: string;
  daysInPeriod: string;
  /** 0..1 (DOMAIN.md §4.4: quality scale ⚠️). */
  qualityScore: string;
  qualityIndicators: IndicatorRow[];
  forfaitReceivedEur: string;
  feeForServiceEquivalentEur: string;
  internalSplit: SplitRow[];
};

/** IPEP draft (DOMAIN.md §5.2, §5.3). */
export type IpepDraft = {
  parametersId: string;
  groupement: string;
  patients: string;
  gainLevelPerPatientEur: string;
  gainEvolutionPerPatientEur: string;
  soclePoints: string;
  aLaCartePoints: string;
  patientExperiencePoints: string;
  /** A percentage as typed; stored as a share (0..1). */
  enteredModulationRate: string;
  qualityIndicators: IndicatorRow[];
  incentiveReceivedEur: string;
};

export type AciAchievementDraft = { achieved: boolean; units: string; level: string; withIpa: boolean };

/** ACI draft (DOMAIN.md §3.3–§3.4); rates are percentages as typed, stored as shares. */
export type AciDraft = {
  ruleSetId: string;
  patientele: string;
  associatedProfessionals: string;
  contractStart: string;
  isNewStructure: boolean;
  precarite: { c2sRate: string; ameRate: string; nationalC2sRate: string; nationalAmeRate: string };
  achievements: Record<string, AciAchievementDraft>;
  amountReceivedEur: string;
};

export type PeriodDraft =
  | { programme: "PEPS"; values: PepsDraft }
  | { programme: "IPEP"; values: IpepDraft }
  | { programme: "ACI"; values: AciDraft };

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(record) : []);
const text = (value: unknown): string => (typeof value === "string" ? value : value === null || value === undefined ? "" : String(value));

/** The official tables first, the illustrative one last: a new period starts on a real table when one was imported. */
export function sortedPepsTables(ref: ResultsReferenceData) {
  return Object.values(ref.pepsTables).sort((a, b) => Number(a.illustrative) - Number(b.illustrative) || a.label.localeCompare(b.label, "fr"));
}

export function emptyGroupRow(ref: ResultsReferenceData, tableId: string): PepsGroupRow {
  const firstBand = ref.pepsTables[tableId]?.ageBands[0]?.band ?? "";
  return { key: newRowKey(), ageBand: firstBand, sex: "F", aldCount: "0", precarite: false, patients: "" };
}

export const emptyIndicatorRow = (): IndicatorRow => ({ key: newRowKey(), code: "", label: "", value: "" });
export const emptySplitRow = (): SplitRow => ({ key: newRowKey(), label: "", amountEur: "" });

function indicatorRows(value: unknown): IndicatorRow[] {
  return list(value).map((i) => ({ key: newRowKey(), code: text(i["code"]), label: text(i["label"]), value: textFromNumber(i["value"]) }));
}

function pepsDraft(raw: Record<string, unknown>, year: number, ref: ResultsReferenceData): PepsDraft {
  const tableId = text(raw["tableId"]) || (sortedPepsTables(ref)[0]?.id ?? "");
  const groups = Array.isArray(raw["groups"])
    ? list(raw["groups"]).map((g) => ({
        key: newRowKey(),
        ageBand: text(g["ageBand"]),
        sex: text(g["sex"]),
        aldCount: textFromNumber(g["aldCount"]),
        precarite: g["precarite"] === true,
        patients: textFromNumber(g["patients"]),
      }))
    : [emptyGroupRow(ref, tableId)];
  return {
    tableId,
    scope: text(raw["scope"]) || "PATIENTELE_MT",
    patientele: textFromNumber(raw["patientele"]),
    groups,
    daysInScope: raw["daysInScope"] === undefined ? String(daysInYear(year)) : textFromNumber(raw["daysInScope"]),
    daysInPeriod: raw["daysInPeriod"] === undefined ? String(daysInYear(year)) : textFromNumber(raw["daysInPeriod"]),
    qualityScore: textFromNumber(raw["qualityScore"]),
    qualityIndicators: indicatorRows(raw["qualityIndicators"]),
    forfaitReceivedEur: textFromNumber(raw["forfaitReceivedEur"]),
    feeForServiceEquivalentEur: textFromNumber(raw["feeForServiceEquivalentEur"]),
    internalSplit: list(raw["internalSplit"]).map((l) => ({ key: newRowKey(), label: text(l["label"]), amountEur: textFromNumber(l["amountEur"]) })),
  };
}

function ipepDraft(raw: Record<string, unknown>, ref: ResultsReferenceData): IpepDraft {
  return {
    parametersId: text(raw["parametersId"]) || (Object.keys(ref.ipepParameters)[0] ?? ""),
    groupement: text(raw["groupement"]),
    patients: textFromNumber(raw["patients"]),
    gainLevelPerPatientEur: textFromNumber(raw["gainLevelPerPatientEur"]),
    gainEvolutionPerPatientEur: textFromNumber(raw["gainEvolutionPerPatientEur"]),
    soclePoints: textFromNumber(raw["soclePoints"]),
    aLaCartePoints: raw["aLaCartePoints"] === undefined ? "0" : textFromNumber(raw["aLaCartePoints"]),
    patientExperiencePoints: raw["patientExperiencePoints"] === undefined ? "0" : textFromNumber(raw["patientExperiencePoints"]),
    enteredModulationRate: percentTextFromShare(raw["enteredModulationRate"]),
    qualityIndicators: indicatorRows(raw["qualityIndicators"]),
    incentiveReceivedEur: textFromNumber(raw["incentiveReceivedEur"]),
  };
}

/** The rule set a draft computes with: the one named, else the one in force in the year (DOMAIN.md §3.1). */
export function aciRuleSetOf(draft: AciDraft, year: number, ref: ResultsReferenceData): AciRuleSet | null {
  return draft.ruleSetId ? (ref.aciRuleSets[draft.ruleSetId] ?? null) : aciRuleSetFor(ref, year);
}

function aciDraft(raw: Record<string, unknown>): AciDraft {
  const precarite = record(raw["precarite"]);
  const achievements: Record<string, AciAchievementDraft> = {};
  for (const [code, value] of Object.entries(record(raw["achievements"]))) {
    const a = record(value);
    achievements[code] = {
      achieved: a["achieved"] === true,
      units: textFromNumber(a["units"]),
      level: percentTextFromShare(a["level"]),
      withIpa: a["withIpa"] === true,
    };
  }
  return {
    ruleSetId: text(raw["ruleSetId"]),
    patientele: textFromNumber(raw["patientele"]),
    associatedProfessionals: textFromNumber(raw["associatedProfessionals"]),
    contractStart: text(raw["contractStart"]),
    isNewStructure: raw["isNewStructure"] === true,
    precarite: {
      c2sRate: percentTextFromShare(precarite["c2sRate"]),
      ameRate: percentTextFromShare(precarite["ameRate"]),
      nationalC2sRate: percentTextFromShare(precarite["nationalC2sRate"]),
      nationalAmeRate: percentTextFromShare(precarite["nationalAmeRate"]),
    },
    achievements,
    amountReceivedEur: textFromNumber(raw["amountReceivedEur"]),
  };
}

/** The draft of a stored period (an empty period gets sensible starting values: the year's days, the first table). */
export function draftFromInputs(programme: Programme, year: number, inputs: unknown, ref: ResultsReferenceData): PeriodDraft {
  const raw = record(inputs);
  switch (programme) {
    case "PEPS":
      return { programme, values: pepsDraft(raw, year, ref) };
    case "IPEP":
      return { programme, values: ipepDraft(raw, ref) };
    case "ACI":
      return { programme, values: aciDraft(raw) };
  }
}

const indicatorsRaw = (rows: readonly IndicatorRow[]) =>
  rows.map((r) => ({ code: r.code.trim(), label: r.label.trim(), value: numberFromText(r.value) }));

/** The JSON stored in `ResultPeriod.inputs` for a draft. */
export function toRawInputs(draft: PeriodDraft): Record<string, unknown> {
  switch (draft.programme) {
    case "PEPS": {
      const d = draft.values;
      return {
        tableId: d.tableId,
        scope: d.scope,
        patientele: numberFromText(d.patientele),
        groups: d.groups.map((g) => ({
          ageBand: g.ageBand,
          sex: g.sex,
          aldCount: numberFromText(g.aldCount),
          precarite: g.precarite,
          patients: numberFromText(g.patients),
        })),
        daysInScope: numberFromText(d.daysInScope),
        daysInPeriod: numberFromText(d.daysInPeriod),
        qualityScore: numberFromText(d.qualityScore),
        qualityIndicators: indicatorsRaw(d.qualityIndicators),
        forfaitReceivedEur: numberFromText(d.forfaitReceivedEur),
        feeForServiceEquivalentEur: numberFromText(d.feeForServiceEquivalentEur),
        internalSplit: d.internalSplit.map((l) => ({ label: l.label.trim(), amountEur: numberFromText(l.amountEur) })),
      };
    }
    case "IPEP": {
      const d = draft.values;
      const rate = shareFromPercentText(d.enteredModulationRate);
      return {
        parametersId: d.parametersId,
        groupement: d.groupement.trim(),
        patients: numberFromText(d.patients),
        gainLevelPerPatientEur: numberFromText(d.gainLevelPerPatientEur),
        gainEvolutionPerPatientEur: numberFromText(d.gainEvolutionPerPatientEur),
        soclePoints: numberFromText(d.soclePoints),
        aLaCartePoints: numberFromText(d.aLaCartePoints),
        patientExperiencePoints: numberFromText(d.patientExperiencePoints),
        ...(rate === null ? {} : { enteredModulationRate: rate }),
        qualityIndicators: indicatorsRaw(d.qualityIndicators),
        incentiveReceivedEur: numberFromText(d.incentiveReceivedEur),
      };
    }
    case "ACI": {
      const d = draft.values;
      const achievements: Record<string, unknown> = {};
      for (const [code, a] of Object.entries(d.achievements)) {
        const units = numberFromText(a.units ?? "");
        const level = shareFromPercentText(a.level ?? "");
        achievements[code] = {
          achieved: a.achieved,
          ...(units === null ? {} : { units }),
          ...(level === null ? {} : { level }),
          ...(a.withIpa ? { withIpa: true } : {}),
        };
      }
      const p = d.precarite;
      const hasPrecarite = [p.c2sRate, p.ameRate, p.nationalC2sRate, p.nationalAmeRate].some((v) => v.trim() !== "");
      return {
        ...(d.ruleSetId ? { ruleSetId: d.ruleSetId } : {}),
        patientele: numberFromText(d.patientele),
        associatedProfessionals: numberFromText(d.associatedProfessionals),
        contractStart: d.contractStart,
        isNewStructure: d.isNewStructure,
        ...(hasPrecarite
          ? {
              precarite: {
                c2sRate: shareFromPercentText(p.c2sRate),
                ameRate: shareFromPercentText(p.ameRate),
                nationalC2sRate: shareFromPercentText(p.nationalC2sRate),
                nationalAmeRate: shareFromPercentText(p.nationalAmeRate),
              },
            }
          : {}),
        achievements,
        amountReceivedEur: numberFromText(d.amountReceivedEur),
      };
    }
  }
}

const sumOfNumbers = (values: readonly unknown[]): number => values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);

/**
 * The inputs of the live computation. The calculators never read what the team *received* nor how it split it
 * (received amounts are only compared with the computed one, DOMAIN.md §4.4), nor the PEPS quality indicator list
 * (only the score, §4.4); so that the computation shows while those are still blank, they are neutralised here, and
 * the PEPS patientèle is taken as the sum of the patient mix. The real validation (the list of what is missing and the
 * server's check on submission) always runs on the inputs as entered.
 */
export function previewRawInputs(draft: PeriodDraft): Record<string, unknown> {
  const raw = toRawInputs(draft);
  switch (draft.programme) {
    case "PEPS":
      return {
        ...raw,
        patientele: sumOfNumbers((raw["groups"] as Record<string, unknown>[]).map((g) => g["patients"])),
        forfaitReceivedEur: typeof raw["forfaitReceivedEur"] === "number" && raw["forfaitReceivedEur"] >= 0 ? raw["forfaitReceivedEur"] : 0,
        qualityIndicators: [],
        internalSplit: [],
      };
    case "IPEP":
      return { ...raw, groupement: (raw["groupement"] as string) || "—", qualityIndicators: [], incentiveReceivedEur: null };
    case "ACI":
      return { ...raw, amountReceivedEur: null };
  }
}
