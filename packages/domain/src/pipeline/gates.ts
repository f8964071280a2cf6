/**
 * Stage gates of an MSP project: what must hold to leave a stage, which stage is current, and
 * how a project moves forward or back.
 *
 * DOMAIN.md §2.2 (notes, ✅): structure juridique, immobilier and financements happen in different
 * orders across regions, so stages are a checklist with dates (`completedAt`, or not applicable)
 * and the current stage is derived — the first stage that is neither. A stage may therefore be
 * completed ahead of the current one; the gates below say when it may be.
 */
import { PROJECT_STAGES, type ProjectStage, STAGE_LABELS, stageIndex } from "../projects/projects.js";
import { err, ok, type Result } from "../shared/result.js";
import { addUtcMonths, endOfUtcDay, formatFrenchDate, parseIsoDate } from "./dates.js";
import { checklistFor, findMilestone, type MilestoneDefinition } from "./milestones.js";
import { meetsMinimumTeam, teamComposition, type TeamCompositionOptions, type TeamMemberSnapshot } from "./team.js";

export type MilestoneStatus = "MISSING" | "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED";

export type MilestoneState = {
  /** Status of the latest submission. */
  status: MilestoneStatus;
  /** fields of the latest APPROVED submission (or {}) */
  approvedFields: Record<string, string>;
};

export type StageStateSnapshot = { completedAt: Date | null; notApplicable: boolean };

export type LegalForm = "ASSOCIATION_1901" | "SISA";

export type ProjectSnapshot = {
  /** the current (derived) stage */
  stage: ProjectStage;
  stageStates: Partial<Record<ProjectStage, StageStateSnapshot>>;
  legalForm: LegalForm | null;
  team: readonly TeamMemberSnapshot[];
  /** by milestone key; absent = MISSING */
  milestones: Readonly<Record<string, MilestoneState>>;
  customMilestones: readonly MilestoneDefinition[];
};

/**
 * Why a gate does not hold. `key` is machine-readable: `MILESTONE_NOT_APPROVED:<milestone key>`
 * or one of {@link REQUIREMENT_CODES}; `message` is French.
 */
export type UnmetRequirement = { key: string; stage: ProjectStage; message: string };

/** Every requirement key prefix (`MILESTONE_NOT_APPROVED` is followed by `:<milestone key>`). */
export const REQUIREMENT_CODES = [
  "MILESTONE_NOT_APPROVED",
  "TEAM_MINIMUM_COMPOSITION",
  "LEGAL_FORM_MISSING",
  "SISA_COMPOSITION",
  "ACI_REQUIRES_ARS_VALIDATION",
  "ACI_REQUIRES_SISA",
  "SISA_DEADLINE_PASSED",
  "STAGE_UNCHANGED",
  "BACKWARD_REQUIRES_ADMIN",
  "BACKWARD_REQUIRES_REASON",
] as const;
export type RequirementCode = (typeof REQUIREMENT_CODES)[number];

/** The code of a requirement key: `MILESTONE_NOT_APPROVED:CPOM` → `MILESTONE_NOT_APPROVED`. */
export const requirementCode = (key: string): string => key.split(":", 1)[0] ?? key;

/**
 * Stages a federation may mark "not applicable": immobilier (DOMAIN.md §2.2 S6 "optional:
 * multi-site 'hors les murs' MSPs exist") and financements (§2.2 S7 / §2.3: the CPOM exists only
 * "if ARS funding"; that a project may need no funding decision at all is 💡, from the brief).
 * A not-applicable stage counts as passed.
 */
export const NOT_APPLICABLE_STAGES: readonly ProjectStage[] = Object.freeze(["IMMOBILIER", "FINANCEMENTS"]);

/** Whether `stage` may be marked not applicable ({@link NOT_APPLICABLE_STAGES}; DOMAIN.md §2.2 S6/S7). */
export const canBeNotApplicable = (stage: ProjectStage): boolean => NOT_APPLICABLE_STAGES.includes(stage);

/** Months allowed to constitute the SISA after signing the ACI contract (DOMAIN.md §2.4, §3.2, ✅). */
export const SISA_DEADLINE_MONTHS = 6;

function isPassed(stageStates: ProjectSnapshot["stageStates"], stage: ProjectStage): boolean {
  const state = stageStates[stage];
  if (!state) return false;
  return state.completedAt !== null || (state.notApplicable && canBeNotApplicable(stage));
}

/**
 * A stage is passed when it is completed, or marked not applicable while being one of
 * {@link NOT_APPLICABLE_STAGES} (a stray flag on another stage is ignored) (DOMAIN.md §2.2 notes, ✅
 * checklist with dates).
 */
export function isStagePassed(snapshot: ProjectSnapshot, stage: ProjectStage): boolean {
  return isPassed(snapshot.stageStates, stage);
}

/**
 * The current stage: the first stage, in {@link PROJECT_STAGES} order, neither completed nor
 * (validly) not applicable; EN_FONCTIONNEMENT once all earlier ones are passed
 * (DOMAIN.md §2.2 notes, ✅ "derived current stage").
 */
export function deriveCurrentStage(stageStates: Partial<Record<ProjectStage, StageStateSnapshot>>): ProjectStage {
  const current = PROJECT_STAGES.find((stage) => stage === "EN_FONCTIONNEMENT" || !isPassed(stageStates, stage));
  return current ?? "EN_FONCTIONNEMENT";
}

const isApproved = (snapshot: ProjectSnapshot, key: string): boolean => snapshot.milestones[key]?.status === "APPROVED";

/** Fields of a milestone, only when its latest submission is APPROVED. */
const approvedFieldsOf = (snapshot: ProjectSnapshot, key: string): Record<string, string> | null => {
  const state = snapshot.milestones[key];
  return state?.status === "APPROVED" ? state.approvedFields : null;
};

function milestoneNotApproved(snapshot: ProjectSnapshot, key: string, stage: ProjectStage): UnmetRequirement {
  const label = findMilestone(key, snapshot.customMilestones)?.label ?? key;
  return { key: `MILESTONE_NOT_APPROVED:${key}`, stage, message: `Le jalon « ${label} » doit être validé.` };
}

function describeComposition(team: readonly TeamMemberSnapshot[], at: Date, opts: TeamCompositionOptions): string {
  const c = teamComposition(team, at, opts);
  const plural = c.generalPractitioners > 1 ? "s" : "";
  const gps = `${c.generalPractitioners} médecin${plural} généraliste${plural}`;
  const paramedicals = `${c.paramedicals} paramédica${c.paramedicals > 1 ? "ux" : "l"}`;
  return `${gps} et ${paramedicals}`;
}

/**
 * Generic gate: every REQUIRED milestone of the stage's checklist (catalogue + the federation's
 * custom ones) is APPROVED (DOMAIN.md §2.2 exit criteria, ✅ where §2.2 flags them; §10.3 T-LIFE).
 * "APPROVED" means the latest submission is approved: a newer version awaiting review blocks the
 * gate until it is reviewed.
 */
function requiredMilestones(snapshot: ProjectSnapshot, stage: ProjectStage): UnmetRequirement[] {
  return checklistFor(stage, snapshot.customMilestones)
    .filter((m) => m.required && !isApproved(snapshot, m.key))
    .map((m) => milestoneNotApproved(snapshot, m.key, stage));
}

/**
 * Minimum team among the active members at `now`: ≥ 2 general practitioners + ≥ 1 paramedical
 * (DOMAIN.md §1 MSP ✅, art. L.6323-3 CSP; §3.2 ✅ for the ACI).
 */
function minimumTeam(snapshot: ProjectSnapshot, stage: ProjectStage, now: Date): UnmetRequirement[] {
  if (meetsMinimumTeam(snapshot.team, now)) return [];
  return [
    {
      key: "TEAM_MINIMUM_COMPOSITION",
      stage,
      message: `L'équipe doit compter au moins 2 médecins généralistes et 1 professionnel paramédical en activité (actuellement : ${describeComposition(snapshot.team, now, {})}).`,
    },
  ];
}

/**
 * Leaving PROJET_SANTE (towards the ARS validation): the projet de santé and the signed engagements
 * of the PS are approved (generic gate; DOMAIN.md §2.2 S3 ✅ "prérequis à la contractualisation",
 * §2.3), and the team has its minimum composition, which the ARS checks (§1 MSP ✅, L.6323-3 CSP).
 */
function projetSanteGate(snapshot: ProjectSnapshot, now: Date): UnmetRequirement[] {
  return minimumTeam(snapshot, "PROJET_SANTE", now);
}

/**
 * Leaving STRUCTURE_JURIDIQUE: a legal form is chosen (DOMAIN.md §2.1 step 2 ✅ "association loi
 * 1901 ou SISA"); for a SISA, its statutes are approved and its associates include ≥ 2 general
 * practitioners + ≥ 1 paramedical among active members (§1 SISA ✅, §2.2 S5 ✅); for an
 * association, its statutes are approved (§2.3 ASSO_STATUTS).
 */
function structureJuridiqueGate(snapshot: ProjectSnapshot, now: Date): UnmetRequirement[] {
  const stage: ProjectStage = "STRUCTURE_JURIDIQUE";
  switch (snapshot.legalForm) {
    case null:
      return [
        {
          key: "LEGAL_FORM_MISSING",
          stage,
          message: "La forme juridique de la structure (association loi 1901 ou SISA) doit être renseignée.",
        },
      ];
    case "SISA": {
      const unmet: UnmetRequirement[] = [];
      if (!isApproved(snapshot, "SISA_STATUTS")) unmet.push(milestoneNotApproved(snapshot, "SISA_STATUTS", stage));
      if (!meetsMinimumTeam(snapshot.team, now, { associatesOnly: true })) {
        unmet.push({
          key: "SISA_COMPOSITION",
          stage,
          message: `Les associés de la SISA doivent compter au moins 2 médecins généralistes et 1 professionnel paramédical (actuellement : ${describeComposition(snapshot.team, now, { associatesOnly: true })}).`,
        });
      }
      return unmet;
    }
    case "ASSOCIATION_1901":
      return isApproved(snapshot, "ASSO_STATUTS") ? [] : [milestoneNotApproved(snapshot, "ASSO_STATUTS", stage)];
  }
}

/**
 * The SISA deadline of an ACI contract signed on `signedAt` (`yyyy-mm-dd`): end of the UTC day
 * 6 calendar months later (DOMAIN.md §2.4 ✅, §3.2 ✅; a 31st lands on the month's last day).
 * `null` when the date is not a valid ISO date.
 */
export function sisaDeadline(signedAt: string): Date | null {
  const signed = parseIsoDate(signedAt);
  return signed === null ? null : endOfUtcDay(addUtcMonths(signed, SISA_DEADLINE_MONTHS));
}

/**
 * Leaving SIGNATURE_ACI (towards EN_FONCTIONNEMENT):
 * - the projet de santé is validated by the ARS: VALIDATION_ARS stage passed and milestone
 *   approved (DOMAIN.md §3.2 ✅ "projet de santé validated, consistent with the PRS");
 * - CONTRAT_ACI approved (generic gate, §2.2 S9 ✅);
 * - a SISA: legal form SISA with approved statutes, or CONTRAT_ACI approved with
 *   `sisaCommitment = "true"` and `now` ≤ signedAt + 6 months (§2.4 ✅, §3.2 ✅); after that date,
 *   `SISA_DEADLINE_PASSED`;
 * - the minimum team (§3.2 ✅ ≥ 2 GPs + 1 other health professional — the platform asks for a
 *   paramedical, as §1 MSP ✅).
 */
function signatureAciGate(snapshot: ProjectSnapshot, now: Date): UnmetRequirement[] {
  const stage: ProjectStage = "SIGNATURE_ACI";
  const unmet: UnmetRequirement[] = [];

  if (!isStagePassed(snapshot, "VALIDATION_ARS") || !isApproved(snapshot, "VALIDATION_ARS")) {
    unmet.push({
      key: "ACI_REQUIRES_ARS_VALIDATION",
      stage,
      message: `Le contrat ACI suppose un projet de santé validé par l'ARS : l'étape « ${STAGE_LABELS.VALIDATION_ARS} » doit être franchie et son jalon validé.`,
    });
  }

  const hasSisa = snapshot.legalForm === "SISA" && isApproved(snapshot, "SISA_STATUTS");
  if (!hasSisa) {
    const contract = approvedFieldsOf(snapshot, "CONTRAT_ACI");
    const deadline = contract?.sisaCommitment === "true" && contract.signedAt ? sisaDeadline(contract.signedAt) : null;
    if (deadline === null) {
      unmet.push({
        key: "ACI_REQUIRES_SISA",
        stage,
        message: `L'ACI exige une SISA constituée (statuts validés) ou, dans le contrat ACI validé, l'engagement de la constituer dans les ${SISA_DEADLINE_MONTHS} mois suivant la signature.`,
      });
    } else if (now.getTime() > deadline.getTime()) {
      unmet.push({
        key: "SISA_DEADLINE_PASSED",
        stage,
        message: `Le délai de ${SISA_DEADLINE_MONTHS} mois pour constituer la SISA a expiré le ${formatFrenchDate(deadline)} : les statuts de la SISA doivent être validés.`,
      });
    }
  }

  unmet.push(...minimumTeam(snapshot, stage, now));
  return unmet;
}

/**
 * What prevents leaving `stage` at `now` (empty = the gate holds): the generic gate (required
 * milestones approved, DOMAIN.md §2.2) then the stage's own rules — PROJET_SANTE, STRUCTURE_JURIDIQUE,
 * SIGNATURE_ACI above. PREMIER_CONTACT asks nothing more than its milestones (the "identified
 * leader" of §2.2 S0 is 💡, not enforced). A stage validly marked not applicable has no gate.
 */
export function exitRequirements(snapshot: ProjectSnapshot, stage: ProjectStage, now: Date): UnmetRequirement[] {
  if (snapshot.stageStates[stage]?.notApplicable && canBeNotApplicable(stage)) return [];
  const unmet = requiredMilestones(snapshot, stage);
  switch (stage) {
    case "PROJET_SANTE":
      unmet.push(...projetSanteGate(snapshot, now));
      break;
    case "STRUCTURE_JURIDIQUE":
      unmet.push(...structureJuridiqueGate(snapshot, now));
      break;
    case "SIGNATURE_ACI":
      unmet.push(...signatureAciGate(snapshot, now));
      break;
    default:
      break;
  }
  return unmet;
}

export type StageMove = { kind: "forward"; complete: ProjectStage[] } | { kind: "backward"; reopen: ProjectStage[] };

export type StageMoveOptions = { isAdmin: boolean; reason?: string | null };

/**
 * Plans moving the project from its current stage (`snapshot.stage`) to `toStage`.
 *
 * - Same stage: refused, `STAGE_UNCHANGED`.
 * - Forward: every stage from the current one up to (excluding) `toStage` must already be passed or
 *   have its gate hold now; ALL unmet requirements across those stages are returned at once. The
 *   stages are checked in order, each assuming the earlier ones of the move are completed (so
 *   "VALIDATION_ARS stage passed" holds inside a move that completes it). The move completes the
 *   stages not passed yet; the derived stage is then `toStage`, or later when `toStage` itself
 *   was already completed out of order (DOMAIN.md §2.2 notes ✅). Forward moves are open to any
 *   caller the API allows to move stages.
 * - Backward: only an admin, with a non-empty reason (DOMAIN.md §10.1 💡 "only forward except
 *   explicit rollback with reason"); both refusals at once (`BACKWARD_REQUIRES_ADMIN`,
 *   `BACKWARD_REQUIRES_REASON`). Reopens `toStage` … current stage (they lose `completedAt`;
 *   not-applicable flags and stages completed ahead are kept), so the derived stage becomes `toStage`.
 */
export function planStageMove(
  snapshot: ProjectSnapshot,
  toStage: ProjectStage,
  now: Date,
  opts: StageMoveOptions,
): Result<StageMove, UnmetRequirement[]> {
  const from = stageIndex(snapshot.stage);
  const to = stageIndex(toStage);

  if (to === from) {
    return err([
      {
        key: "STAGE_UNCHANGED",
        stage: snapshot.stage,
        message: `Le projet est déjà à l'étape « ${STAGE_LABELS[toStage]} ».`,
      },
    ]);
  }

  if (to < from) {
    const refusals: UnmetRequirement[] = [];
    if (!opts.isAdmin) {
      refusals.push({
        key: "BACKWARD_REQUIRES_ADMIN",
        stage: snapshot.stage,
        message: "Seul·e un·e administrateur·rice de la fédération peut ramener un projet à une étape antérieure.",
      });
    }
    if (!opts.reason?.trim()) {
      refusals.push({
        key: "BACKWARD_REQUIRES_REASON",
        stage: snapshot.stage,
        message: `Indiquez le motif du retour à l'étape « ${STAGE_LABELS[toStage]} ».`,
      });
    }
    if (refusals.length > 0) return err(refusals);
    return ok({ kind: "backward", reopen: PROJECT_STAGES.slice(to, from + 1) });
  }

  const complete: ProjectStage[] = [];
  const unmet: UnmetRequirement[] = [];
  const stageStates: Partial<Record<ProjectStage, StageStateSnapshot>> = { ...snapshot.stageStates };
  for (const stage of PROJECT_STAGES.slice(from, to)) {
    if (isPassed(stageStates, stage)) continue;
    unmet.push(...exitRequirements({ ...snapshot, stageStates }, stage, now));
    complete.push(stage);
    stageStates[stage] = { completedAt: now, notApplicable: stageStates[stage]?.notApplicable ?? false };
  }
  return unmet.length > 0 ? err(unmet) : ok({ kind: "forward", complete });
}
