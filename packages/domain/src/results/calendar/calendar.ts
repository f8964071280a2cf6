import { aciCalendar, NEW_ADHERENT_ADVANCE_MONTHS } from "../../pipeline/calendar.js";
import { addUtcMonths, endOfUtcDay, parseIsoDate } from "../../pipeline/dates.js";
import type { Programme } from "../periods/period.types.js";

/**
 * The calendar of a result period (one programme, one calendar year N): its deadlines and where the period stands
 * on a given day.
 *
 * ACI (DOMAIN.md §2.5, calendar year ✅ [S1]):
 * - advance (avance, 60 %) paid by 30 April N ✅, or within 3 months of the signature for a new adherent ✅;
 * - evidence (justificatifs) sent to the CPAM by 31 January N+1 🟡 [S17] — configurable ({@link PeriodCalendarOptions});
 * - balance (solde) paid by 30 April N+1 ✅.
 *
 * PEPS and IPEP: DOMAIN.md gives no reporting calendar. Assumption (💡, to confirm with the federation): yearly
 * periods reported in the same window as the ACI, i.e. year N's results are due by the evidence deadline of N+1 —
 * consistent with IPEP's quality score "computed yearly in N+1 on year-N data" (DOMAIN.md §5.3 ✅ [S42]). PEPS is
 * paid quarterly or monthly (§4.1, ⚠️), so no advance/balance dates are modelled for PEPS or IPEP.
 *
 * Every date is UTC: a period opens at 00:00:00.000Z on 1 January N; deadlines are the last millisecond of their
 * UTC day (as the pipeline's {@link aciCalendar}); Europe/Paris is not modelled.
 */

/** Statuses of a stored result period (ResultPeriod.status). */
export const RESULT_PERIOD_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
export type ResultPeriodStatus = (typeof RESULT_PERIOD_STATUSES)[number];

export type PeriodDeadlineKind = "ADVANCE" | "EVIDENCE" | "BALANCE";

export type PeriodDeadline = {
  readonly kind: PeriodDeadlineKind;
  readonly dueAt: Date;
  /** French label, for display. */
  readonly label: string;
  /** DOMAIN.md confidence of the date: ✅ → CONFIRMED, 🟡 → TO_VERIFY, 💡 (our assumption) → ASSUMED. */
  readonly flag: "CONFIRMED" | "TO_VERIFY" | "ASSUMED";
};

/** A month and day of year N+1. */
export type MonthDay = { readonly month: number; readonly day: number };

export type PeriodCalendarOptions = {
  /** When year N's evidence/results are due, in N+1 (default 31 January, DOMAIN.md §2.5 🟡 [S17]). */
  readonly evidenceDeadline?: MonthDay;
};

/** 31 January N+1 (DOMAIN.md §2.5 🟡: the deadline quoted for one campaign, "jusqu'au 31 janvier"). */
export const DEFAULT_EVIDENCE_DEADLINE: MonthDay = Object.freeze({ month: 1, day: 31 });

export type PeriodCalendarInput = {
  readonly programme: Programme;
  readonly year: number;
  /** ACI contract signature (yyyy-mm-dd); a signature in year N makes the MSP a new adherent that year. */
  readonly contractStart?: string | null;
};

export type PeriodCalendar = {
  readonly programme: Programme;
  readonly year: number;
  /** 1 January N, 00:00 UTC. */
  readonly opensAt: Date;
  /** 31 December N, end of day UTC. */
  readonly endsAt: Date;
  /** ACI only (null otherwise): 30 April N, or signature + 3 months for a new adherent. */
  readonly advanceDue: Date | null;
  /** Year N's evidence (ACI) or results (PEPS, IPEP) due in N+1. */
  readonly evidenceDue: Date;
  /** ACI only (null otherwise): 30 April N+1. */
  readonly balanceDue: Date | null;
  /** The same dates with labels, in chronological order. */
  readonly deadlines: readonly PeriodDeadline[];
};

const DEADLINE_LABELS: Readonly<Record<Programme, Readonly<Record<PeriodDeadlineKind, string>>>> = {
  ACI: { ADVANCE: "Versement de l'avance ACI", EVIDENCE: "Transmission des justificatifs à la CPAM", BALANCE: "Versement du solde ACI" },
  PEPS: { ADVANCE: "", EVIDENCE: "Transmission des résultats PEPS", BALANCE: "" },
  IPEP: { ADVANCE: "", EVIDENCE: "Transmission des résultats IPEP", BALANCE: "" },
};

const checkYear = (year: number): void => {
  if (!Number.isInteger(year) || year < 1970 || year > 9998) {
    throw new RangeError(`periodCalendar expects an integer year between 1970 and 9998, got ${year}`);
  }
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** End of the UTC day `deadline` of year `year`; RangeError when the month/day is impossible that year. */
const deadlineIn = (year: number, deadline: MonthDay): Date => {
  const { month, day } = deadline;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`invalid evidence deadline ${month}/${day} in ${year}`);
  }
  return new Date(Date.UTC(year, month - 1, day, 23, 59, 59, 999));
};

/**
 * The deadlines of a period (see the module comment for DOMAIN.md §2.5 and the PEPS/IPEP assumption).
 * @throws RangeError for a year outside 1970–9998 or an impossible evidence deadline (programming errors).
 */
export function periodCalendar(input: PeriodCalendarInput, options: PeriodCalendarOptions = {}): PeriodCalendar {
  const { programme, year } = input;
  checkYear(year);
  const opensAt = new Date(Date.UTC(year, 0, 1));
  const endsAt = new Date(Date.UTC(year, 11, 31, 23, 59, 59, 999));
  const evidenceDue = deadlineIn(year + 1, options.evidenceDeadline ?? DEFAULT_EVIDENCE_DEADLINE);
  const labels = DEADLINE_LABELS[programme];
  const evidenceFlag = programme === "ACI" ? "TO_VERIFY" : "ASSUMED";
  if (programme !== "ACI") {
    return {
      programme,
      year,
      opensAt,
      endsAt,
      advanceDue: null,
      evidenceDue,
      balanceDue: null,
      deadlines: [{ kind: "EVIDENCE", dueAt: evidenceDue, label: labels.EVIDENCE, flag: evidenceFlag }],
    };
  }
  const aci = aciCalendar(year);
  const signed = input.contractStart ? parseIsoDate(input.contractStart) : null;
  // New adherent (signature in year N): the advance comes within 3 months of the signature (§2.5 ✅).
  const advanceDue =
    signed !== null && signed.getUTCFullYear() === year ? endOfUtcDay(addUtcMonths(signed, NEW_ADHERENT_ADVANCE_MONTHS)) : aci.advanceDue;
  const deadlines: PeriodDeadline[] = [
    { kind: "ADVANCE", dueAt: advanceDue, label: labels.ADVANCE, flag: "CONFIRMED" },
    { kind: "EVIDENCE", dueAt: evidenceDue, label: labels.EVIDENCE, flag: evidenceFlag },
    { kind: "BALANCE", dueAt: aci.balanceDue, label: labels.BALANCE, flag: "CONFIRMED" },
  ];
  deadlines.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return { programme, year, opensAt, endsAt, advanceDue, evidenceDue, balanceDue: aci.balanceDue, deadlines };
}

/**
 * Where a period stands on a day, in time order for a given stored status:
 * NOT_OPEN (year N not started) → IN_PROGRESS (year N running) → TO_SUBMIT (N ended, evidence/results due) →
 * OVERDUE (after the evidence deadline and still not submitted). A SUBMITTED period is AWAITING_DECISION (the
 * federation's approval) and an APPROVED one CLOSED, whatever the day. A missing period (`status: null`), a draft
 * and a period returned to the team follow the time order.
 */
export const PERIOD_CALENDAR_STATUSES = ["NOT_OPEN", "IN_PROGRESS", "TO_SUBMIT", "OVERDUE", "AWAITING_DECISION", "CLOSED"] as const;
export type PeriodCalendarStatus = (typeof PERIOD_CALENDAR_STATUSES)[number];

export const PERIOD_CALENDAR_STATUS_LABELS: Readonly<Record<PeriodCalendarStatus, string>> = {
  NOT_OPEN: "Année non commencée",
  IN_PROGRESS: "Année en cours",
  TO_SUBMIT: "À transmettre",
  OVERDUE: "En retard",
  AWAITING_DECISION: "En attente de validation",
  CLOSED: "Clôturée",
};

export type PeriodCalendarStatusInput = PeriodCalendarInput & {
  /** The stored period's status, or null when the period does not exist yet. */
  readonly status: ResultPeriodStatus | null;
};

/** The calendar status of a period on `today` (see {@link PERIOD_CALENDAR_STATUSES}). */
export function periodCalendarStatus(
  period: PeriodCalendarStatusInput,
  today: Date,
  options: PeriodCalendarOptions = {},
): PeriodCalendarStatus {
  if (period.status === "APPROVED") return "CLOSED";
  if (period.status === "SUBMITTED") return "AWAITING_DECISION";
  const calendar = periodCalendar(period, options);
  const t = today.getTime();
  if (t < calendar.opensAt.getTime()) return "NOT_OPEN";
  if (t <= calendar.endsAt.getTime()) return "IN_PROGRESS";
  if (t <= calendar.evidenceDue.getTime()) return "TO_SUBMIT";
  return "OVERDUE";
}
