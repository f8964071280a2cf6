/**
 * Alerts of the federation's dashboard, computed from project snapshots (pure: the API persists
 * the drafts, deduplicating on projectId + kind + key, and resolves those no longer produced).
 *
 * Thresholds are product defaults (💡 — DOMAIN.md gives no SLA, §2.4 / U15); legal and
 * contractual dates come from DOMAIN.md and carry their own flag.
 */
import type { ProjectStage } from "../projects/projects.js";
import { STAGE_LABELS } from "../projects/projects.js";
import { periodCalendar, periodCalendarStatus, type ResultPeriodStatus } from "../results/calendar/calendar.js";
import type { Programme } from "../results/periods/period.types.js";
import { aciCalendar, NEW_ADHERENT_ADVANCE_MONTHS } from "./calendar.js";
import {
  addDays,
  addUtcMonths,
  addUtcYears,
  DAY_MS,
  elapsedDays,
  endOfUtcDay,
  formatFrenchDate,
  parseIsoDate,
} from "./dates.js";
import { sisaDeadline } from "./gates.js";
import { findMilestone } from "./milestones.js";

export const ALERT_KINDS = [
  "STALLED_PROJECT",
  "SUBMISSION_AWAITING_REVIEW",
  "CPOM_RENEWAL",
  "SISA_DUE",
  "ACI_EVIDENCE_DUE",
  "ACI_PAYMENT_DUE",
  "RESULT_PERIOD_DUE",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  STALLED_PROJECT: "Projet sans activité",
  SUBMISSION_AWAITING_REVIEW: "Dépôt en attente de relecture",
  CPOM_RENEWAL: "Renouvellement du CPOM",
  SISA_DUE: "SISA à constituer",
  ACI_EVIDENCE_DUE: "Justificatifs ACI à transmettre",
  ACI_PAYMENT_DUE: "Échéance de paiement ACI",
  RESULT_PERIOD_DUE: "Résultats PEPS / IPEP à transmettre",
};

export type AlertThresholds = {
  /** Days without activity before an ACTIVE project is "stalled". */
  stalledDays: number;
  /** Per-stage override of `stalledDays` (e.g. longer for IMMOBILIER, where works take years, §2.4 🟡). */
  stalledDaysByStage: Partial<Record<ProjectStage, number>>;
  /** Days a submission may wait for review. */
  reviewWaitDays: number;
  /** Days before the CPOM's end to start warning. */
  cpomLeadDays: number;
  /** Days before the 31 January evidence deadline to start warning. */
  aciEvidenceLeadDays: number;
  /** Days before an ACI payment date to start warning. */
  aciPaymentLeadDays: number;
  /** Days before the evidence deadline to remind a team whose ACI result period is missing or not submitted. */
  resultPeriodLeadDays: number;
};

/** Product defaults (💡 GUESS — DOMAIN.md §2.4 and U15: no SLA known; tune per federation). */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = Object.freeze({
  stalledDays: 60,
  stalledDaysByStage: Object.freeze({}),
  reviewWaitDays: 7,
  cpomLeadDays: 180,
  aciEvidenceLeadDays: 60,
  aciPaymentLeadDays: 30,
  resultPeriodLeadDays: 30,
});

export type AlertProjectSnapshot = {
  projectId: string;
  federationId: string;
  name: string;
  stage: ProjectStage;
  status: "ACTIVE" | "ON_HOLD" | "ABANDONED";
  lastActivityAt: Date;
  pendingSubmissions: readonly { id: string; milestoneKey: string; createdAt: Date }[];
  /** by milestone key, e.g. CPOM.signedAt, CONTRAT_ACI.signedAt/sisaCommitment, SISA_STATUTS present when approved */
  approvedFields: Readonly<Record<string, Record<string, string>>>;
  /** ACI_JUSTIFICATIFS years submitted or approved */
  submittedEvidenceYears: readonly number[];
  /**
   * The project's result periods (any programme, any year) with their status; absent when not loaded, in which
   * case no result-period reminder is computed.
   */
  resultPeriods?: readonly { programme: Programme; year: number; status: ResultPeriodStatus }[];
};

export type AlertDraft = {
  projectId: string;
  federationId: string;
  kind: AlertKind;
  /** Distinguishes alerts of the same kind on one project; stable across runs (dedup key). */
  key: string;
  dueAt: Date | null;
  /** French, names the project and the date (dd/mm/yyyy). */
  message: string;
};

/** CPOM duration (DOMAIN.md §1, §2.4, ✅ 5 years). */
export const CPOM_DURATION_YEARS = 5;

/** Stages at which the ACI's yearly cycle runs (DOMAIN.md §2.2 S9–S10). */
const ACI_STAGES: readonly ProjectStage[] = ["SIGNATURE_ACI", "EN_FONCTIONNEMENT"];

/**
 * All alerts at `now`, sorted by projectId, kind, key (plain string order), whatever the order of
 * `projects`. ABANDONED projects raise nothing; ON_HOLD projects raise everything but stalling
 * (their contractual deadlines still run).
 */
export function computeAlerts(
  projects: readonly AlertProjectSnapshot[],
  now: Date,
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
): AlertDraft[] {
  const alerts: AlertDraft[] = [];
  for (const project of projects) {
    if (project.status === "ABANDONED") continue;
    alerts.push(
      ...stalledAlerts(project, now, thresholds),
      ...reviewAlerts(project, now, thresholds),
      ...cpomAlerts(project, now, thresholds),
      ...sisaAlerts(project, now),
      ...aciEvidenceAlerts(project, now, thresholds),
      ...aciPaymentAlerts(project, now, thresholds),
      ...resultPeriodAlerts(project, now, thresholds),
    );
  }
  return alerts.sort(compareAlerts);
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareAlerts(a: AlertDraft, b: AlertDraft): number {
  return compareStrings(a.projectId, b.projectId) || compareStrings(a.kind, b.kind) || compareStrings(a.key, b.key);
}

function draft(
  project: AlertProjectSnapshot,
  kind: AlertKind,
  key: string,
  dueAt: Date | null,
  message: string,
): AlertDraft {
  return { projectId: project.projectId, federationId: project.federationId, kind, key, dueAt, message };
}

/**
 * STALLED_PROJECT (key ""): an ACTIVE project, not yet EN_FONCTIONNEMENT, without activity for more
 * than its stage's threshold (💡 product rule; DOMAIN.md §2.4 durations "très variable" 🟡).
 */
function stalledAlerts(project: AlertProjectSnapshot, now: Date, t: AlertThresholds): AlertDraft[] {
  if (project.status !== "ACTIVE" || project.stage === "EN_FONCTIONNEMENT") return [];
  const threshold = t.stalledDaysByStage[project.stage] ?? t.stalledDays;
  if (now.getTime() - project.lastActivityAt.getTime() <= threshold * DAY_MS) return [];
  const days = elapsedDays(project.lastActivityAt, now);
  return [
    draft(
      project,
      "STALLED_PROJECT",
      "",
      null,
      `Le projet « ${project.name} » est sans activité depuis le ${formatFrenchDate(project.lastActivityAt)} (${days} jours ; seuil de ${threshold} jours à l'étape « ${STAGE_LABELS[project.stage]} »).`,
    ),
  ];
}

/**
 * SUBMISSION_AWAITING_REVIEW (key = submission id): a submission pending for more than
 * `reviewWaitDays` (💡 product rule); due = creation + `reviewWaitDays`.
 */
function reviewAlerts(project: AlertProjectSnapshot, now: Date, t: AlertThresholds): AlertDraft[] {
  return project.pendingSubmissions
    .filter((s) => now.getTime() - s.createdAt.getTime() > t.reviewWaitDays * DAY_MS)
    .map((s) => {
      const label = findMilestone(s.milestoneKey, [])?.label ?? s.milestoneKey;
      return draft(
        project,
        "SUBMISSION_AWAITING_REVIEW",
        s.id,
        addDays(s.createdAt, t.reviewWaitDays),
        `Projet « ${project.name} » : le dépôt « ${label} » du ${formatFrenchDate(s.createdAt)} attend une relecture depuis ${elapsedDays(s.createdAt, now)} jours.`,
      );
    });
}

/**
 * CPOM_RENEWAL (key = CPOM.signedAt): the CPOM ends 5 years after its signature (DOMAIN.md §1,
 * §2.4, ✅); raised from `cpomLeadDays` before that date, and after it until a newer CPOM is
 * approved (which changes the key). Due = end of the anniversary day, UTC.
 */
function cpomAlerts(project: AlertProjectSnapshot, now: Date, t: AlertThresholds): AlertDraft[] {
  const signedAt = project.approvedFields.CPOM?.signedAt;
  const signed = signedAt === undefined ? null : parseIsoDate(signedAt);
  if (signedAt === undefined || signed === null) return [];
  const end = endOfUtcDay(addUtcYears(signed, CPOM_DURATION_YEARS));
  if (end.getTime() - now.getTime() > t.cpomLeadDays * DAY_MS) return [];
  const verb = now.getTime() > end.getTime() ? "est arrivé à échéance" : "arrive à échéance";
  return [
    draft(
      project,
      "CPOM_RENEWAL",
      signedAt,
      end,
      `Projet « ${project.name} » : le CPOM signé le ${formatFrenchDate(signed)} ${verb} le ${formatFrenchDate(end)} ; préparez son renouvellement avec l'ARS.`,
    ),
  ];
}

/**
 * SISA_DUE (key = CONTRAT_ACI.signedAt): the ACI contract is approved with a commitment to
 * constitute a SISA and no SISA statutes are approved; due 6 months after the signature
 * (DOMAIN.md §2.4 ✅, §3.2 ✅). Raised from the signature until the SISA statutes are approved.
 */
function sisaAlerts(project: AlertProjectSnapshot, now: Date): AlertDraft[] {
  const contract = project.approvedFields.CONTRAT_ACI;
  if (contract?.sisaCommitment !== "true" || project.approvedFields.SISA_STATUTS !== undefined) return [];
  const signedAt = contract.signedAt;
  const signed = signedAt === undefined ? null : parseIsoDate(signedAt);
  const due = signedAt === undefined ? null : sisaDeadline(signedAt);
  if (signedAt === undefined || signed === null || due === null || now.getTime() < signed.getTime()) return [];
  const message =
    now.getTime() > due.getTime()
      ? `Projet « ${project.name} » : le délai de constitution de la SISA a expiré le ${formatFrenchDate(due)} (contrat ACI signé le ${formatFrenchDate(signed)}).`
      : `Projet « ${project.name} » : la SISA doit être constituée au plus tard le ${formatFrenchDate(due)} (6 mois après la signature du contrat ACI le ${formatFrenchDate(signed)}).`;
  return [draft(project, "SISA_DUE", signedAt, due, message)];
}

/** The ACI signature date of a project in the ACI cycle (DOMAIN.md §2.2 S9–S10), or null. */
function aciSignature(project: AlertProjectSnapshot): Date | null {
  if (!ACI_STAGES.includes(project.stage)) return null;
  const signedAt = project.approvedFields.CONTRAT_ACI?.signedAt;
  return signedAt === undefined ? null : parseIsoDate(signedAt);
}

/** Whether `due` falls in the warning window `[now, now + leadDays]`. */
const inWindow = (due: Date, now: Date, leadDays: number): boolean =>
  due.getTime() >= now.getTime() && due.getTime() - now.getTime() <= leadDays * DAY_MS;

/** Last year worth looking at for deadlines at most `leadDays` ahead. */
const lastYearAhead = (now: Date, leadDays: number): number =>
  now.getUTCFullYear() + Math.ceil(Math.max(0, leadDays) / 365) + 1;

/**
 * ACI_EVIDENCE_DUE (key = String(N)): for a project at SIGNATURE_ACI or EN_FONCTIONNEMENT whose
 * contract was signed in year N or before, the evidence of year N is due by 31 January N+1
 * (DOMAIN.md §2.5 🟡); raised within `aciEvidenceLeadDays` before that deadline, unless year N is
 * in `submittedEvidenceYears`. Nothing after the deadline (the CPAM's statement takes over).
 */
function aciEvidenceAlerts(project: AlertProjectSnapshot, now: Date, t: AlertThresholds): AlertDraft[] {
  const signed = aciSignature(project);
  if (signed === null) return [];
  const alerts: AlertDraft[] = [];
  const first = Math.max(signed.getUTCFullYear(), now.getUTCFullYear() - 1);
  for (let year = first; year <= lastYearAhead(now, t.aciEvidenceLeadDays); year += 1) {
    const due = aciCalendar(year).evidenceDue;
    if (!inWindow(due, now, t.aciEvidenceLeadDays) || project.submittedEvidenceYears.includes(year)) continue;
    alerts.push(
      draft(
        project,
        "ACI_EVIDENCE_DUE",
        String(year),
        due,
        `Projet « ${project.name} » : les justificatifs ACI de l'année ${year} sont à transmettre à la CPAM au plus tard le ${formatFrenchDate(due)}.`,
      ),
    );
  }
  return alerts;
}

/**
 * ACI_PAYMENT_DUE (keys `advance-N`, `balance-N`): for the same projects, the CPAM pays the advance
 * of year N by 30 April N and the balance of year N by 30 April N+1 (DOMAIN.md §2.5 ✅), so around
 * 30 April N the alerts are `advance-N` and `balance-(N-1)`. The advance of the signature year is
 * due within 3 months of the signature instead (§2.5 ✅ new adherent). Raised within
 * `aciPaymentLeadDays` before the date, for years from the signature year on.
 */
function aciPaymentAlerts(project: AlertProjectSnapshot, now: Date, t: AlertThresholds): AlertDraft[] {
  const signed = aciSignature(project);
  if (signed === null) return [];
  const signedYear = signed.getUTCFullYear();
  const alerts: AlertDraft[] = [];
  const first = Math.max(signedYear, now.getUTCFullYear() - 1);
  for (let year = first; year <= lastYearAhead(now, t.aciPaymentLeadDays); year += 1) {
    const calendar = aciCalendar(year);
    const advanceDue =
      year === signedYear ? endOfUtcDay(addUtcMonths(signed, NEW_ADHERENT_ADVANCE_MONTHS)) : calendar.advanceDue;
    if (inWindow(advanceDue, now, t.aciPaymentLeadDays)) {
      alerts.push(
        draft(
          project,
          "ACI_PAYMENT_DUE",
          `advance-${year}`,
          advanceDue,
          `Projet « ${project.name} » : l'avance ACI ${year} doit être versée par la CPAM au plus tard le ${formatFrenchDate(advanceDue)}.`,
        ),
      );
    }
    if (inWindow(calendar.balanceDue, now, t.aciPaymentLeadDays)) {
      alerts.push(
        draft(
          project,
          "ACI_PAYMENT_DUE",
          `balance-${year}`,
          calendar.balanceDue,
          `Projet « ${project.name} » : le solde ACI ${year} doit être versé par la CPAM au plus tard le ${formatFrenchDate(calendar.balanceDue)}.`,
        ),
      );
    }
  }
  return alerts;
}

/** Prefix of the keys of the result-period reminders (`results-ACI-2025`), beside the evidence-pack keys (`2025`). */
export const RESULT_PERIOD_ALERT_KEY_PREFIX = "results-";

const RESULT_STATE: Readonly<Record<"MISSING" | "DRAFT" | "RETURNED", string>> = {
  MISSING: "ne sont pas encore saisis",
  DRAFT: "sont encore en brouillon",
  RETURNED: "ont été renvoyés pour correction",
};

/**
 * Reminders of the yearly result periods (calendar: `periodCalendarStatus`, DOMAIN.md §2.5), for a project at
 * SIGNATURE_ACI or EN_FONCTIONNEMENT with a signed ACI contract, when the snapshot carries its periods:
 * - ACI_EVIDENCE_DUE, key `results-ACI-N` — the ACI period (the figures the platform keeps beside the evidence pack),
 *   for every year N from the contract's signature year; stored beside the evidence-pack alert (same deadline, same
 *   audience);
 * - RESULT_PERIOD_DUE, key `results-PEPS-N` / `results-IPEP-N` — the PEPS and IPEP periods, on the same N+1 reporting
 *   window (DOMAIN.md §5.3 "computed yearly in N+1 on year-N data"), when the MSP takes part in the experiment (it has
 *   a period of that programme for one of the two years before N).
 * Each while the period of year N is missing, a draft or returned to the team: from `resultPeriodLeadDays` before the
 * evidence deadline (31 January N+1 🟡) until that deadline, then as overdue until the end of year N+1 (the year
 * after, the next campaign takes over); resolved as soon as the period is submitted (or approved). Only years up to
 * the current one (a period cannot be entered for a future year).
 */
function resultPeriodAlerts(project: AlertProjectSnapshot, now: Date, t: AlertThresholds): AlertDraft[] {
  const periods = project.resultPeriods;
  if (periods === undefined) return [];
  const signed = aciSignature(project);
  if (signed === null) return [];
  const contractStart = project.approvedFields.CONTRAT_ACI?.signedAt ?? null;
  const current = now.getUTCFullYear();
  const alerts: (AlertDraft | null)[] = [];
  // Year N's deadline is in January N+1: only N = current − 1 (due or overdue) and N = current (due) can alert.
  for (let year = Math.max(signed.getUTCFullYear(), current - 1); year <= current; year += 1) {
    alerts.push(periodReminder(project, periods, { programme: "ACI", year, contractStart }, "ACI_EVIDENCE_DUE", now, t));
  }
  for (const programme of ["PEPS", "IPEP"] as const) {
    for (let year = current - 1; year <= current; year += 1) {
      if (periods.some((p) => p.programme === programme && (p.year === year - 1 || p.year === year - 2))) {
        alerts.push(periodReminder(project, periods, { programme, year, contractStart: null }, "RESULT_PERIOD_DUE", now, t));
      }
    }
  }
  return alerts.filter((a): a is AlertDraft => a !== null);
}

/** The reminder of one period (see {@link resultPeriodAlerts}), or null when it is not due. */
function periodReminder(
  project: AlertProjectSnapshot,
  periods: NonNullable<AlertProjectSnapshot["resultPeriods"]>,
  period: { programme: Programme; year: number; contractStart: string | null },
  kind: "ACI_EVIDENCE_DUE" | "RESULT_PERIOD_DUE",
  now: Date,
  t: AlertThresholds,
): AlertDraft | null {
  const { programme, year } = period;
  const stored = periods.find((p) => p.programme === programme && p.year === year)?.status ?? null;
  const calendarStatus = periodCalendarStatus({ ...period, status: stored }, now);
  if (calendarStatus === "AWAITING_DECISION" || calendarStatus === "CLOSED") return null;
  const due = periodCalendar(period).evidenceDue;
  const overdue = calendarStatus === "OVERDUE";
  if (overdue ? year !== now.getUTCFullYear() - 1 : !inWindow(due, now, t.resultPeriodLeadDays)) return null;
  const state = RESULT_STATE[stored === "DRAFT" || stored === "RETURNED" ? stored : "MISSING"];
  return draft(
    project,
    kind,
    `${RESULT_PERIOD_ALERT_KEY_PREFIX}${programme}-${year}`,
    due,
    overdue
      ? `Projet « ${project.name} » : les résultats ${programme} de l'année ${year} ${state}, alors que la date limite du ${formatFrenchDate(due)} est dépassée.`
      : `Projet « ${project.name} » : les résultats ${programme} de l'année ${year} ${state} ; ils sont à transmettre au plus tard le ${formatFrenchDate(due)}.`,
  );
}
