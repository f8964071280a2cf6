import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import { computePepsForfait, type PepsCoefficientTable, type PepsPatientGroup, type PepsScope, type PepsSex } from "../peps/peps.js";
import { SIMULATOR_ERROR_MESSAGES, type SimulatorErrorCode } from "./simulator.errors.js";

/**
 * PEPS simulator, for an MSP considering capitation (DOMAIN.md §4.4): what the team would receive for a year under
 * the PEPS forfait compared with what it receives today at the act (*paiement à l'acte*) for the same patients.
 *
 * The forfait is the PEPS calculator's ({@link computePepsForfait}), over a full year (no pro rata): per group
 * `BASE × coef_age × coef_sex × coef_ALD × coef_précarité × patients`, then the quality bonus, then the cap relative
 * to the fee-for-service equivalent (cap existence ✅ [S34], +20 % 🟡 [S35], semantics ⚠️ — see the table). The
 * official coefficient tables are not public (§4.2 ⚠️): a simulation is only as good as its table, and one computed
 * with an illustrative table (`table.illustrative`) must say so wherever it is shown.
 *
 * Not simulated: *crédits d'amorçage* and the *majoration pauvreté* as a separate payment (🟡 [S48]); the internal
 * split of the forfait between professionals, which the team decides (§4.6: the crux of PEPS in MSPs).
 */

export type PepsSimulationInput = {
  /** PEPS scope (§4.1 ✅); default the whole MT patientèle. */
  readonly scope?: PepsScope;
  /** The patient mix (médecin traitant patients of the team in scope); groups with 0 patients are allowed. */
  readonly groups: readonly PepsPatientGroup[];
  /** Quality score assumption, 0..1 (scales the quality bonus, ⚠️ scale unknown). */
  readonly qualityScore: number;
  /** The team's current yearly fee-for-service income for those patients (the acts the forfait would replace). */
  readonly feeForServiceEur: number;
};

export type PepsSimulationGroup = PepsPatientGroup & {
  /** Product of the group's coefficients (age × sex × ALD × précarité). */
  readonly coefficient: number;
  /** Forfait of one patient of the group, before quality bonus and cap. */
  readonly perPatientEur: number;
  /** perPatientEur × patients. */
  readonly forfaitEur: number;
  /** forfaitEur / Σ forfaitEur (0 when the forfait is 0). */
  readonly share: number;
};

/** Amounts are unrounded euros per year (round for display only). */
export type PepsSimulation = {
  readonly tableId: string;
  readonly tableLabel: string;
  /** The table's numbers are placeholders: show « Table illustrative — valeurs fictives » with every figure. */
  readonly illustrative: boolean;
  readonly patients: number;
  readonly groups: readonly PepsSimulationGroup[];
  /** Σ groups without the précarité uplift. */
  readonly baseEur: number;
  readonly precariteEur: number;
  readonly qualityBonusEur: number;
  /** base + précarité + quality bonus, before the cap. */
  readonly uncappedEur: number;
  /** (1 + cap rate) × fee-for-service; null when the table has no cap. */
  readonly capEur: number | null;
  readonly capped: boolean;
  /** Amount the cap removes (0 when not capped). */
  readonly capReductionEur: number;
  /** What the team would receive under PEPS: min(uncapped, cap). */
  readonly pepsEur: number;
  readonly feeForServiceEur: number;
  /** pepsEur − feeForServiceEur (negative: the team would receive less than today). */
  readonly differenceEur: number;
  /** differenceEur / feeForServiceEur; null when there is no fee-for-service income to compare with. */
  readonly differenceRate: number | null;
  readonly pepsPerPatientEur: number;
  readonly feeForServicePerPatientEur: number;
};

const fieldError = (field: string, code: SimulatorErrorCode): FieldError<SimulatorErrorCode> => ({
  field,
  code,
  message: SIMULATOR_ERROR_MESSAGES[code],
});

const isShare = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= 1;

/**
 * Simulates a year of PEPS for a patient mix against the team's fee-for-service income (see the module comment).
 * Errors: the PEPS calculator's (groups, scope, quality score; fields `groups[i].…`) and ours (fee-for-service).
 */
export function simulatePeps(table: PepsCoefficientTable, input: PepsSimulationInput): Result<PepsSimulation, FieldError[]> {
  const errors: FieldError[] = [];
  if (typeof input.feeForServiceEur !== "number" || !Number.isFinite(input.feeForServiceEur) || input.feeForServiceEur < 0) {
    errors.push(fieldError("feeForServiceEur", "SIMULATOR.FEE_FOR_SERVICE_INVALID"));
  }
  const scope = input.scope ?? "PATIENTELE_MT";
  // A full year: daysInScope = daysInPeriod (no pro rata).
  const year = { daysInScope: 1, daysInPeriod: 1 };
  const forfait = computePepsForfait(table, {
    scope,
    groups: input.groups,
    ...year,
    qualityScore: input.qualityScore,
    feeForServiceEquivalentEur: errors.length > 0 ? 0 : input.feeForServiceEur,
  });
  if (!forfait.ok) errors.push(...forfait.error);
  if (errors.length > 0 || !forfait.ok) return err(errors);

  // One patient per group gives each group's per-patient forfait and coefficient through the same calculator.
  const unit = computePepsForfait(table, {
    scope,
    groups: input.groups.map((g) => ({ ...g, patients: 1 })),
    ...year,
    qualityScore: 0,
    feeForServiceEquivalentEur: 0,
  });
  if (!unit.ok) return err(unit.error);

  const f = forfait.value;
  const totalForfait = f.byGroup.reduce((sum, g) => sum + g.forfaitEur, 0);
  const groups = f.byGroup.map((g, i): PepsSimulationGroup => {
    const perPatientEur = unit.value.byGroup[i]?.forfaitEur ?? 0;
    return {
      ageBand: g.ageBand,
      sex: g.sex,
      aldCount: g.aldCount,
      precarite: g.precarite,
      patients: g.patients,
      coefficient: perPatientEur / table.basePerPatientEur,
      perPatientEur,
      forfaitEur: g.forfaitEur,
      share: totalForfait === 0 ? 0 : g.forfaitEur / totalForfait,
    };
  });
  const uncappedEur = f.baseEur + f.precariteEur + f.qualityBonusEur;
  const capEur = table.feeForServiceCapRate === null ? null : (1 + table.feeForServiceCapRate) * input.feeForServiceEur;
  const differenceEur = f.totalEur - input.feeForServiceEur;
  return ok({
    tableId: table.id,
    tableLabel: table.label,
    illustrative: table.illustrative,
    patients: f.patients,
    groups,
    baseEur: f.baseEur,
    precariteEur: f.precariteEur,
    qualityBonusEur: f.qualityBonusEur,
    uncappedEur,
    capEur,
    capped: f.capped,
    capReductionEur: f.capReductionEur,
    pepsEur: f.totalEur,
    feeForServiceEur: input.feeForServiceEur,
    differenceEur,
    differenceRate: input.feeForServiceEur > 0 ? differenceEur / input.feeForServiceEur : null,
    pepsPerPatientEur: f.patients === 0 ? 0 : f.totalEur / f.patients,
    feeForServicePerPatientEur: f.patients === 0 ? 0 : input.feeForServiceEur / f.patients,
  });
}

/** Quick entry of a patient mix: a total and shares (0..1), expanded into the detailed grid. */
export type PatientMixShares = {
  readonly totalPatients: number;
  /** Share of each age band of the table (by band id); must add up to 1 (±0.001). Missing bands count 0. */
  readonly ageShares: Readonly<Record<string, number>>;
  readonly womenShare: number;
  /** Patients with at least one ALD. */
  readonly aldShare: number;
  /** Among ALD patients, those with two ALD or more (default 0). */
  readonly multiAldShare?: number;
  /** Patients with C2S or AME (précarité). */
  readonly precariteShare: number;
};

const SUM_TOLERANCE = 0.001;

/** The ALD counts a quick entry uses: 0, 1 and the table's "N and more" entry (2 in the illustrative table). */
const aldCountsOf = (table: PepsCoefficientTable): { one: number; multi: number } => {
  const counts = table.aldCoefficients.map((a) => a.count);
  const max = Math.max(0, ...counts);
  return { one: Math.min(1, max), multi: max };
};

/**
 * Every cell of the detailed grid (age band in table order × sex F, M × ALD 0, 1, 2+ × précarité no, yes), in that
 * order. Assumption (💡, shown in the UI): the variables are independent — the quick entry spreads each share evenly
 * over the others; the detailed grid is where a team enters its real mix. Counts are whole patients that add up to
 * exactly `totalPatients` (largest remainders, ties to the first cell).
 */
export function patientMixFromShares(table: PepsCoefficientTable, shares: PatientMixShares): Result<PepsPatientGroup[], FieldError[]> {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(shares.totalPatients) || shares.totalPatients < 0) {
    errors.push(fieldError("totalPatients", "SIMULATOR.TOTAL_PATIENTS_INVALID"));
  }
  const bands = new Set(table.ageBands.map((b) => b.band));
  let ageSum = 0;
  for (const [band, share] of Object.entries(shares.ageShares)) {
    if (!bands.has(band)) errors.push(fieldError(`ageShares.${band}`, "SIMULATOR.AGE_BAND_UNKNOWN"));
    else if (!isShare(share)) errors.push(fieldError(`ageShares.${band}`, "SIMULATOR.SHARE_INVALID"));
    else ageSum += share;
  }
  if (errors.every((e) => !e.field.startsWith("ageShares.")) && Math.abs(ageSum - 1) > SUM_TOLERANCE) {
    errors.push(fieldError("ageShares", "SIMULATOR.AGE_SHARES_SUM"));
  }
  for (const key of ["womenShare", "aldShare", "precariteShare"] as const) {
    if (!isShare(shares[key])) errors.push(fieldError(key, "SIMULATOR.SHARE_INVALID"));
  }
  if (shares.multiAldShare !== undefined && !isShare(shares.multiAldShare)) errors.push(fieldError("multiAldShare", "SIMULATOR.SHARE_INVALID"));
  if (errors.length > 0) return err(errors);

  const { one, multi } = aldCountsOf(table);
  const multiShare = one === multi ? 0 : (shares.multiAldShare ?? 0);
  const aldSplit: [number, number][] = [
    [0, 1 - shares.aldShare],
    [one, shares.aldShare * (1 - multiShare)],
    [multi, shares.aldShare * multiShare],
  ];
  const cells: { group: PepsPatientGroup; exact: number }[] = [];
  for (const band of table.ageBands) {
    const ageShare = (shares.ageShares[band.band] ?? 0) / (ageSum || 1);
    for (const [sex, sexShare] of [["F", shares.womenShare], ["M", 1 - shares.womenShare]] as [PepsSex, number][]) {
      for (const [aldCount, aldShare] of aldSplit) {
        for (const [precarite, precShare] of [[false, 1 - shares.precariteShare], [true, shares.precariteShare]] as [boolean, number][]) {
          cells.push({ group: { ageBand: band.band, sex, aldCount, precarite, patients: 0 }, exact: shares.totalPatients * ageShare * sexShare * aldShare * precShare });
        }
      }
    }
  }
  // Tables without "2+" (or without ALD at all) would give duplicate cells: merge them, keeping the first.
  const merged = new Map<string, { group: PepsPatientGroup; exact: number }>();
  for (const c of cells) {
    const key = JSON.stringify([c.group.ageBand, c.group.sex, c.group.aldCount, c.group.precarite]);
    const existing = merged.get(key);
    if (existing) existing.exact += c.exact;
    else merged.set(key, { ...c });
  }
  const list = [...merged.values()];
  const floors = list.map((c) => Math.floor(c.exact));
  let remaining = shares.totalPatients - floors.reduce((a, b) => a + b, 0);
  const order = list.map((c, i) => ({ i, frac: c.exact - (floors[i] ?? 0) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remaining <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remaining -= 1;
  }
  return ok(list.map((c, i) => ({ ...c.group, patients: floors[i] ?? 0 })));
}
