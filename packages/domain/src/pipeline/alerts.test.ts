import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { PROJECT_STAGES } from "../projects/projects.js";
import {
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  type AlertDraft,
  type AlertKind,
  type AlertProjectSnapshot,
  computeAlerts,
  DEFAULT_ALERT_THRESHOLDS,
  RESULT_PERIOD_ALERT_KEY_PREFIX,
} from "./alerts.js";

const at = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const NOW = at("2026-11-20T09:00:00Z");

const project = (overrides: Partial<AlertProjectSnapshot> = {}): AlertProjectSnapshot => ({
  projectId: "p1",
  federationId: "fed",
  name: "MSP des Tilleuls",
  stage: "PROJET_SANTE",
  status: "ACTIVE",
  lastActivityAt: at("2026-11-19"),
  pendingSubmissions: [],
  approvedFields: {},
  submittedEvidenceYears: [],
  ...overrides,
});

const only = (kind: AlertKind, projects: AlertProjectSnapshot[], now = NOW, thresholds = DEFAULT_ALERT_THRESHOLDS) =>
  computeAlerts(projects, now, thresholds).filter((a) => a.kind === kind);
const keysOf = (alerts: AlertDraft[]) => alerts.map((a) => a.key);

describe("alert kinds and thresholds", () => {
  it("labels every kind in French", () => {
    expect(Object.keys(ALERT_KIND_LABELS)).toEqual([...ALERT_KINDS]);
    expect(ALERT_KIND_LABELS.CPOM_RENEWAL).toBe("Renouvellement du CPOM");
  });

  it("defaults to 60, {}, 7, 180, 60, 30, 30 days", () => {
    expect(DEFAULT_ALERT_THRESHOLDS).toEqual({
      stalledDays: 60,
      stalledDaysByStage: {},
      reviewWaitDays: 7,
      cpomLeadDays: 180,
      aciEvidenceLeadDays: 60,
      aciPaymentLeadDays: 30,
      resultPeriodLeadDays: 30,
    });
  });

  it("raises nothing for a fresh project", () => {
    expect(computeAlerts([project()], NOW)).toEqual([]);
  });
});

describe("STALLED_PROJECT", () => {
  it.each([
    ["61 days without activity", "2026-09-20T09:00:00Z", true],
    ["exactly 60 days", "2026-09-21T09:00:00Z", false],
    ["60 days and 1 ms", "2026-09-21T08:59:59.999Z", true],
    ["yesterday", "2026-11-19T09:00:00Z", false],
  ])("%s → %s", (_label, last, expected) => {
    expect(only("STALLED_PROJECT", [project({ lastActivityAt: at(last) })]).length).toBe(expected ? 1 : 0);
  });

  it("builds the draft: key '', no due date, French message naming the project and the date", () => {
    expect(computeAlerts([project({ lastActivityAt: at("2026-08-01") })], NOW)).toEqual([
      {
        projectId: "p1",
        federationId: "fed",
        kind: "STALLED_PROJECT",
        key: "",
        dueAt: null,
        message:
          "Le projet « MSP des Tilleuls » est sans activité depuis le 01/08/2026 (111 jours ; seuil de 60 jours à l'étape « Projet de santé »).",
      },
    ]);
  });

  it("uses the stage's own threshold when set", () => {
    const thresholds = { ...DEFAULT_ALERT_THRESHOLDS, stalledDaysByStage: { IMMOBILIER: 365 } };
    const last = at("2026-05-01");
    expect(only("STALLED_PROJECT", [project({ stage: "IMMOBILIER", lastActivityAt: last })], NOW, thresholds)).toEqual([]);
    expect(only("STALLED_PROJECT", [project({ stage: "FINANCEMENTS", lastActivityAt: last })], NOW, thresholds).length).toBe(1);
  });

  it.each([
    ["ON_HOLD", "PROJET_SANTE"],
    ["ABANDONED", "PROJET_SANTE"],
    ["ACTIVE", "EN_FONCTIONNEMENT"],
  ] as const)("not for a %s project at %s", (status, stage) => {
    expect(only("STALLED_PROJECT", [project({ status, stage, lastActivityAt: at("2020-01-01") })])).toEqual([]);
  });
});

describe("SUBMISSION_AWAITING_REVIEW", () => {
  const pending = [
    { id: "s-old", milestoneKey: "PROJET_SANTE", createdAt: at("2026-11-01T10:00:00Z") },
    { id: "s-7d", milestoneKey: "CPOM", createdAt: at("2026-11-13T09:00:00Z") },
    { id: "s-custom", milestoneKey: "CUSTOM_VISITE", createdAt: at("2026-11-12T08:00:00Z") },
  ];

  it("raises one alert per submission pending for more than 7 days (key = submission id)", () => {
    const alerts = only("SUBMISSION_AWAITING_REVIEW", [project({ pendingSubmissions: pending })]);
    expect(keysOf(alerts)).toEqual(["s-custom", "s-old"]);
    expect(alerts[1]).toEqual({
      projectId: "p1",
      federationId: "fed",
      kind: "SUBMISSION_AWAITING_REVIEW",
      key: "s-old",
      dueAt: at("2026-11-08T10:00:00Z"),
      message: "Projet « MSP des Tilleuls » : le dépôt « Projet de santé » du 01/11/2026 attend une relecture depuis 18 jours.",
    });
    expect(alerts[0]?.message).toContain("« CUSTOM_VISITE »");
  });

  it("is raised for ON_HOLD and operating projects too, not for ABANDONED ones", () => {
    expect(only("SUBMISSION_AWAITING_REVIEW", [project({ status: "ON_HOLD", pendingSubmissions: pending })]).length).toBe(2);
    expect(only("SUBMISSION_AWAITING_REVIEW", [project({ stage: "EN_FONCTIONNEMENT", pendingSubmissions: pending })]).length).toBe(2);
    expect(only("SUBMISSION_AWAITING_REVIEW", [project({ status: "ABANDONED", pendingSubmissions: pending })])).toEqual([]);
  });
});

describe("CPOM_RENEWAL (5 years, DOMAIN.md §1 ✅)", () => {
  it.each([
    ["ends in 11 days", "2021-12-01", "2026-12-01T23:59:59.999Z", true],
    ["ends in 179 days 15 hours", "2022-05-18", "2027-05-18T23:59:59.999Z", true],
    ["ends in 180 days 15 hours", "2022-05-19", "2027-05-19T23:59:59.999Z", false],
    ["ended", "2021-01-15", "2026-01-15T23:59:59.999Z", true],
  ])("CPOM that %s (signed %s, ends %s) → %s", (_label, signedAt, end, expected) => {
    const alerts = only("CPOM_RENEWAL", [project({ approvedFields: { CPOM: { signedAt } } })]);
    expect(alerts.length).toBe(expected ? 1 : 0);
    if (expected) {
      expect(alerts[0]?.key).toBe(signedAt);
      expect(alerts[0]?.dueAt?.toISOString()).toBe(end);
    }
  });

  it("says whether the CPOM has ended", () => {
    const [soon] = only("CPOM_RENEWAL", [project({ approvedFields: { CPOM: { signedAt: "2021-12-01" } } })]);
    expect(soon?.message).toBe(
      "Projet « MSP des Tilleuls » : le CPOM signé le 01/12/2021 arrive à échéance le 01/12/2026 ; préparez son renouvellement avec l'ARS.",
    );
    const [ended] = only("CPOM_RENEWAL", [project({ approvedFields: { CPOM: { signedAt: "2020-03-02" } } })]);
    expect(ended?.message).toContain("est arrivé à échéance le 02/03/2025");
  });

  it("ignores a CPOM without a valid signature date", () => {
    expect(only("CPOM_RENEWAL", [project({ approvedFields: { CPOM: {} } })])).toEqual([]);
    expect(only("CPOM_RENEWAL", [project({ approvedFields: { CPOM: { signedAt: "01/12/2021" } } })])).toEqual([]);
  });
});

describe("SISA_DUE (6 months after the ACI signature, DOMAIN.md §2.4 ✅)", () => {
  const aci = (contract: Record<string, string>, extra: Record<string, Record<string, string>> = {}) =>
    project({ stage: "EN_FONCTIONNEMENT", approvedFields: { CONTRAT_ACI: contract, ...extra } });

  it("is raised from the signature with the deadline", () => {
    expect(only("SISA_DUE", [aci({ signedAt: "2026-10-01", sisaCommitment: "true" })])).toEqual([
      {
        projectId: "p1",
        federationId: "fed",
        kind: "SISA_DUE",
        key: "2026-10-01",
        dueAt: at("2027-04-01T23:59:59.999Z"),
        message:
          "Projet « MSP des Tilleuls » : la SISA doit être constituée au plus tard le 01/04/2027 (6 mois après la signature du contrat ACI le 01/10/2026).",
      },
    ]);
  });

  it("keeps being raised after the deadline, with an expired message", () => {
    const [alert] = only("SISA_DUE", [aci({ signedAt: "2026-01-15", sisaCommitment: "true" })]);
    expect(alert?.message).toBe(
      "Projet « MSP des Tilleuls » : le délai de constitution de la SISA a expiré le 15/07/2026 (contrat ACI signé le 15/01/2026).",
    );
  });

  it.each([
    ["the SISA statutes are approved", aci({ signedAt: "2026-10-01", sisaCommitment: "true" }, { SISA_STATUTS: { constitutedAt: "2026-11-01" } })],
    ["no commitment", aci({ signedAt: "2026-10-01" })],
    ["commitment false", aci({ signedAt: "2026-10-01", sisaCommitment: "false" })],
    ["no valid signature date", aci({ sisaCommitment: "true" })],
    ["the signature is after now", aci({ signedAt: "2026-12-01", sisaCommitment: "true" })],
  ])("not raised when %s", (_label, p) => {
    expect(only("SISA_DUE", [p])).toEqual([]);
  });
});

describe("ACI_EVIDENCE_DUE (31 January N+1, DOMAIN.md §2.5 🟡)", () => {
  const operating = (signedAt: string, extra: Partial<AlertProjectSnapshot> = {}) =>
    project({ stage: "EN_FONCTIONNEMENT", approvedFields: { CONTRAT_ACI: { signedAt } }, ...extra });

  it.each([
    ["72 days before", "2026-11-20T09:00:00Z", []],
    ["60 days before (end of day)", "2026-12-02T23:59:59.999Z", ["2026"]],
    ["47 days before", "2026-12-15T00:00:00Z", ["2026"]],
    ["on the day", "2027-01-31T12:00:00Z", ["2026"]],
    ["the day after", "2027-02-01T00:00:00Z", []],
    ["in June", "2027-06-01T00:00:00Z", []],
  ])("%s → %j", (_label, now, expected) => {
    expect(keysOf(only("ACI_EVIDENCE_DUE", [operating("2025-03-01")], at(now)))).toEqual(expected);
  });

  it("builds the draft with the deadline", () => {
    expect(only("ACI_EVIDENCE_DUE", [operating("2025-03-01")], at("2026-12-15"))).toEqual([
      {
        projectId: "p1",
        federationId: "fed",
        kind: "ACI_EVIDENCE_DUE",
        key: "2026",
        dueAt: at("2027-01-31T23:59:59.999Z"),
        message: "Projet « MSP des Tilleuls » : les justificatifs ACI de l'année 2026 sont à transmettre à la CPAM au plus tard le 31/01/2027.",
      },
    ]);
  });

  it("is not raised once the year's evidence is submitted", () => {
    expect(only("ACI_EVIDENCE_DUE", [operating("2025-03-01", { submittedEvidenceYears: [2025, 2026] })], at("2026-12-15"))).toEqual([]);
  });

  it("covers the signature year, not years before it", () => {
    expect(keysOf(only("ACI_EVIDENCE_DUE", [operating("2026-12-01")], at("2026-12-15")))).toEqual(["2026"]);
    expect(keysOf(only("ACI_EVIDENCE_DUE", [operating("2027-01-05")], at("2027-01-10")))).toEqual([]);
  });

  it("is raised at SIGNATURE_ACI too, but not before nor without an approved contract", () => {
    expect(only("ACI_EVIDENCE_DUE", [operating("2025-03-01", { stage: "SIGNATURE_ACI" })], at("2026-12-15")).length).toBe(1);
    expect(only("ACI_EVIDENCE_DUE", [operating("2025-03-01", { stage: "OUVERTURE" })], at("2026-12-15"))).toEqual([]);
    expect(only("ACI_EVIDENCE_DUE", [project({ stage: "EN_FONCTIONNEMENT" })], at("2026-12-15"))).toEqual([]);
  });

  it("with a lead time over a year, lists every deadline in the window", () => {
    const thresholds = { ...DEFAULT_ALERT_THRESHOLDS, aciEvidenceLeadDays: 420 }; // 15/12/2026 + 420 days = 08/02/2028
    expect(keysOf(only("ACI_EVIDENCE_DUE", [operating("2020-03-01")], at("2026-12-15"), thresholds))).toEqual(["2026", "2027"]);
  });
});

describe("ACI_PAYMENT_DUE (30 April, DOMAIN.md §2.5 ✅)", () => {
  const operating = (signedAt: string) => project({ stage: "EN_FONCTIONNEMENT", approvedFields: { CONTRAT_ACI: { signedAt } } });

  it.each([
    ["41 days before 30 April", "2027-03-20T23:59:59.999Z", []],
    ["30 days before (end of day)", "2027-03-31T23:59:59.999Z", ["advance-2027", "balance-2026"]],
    ["20 days before", "2027-04-10T00:00:00Z", ["advance-2027", "balance-2026"]],
    ["the day after", "2027-05-01T00:00:00Z", []],
  ])("%s → %j", (_label, now, expected) => {
    expect(keysOf(only("ACI_PAYMENT_DUE", [operating("2025-03-01")], at(now)))).toEqual(expected);
  });

  it("builds the drafts", () => {
    expect(only("ACI_PAYMENT_DUE", [operating("2025-03-01")], at("2027-04-10"))).toEqual([
      {
        projectId: "p1",
        federationId: "fed",
        kind: "ACI_PAYMENT_DUE",
        key: "advance-2027",
        dueAt: at("2027-04-30T23:59:59.999Z"),
        message: "Projet « MSP des Tilleuls » : l'avance ACI 2027 doit être versée par la CPAM au plus tard le 30/04/2027.",
      },
      {
        projectId: "p1",
        federationId: "fed",
        kind: "ACI_PAYMENT_DUE",
        key: "balance-2026",
        dueAt: at("2027-04-30T23:59:59.999Z"),
        message: "Projet « MSP des Tilleuls » : le solde ACI 2026 doit être versé par la CPAM au plus tard le 30/04/2027.",
      },
    ]);
  });

  it("a new adherent's first advance is due 3 months after the signature", () => {
    const late = operating("2026-12-20");
    const [first] = only("ACI_PAYMENT_DUE", [late], at("2027-03-01"));
    expect(first?.key).toBe("advance-2026");
    expect(first?.dueAt?.toISOString()).toBe("2027-03-20T23:59:59.999Z");
    expect(keysOf(only("ACI_PAYMENT_DUE", [late], at("2027-04-10")))).toEqual(["advance-2027", "balance-2026"]);
    // Signed in January: no balance for the year before, the first advance is due in April.
    const early = operating("2027-01-20");
    expect(keysOf(only("ACI_PAYMENT_DUE", [early], at("2027-04-10")))).toEqual(["advance-2027"]);
    expect(only("ACI_PAYMENT_DUE", [early], at("2027-04-10"))[0]?.dueAt?.toISOString()).toBe("2027-04-20T23:59:59.999Z");
  });

  it("not before SIGNATURE_ACI", () => {
    expect(only("ACI_PAYMENT_DUE", [{ ...operating("2025-03-01"), stage: "OUVERTURE" }], at("2027-04-10"))).toEqual([]);
  });
});

describe("ACI_EVIDENCE_DUE — result-period reminders (keys results-ACI-N; calendar DOMAIN.md §2.5 🟡)", () => {
  type Periods = NonNullable<AlertProjectSnapshot["resultPeriods"]>;
  const running = (signedAt: string, resultPeriods: Periods | undefined, extra: Partial<AlertProjectSnapshot> = {}) =>
    project({ stage: "EN_FONCTIONNEMENT", approvedFields: { CONTRAT_ACI: { signedAt } }, submittedEvidenceYears: [2024, 2025, 2026], ...(resultPeriods ? { resultPeriods } : {}), ...extra });
  const reminders = (p: AlertProjectSnapshot, now: string, thresholds = DEFAULT_ALERT_THRESHOLDS) =>
    only("ACI_EVIDENCE_DUE", [p], at(now), thresholds).filter((a) => a.key.startsWith(RESULT_PERIOD_ALERT_KEY_PREFIX));

  it("reminds a team whose period of last year is missing after the deadline (overdue), with the deadline", () => {
    expect(reminders(running("2020-03-01", []), "2026-11-20T09:00:00Z")).toEqual([
      {
        projectId: "p1",
        federationId: "fed",
        kind: "ACI_EVIDENCE_DUE",
        key: "results-ACI-2025",
        dueAt: at("2026-01-31T23:59:59.999Z"),
        message: "Projet « MSP des Tilleuls » : les résultats ACI de l'année 2025 ne sont pas encore saisis, alors que la date limite du 31/01/2026 est dépassée.",
      },
    ]);
  });

  it.each([
    ["31 days before the deadline", "2026-12-31T12:00:00Z", []],
    ["30 days before", "2027-01-02T00:00:00Z", ["results-ACI-2026"]],
    ["on the day", "2027-01-31T23:00:00Z", ["results-ACI-2026"]],
    ["the day after (overdue)", "2027-02-01T00:00:00Z", ["results-ACI-2026"]],
    ["at the end of N+1", "2027-12-31T23:00:00Z", ["results-ACI-2026"]],
    ["in N+2 (the next campaign takes over)", "2028-01-02T00:00:00Z", ["results-ACI-2027"]],
  ])("%s → %j", (_label, now, expected) => {
    const approvedBefore: Periods = [2024, 2025].map((year) => ({ programme: "ACI", year, status: "APPROVED" }));
    expect(keysOf(reminders(running("2020-03-01", approvedBefore), now))).toEqual(expected);
  });

  it("says whether the period is a draft or was returned, and stops once it is submitted or approved", () => {
    const at2027 = "2027-01-20T00:00:00Z";
    const with2026 = (status: "DRAFT" | "RETURNED" | "SUBMITTED" | "APPROVED") => running("2020-03-01", [{ programme: "ACI", year: 2026, status }]);
    expect(reminders(with2026("DRAFT"), at2027)[0]?.message).toBe(
      "Projet « MSP des Tilleuls » : les résultats ACI de l'année 2026 sont encore en brouillon ; ils sont à transmettre au plus tard le 31/01/2027.",
    );
    expect(reminders(with2026("RETURNED"), at2027)[0]?.message).toContain("ont été renvoyés pour correction");
    expect(reminders(with2026("SUBMITTED"), at2027)).toEqual([]);
    expect(reminders(with2026("APPROVED"), at2027)).toEqual([]);
  });

  it("only for the ACI period (a PEPS or IPEP period does not count), from the signature year on", () => {
    expect(keysOf(reminders(running("2020-03-01", [{ programme: "PEPS", year: 2025, status: "APPROVED" }]), "2026-03-01"))).toEqual(["results-ACI-2025"]);
    expect(reminders(running("2026-03-01", []), "2026-11-20")).toEqual([]);
    expect(keysOf(reminders(running("2026-03-01", []), "2027-01-10"))).toEqual(["results-ACI-2026"]);
  });

  it("needs the project's periods, an approved contract and the SIGNATURE_ACI or EN_FONCTIONNEMENT stage; follows the lead time", () => {
    expect(reminders(running("2020-03-01", undefined), "2026-11-20")).toEqual([]);
    expect(reminders(running("2020-03-01", [], { stage: "OUVERTURE" }), "2026-11-20")).toEqual([]);
    expect(reminders(project({ stage: "EN_FONCTIONNEMENT", resultPeriods: [] }), "2026-11-20")).toEqual([]);
    expect(reminders(running("2020-03-01", [], { stage: "SIGNATURE_ACI" }), "2026-11-20")).toHaveLength(1);
    expect(reminders(running("2020-03-01", [], { status: "ABANDONED" }), "2026-11-20")).toEqual([]);
    const early = { ...DEFAULT_ALERT_THRESHOLDS, resultPeriodLeadDays: 75 };
    expect(keysOf(reminders(running("2020-03-01", [{ programme: "ACI", year: 2025, status: "APPROVED" }]), "2026-11-20", early))).toEqual(["results-ACI-2026"]);
  });

  it("leaves the evidence-pack alert (key N) as it was", () => {
    const p = running("2020-03-01", [], { submittedEvidenceYears: [] });
    expect(keysOf(only("ACI_EVIDENCE_DUE", [p], at("2027-01-10")))).toEqual(["2026", "results-ACI-2026"]);
  });
});

describe("RESULT_PERIOD_DUE — PEPS and IPEP periods (keys results-PEPS-N / results-IPEP-N; DOMAIN.md §2.5, §5.3)", () => {
  type Periods = NonNullable<AlertProjectSnapshot["resultPeriods"]>;
  const running = (resultPeriods: Periods, extra: Partial<AlertProjectSnapshot> = {}) =>
    project({ stage: "EN_FONCTIONNEMENT", approvedFields: { CONTRAT_ACI: { signedAt: "2020-03-01" } }, submittedEvidenceYears: [2024, 2025, 2026], resultPeriods, ...extra });
  const due = (p: AlertProjectSnapshot, now: string) => only("RESULT_PERIOD_DUE", [p], at(now));

  it("reminds an MSP taking part in PEPS or IPEP that last year's period is overdue, and not one outside the experiments", () => {
    const inBoth: Periods = [
      { programme: "PEPS", year: 2024, status: "APPROVED" },
      { programme: "IPEP", year: 2024, status: "APPROVED" },
      { programme: "IPEP", year: 2025, status: "DRAFT" },
    ];
    const alerts = due(running(inBoth), "2026-03-01T00:00:00Z");
    expect(keysOf(alerts)).toEqual(["results-IPEP-2025", "results-PEPS-2025"]);
    expect(alerts.find((a) => a.key === "results-IPEP-2025")?.message).toBe(
      "Projet « MSP des Tilleuls » : les résultats IPEP de l'année 2025 sont encore en brouillon, alors que la date limite du 31/01/2026 est dépassée.",
    );
    expect(due(running([{ programme: "ACI", year: 2025, status: "APPROVED" }]), "2026-03-01T00:00:00Z")).toEqual([]);
  });

  it("stops once the period is submitted, and follows the lead time before the deadline", () => {
    const peps = (status: "SUBMITTED" | "APPROVED" | "DRAFT"): Periods => [
      { programme: "PEPS", year: 2025, status: "APPROVED" },
      { programme: "PEPS", year: 2026, status },
    ];
    expect(due(running(peps("SUBMITTED")), "2027-01-10T00:00:00Z")).toEqual([]);
    expect(due(running(peps("APPROVED")), "2027-01-10T00:00:00Z")).toEqual([]);
    expect(keysOf(due(running(peps("DRAFT")), "2027-01-10T00:00:00Z"))).toEqual(["results-PEPS-2026"]);
    expect(due(running(peps("DRAFT")), "2026-12-15T00:00:00Z")).toEqual([]);
  });

  it("needs a running MSP and its periods", () => {
    const periods: Periods = [{ programme: "PEPS", year: 2024, status: "APPROVED" }];
    expect(due(running(periods, { stage: "OUVERTURE" }), "2026-03-01T00:00:00Z")).toEqual([]);
    expect(due(project({ stage: "EN_FONCTIONNEMENT" }), "2026-03-01T00:00:00Z")).toEqual([]);
  });
});

describe(computeAlerts.name, () => {
  it("sorts by projectId, kind, key and raises nothing for ABANDONED projects", () => {
    const now = at("2027-04-10");
    const busy = (projectId: string, status: AlertProjectSnapshot["status"] = "ACTIVE") =>
      project({
        projectId,
        status,
        stage: "SIGNATURE_ACI",
        lastActivityAt: at("2026-01-01"),
        pendingSubmissions: [
          { id: "b", milestoneKey: "CPOM", createdAt: at("2027-01-01") },
          { id: "a", milestoneKey: "CPOM", createdAt: at("2027-01-01") },
        ],
        approvedFields: { CONTRAT_ACI: { signedAt: "2025-03-01", sisaCommitment: "true" }, CPOM: { signedAt: "2022-01-01" } },
      });
    const alerts = computeAlerts([busy("p2"), busy("p9", "ABANDONED"), busy("p1")], now);
    expect(alerts.map((a) => `${a.projectId}|${a.kind}|${a.key}`)).toEqual([
      "p1|ACI_PAYMENT_DUE|advance-2027",
      "p1|ACI_PAYMENT_DUE|balance-2026",
      "p1|CPOM_RENEWAL|2022-01-01",
      "p1|SISA_DUE|2025-03-01",
      "p1|STALLED_PROJECT|",
      "p1|SUBMISSION_AWAITING_REVIEW|a",
      "p1|SUBMISSION_AWAITING_REVIEW|b",
      "p2|ACI_PAYMENT_DUE|advance-2027",
      "p2|ACI_PAYMENT_DUE|balance-2026",
      "p2|CPOM_RENEWAL|2022-01-01",
      "p2|SISA_DUE|2025-03-01",
      "p2|STALLED_PROJECT|",
      "p2|SUBMISSION_AWAITING_REVIEW|a",
      "p2|SUBMISSION_AWAITING_REVIEW|b",
    ]);
    for (const a of alerts) expect(a.message).toContain("MSP des Tilleuls");
  });

  // ----- properties -----
  const dateArb = fc.date({ min: at("2020-01-01"), max: at("2030-12-31"), noInvalidDate: true });
  const isoArb = dateArb.map((d) => d.toISOString().slice(0, 10));
  const projectArb: fc.Arbitrary<AlertProjectSnapshot> = fc.record({
    projectId: fc.constantFrom("p1", "p2", "p3", "a", "B"),
    federationId: fc.constantFrom("fed-a", "fed-b"),
    name: fc.string({ minLength: 1, maxLength: 20 }),
    stage: fc.constantFrom(...PROJECT_STAGES),
    status: fc.constantFrom("ACTIVE" as const, "ON_HOLD" as const, "ABANDONED" as const),
    lastActivityAt: dateArb,
    pendingSubmissions: fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), milestoneKey: fc.constantFrom("CPOM", "PROJET_SANTE", "X"), createdAt: dateArb }),
      { maxLength: 3, selector: (s) => s.id },
    ),
    approvedFields: fc.record(
      {
        CPOM: fc.record({ signedAt: isoArb }),
        CONTRAT_ACI: fc.record({ signedAt: isoArb, sisaCommitment: fc.constantFrom("true", "false") }, { requiredKeys: ["signedAt"] }),
        SISA_STATUTS: fc.record({ constitutedAt: isoArb }),
      },
      { requiredKeys: [] },
    ),
    submittedEvidenceYears: fc.uniqueArray(fc.integer({ min: 2018, max: 2031 }), { maxLength: 5 }),
    resultPeriods: fc.option(
      fc.uniqueArray(
        fc.record({
          programme: fc.constantFrom("ACI" as const, "PEPS" as const, "IPEP" as const),
          year: fc.integer({ min: 2018, max: 2031 }),
          status: fc.constantFrom("DRAFT" as const, "SUBMITTED" as const, "APPROVED" as const, "RETURNED" as const),
        }),
        { maxLength: 6, selector: (p) => `${p.programme}-${p.year}` },
      ),
      { nil: undefined },
    ),
  });
  const thresholdsArb = fc.record({
    stalledDays: fc.integer({ min: 0, max: 400 }),
    stalledDaysByStage: fc.dictionary(fc.constantFrom(...PROJECT_STAGES), fc.integer({ min: 0, max: 400 })),
    reviewWaitDays: fc.integer({ min: 0, max: 60 }),
    cpomLeadDays: fc.integer({ min: 0, max: 800 }),
    aciEvidenceLeadDays: fc.integer({ min: 0, max: 800 }),
    aciPaymentLeadDays: fc.integer({ min: 0, max: 800 }),
    resultPeriodLeadDays: fc.integer({ min: 0, max: 800 }),
  });
  const uniqueProjects = fc.uniqueArray(projectArb, { maxLength: 5, selector: (p) => p.projectId });

  it("property: no STALLED alert for ABANDONED or ON_HOLD projects, and nothing at all for ABANDONED ones", () => {
    fc.assert(
      fc.property(uniqueProjects, dateArb, thresholdsArb, (projects, now, thresholds) => {
        const alerts = computeAlerts(projects, now, thresholds);
        for (const a of alerts) {
          const p = projects.find((x) => x.projectId === a.projectId);
          expect(p?.status).not.toBe("ABANDONED");
          if (a.kind === "STALLED_PROJECT") expect(p?.status).toBe("ACTIVE");
        }
      }),
    );
  });

  it("property: deterministic, and independent of the input order", () => {
    fc.assert(
      fc.property(uniqueProjects, dateArb, thresholdsArb, (projects, now, thresholds) => {
        const first = computeAlerts(projects, now, thresholds);
        expect(computeAlerts(projects, now, thresholds)).toEqual(first);
        expect(computeAlerts([...projects].reverse(), now, thresholds)).toEqual(first);
      }),
    );
  });

  it("property: sorted by (projectId, kind, key) with no duplicate", () => {
    fc.assert(
      fc.property(uniqueProjects, dateArb, thresholdsArb, (projects, now, thresholds) => {
        const ids = computeAlerts(projects, now, thresholds).map((a) => [a.projectId, a.kind, a.key] as const);
        for (let i = 1; i < ids.length; i += 1) {
          const prev = ids[i - 1];
          const cur = ids[i];
          if (!prev || !cur) continue;
          const cmp = prev[0] !== cur[0] ? prev[0] < cur[0] : prev[1] !== cur[1] ? prev[1] < cur[1] : prev[2] < cur[2];
          expect(cmp).toBe(true);
        }
      }),
    );
  });

  it("property: moving lastActivityAt later never adds a STALLED alert", () => {
    fc.assert(
      fc.property(projectArb, dateArb, fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }), thresholdsArb, (p, now, shift, thresholds) => {
        const before = only("STALLED_PROJECT", [p], now, thresholds).length;
        const later = { ...p, lastActivityAt: new Date(p.lastActivityAt.getTime() + shift) };
        expect(only("STALLED_PROJECT", [later], now, thresholds).length).toBeLessThanOrEqual(before);
      }),
    );
  });

  it("property: lastActivityAt only ever affects STALLED alerts", () => {
    fc.assert(
      fc.property(projectArb, dateArb, dateArb, (p, last, now) => {
        const without = (alerts: AlertDraft[]) => alerts.filter((a) => a.kind !== "STALLED_PROJECT");
        expect(without(computeAlerts([{ ...p, lastActivityAt: last }], now))).toEqual(without(computeAlerts([p], now)));
      }),
    );
  });

  it("property: ACI evidence/payment alerts only for projects at SIGNATURE_ACI or EN_FONCTIONNEMENT, due in the window", () => {
    fc.assert(
      fc.property(uniqueProjects, dateArb, thresholdsArb, (projects, now, thresholds) => {
        for (const a of computeAlerts(projects, now, thresholds)) {
          if (a.kind !== "ACI_EVIDENCE_DUE" && a.kind !== "ACI_PAYMENT_DUE") continue;
          if (a.key.startsWith(RESULT_PERIOD_ALERT_KEY_PREFIX)) continue; // result-period reminders: see below
          const p = projects.find((x) => x.projectId === a.projectId);
          expect(["SIGNATURE_ACI", "EN_FONCTIONNEMENT"]).toContain(p?.stage);
          const lead = a.kind === "ACI_EVIDENCE_DUE" ? thresholds.aciEvidenceLeadDays : thresholds.aciPaymentLeadDays;
          expect(a.dueAt?.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect((a.dueAt?.getTime() ?? 0) - now.getTime()).toBeLessThanOrEqual(lead * 86_400_000);
          if (a.kind === "ACI_EVIDENCE_DUE") expect(p?.submittedEvidenceYears).not.toContain(Number(a.key));
        }
      }),
    );
  });

  it("property: result-period reminders only while the period of the year is not submitted, due soon or overdue since last year", () => {
    fc.assert(
      fc.property(uniqueProjects, dateArb, thresholdsArb, (projects, now, thresholds) => {
        for (const a of computeAlerts(projects, now, thresholds)) {
          if (!a.key.startsWith(RESULT_PERIOD_ALERT_KEY_PREFIX)) continue;
          const p = projects.find((x) => x.projectId === a.projectId);
          const [programme, yearText] = a.key.slice(RESULT_PERIOD_ALERT_KEY_PREFIX.length).split("-");
          // ACI beside its evidence pack; PEPS and IPEP under their own kind.
          expect(a.kind).toBe(programme === "ACI" ? "ACI_EVIDENCE_DUE" : "RESULT_PERIOD_DUE");
          expect(["SIGNATURE_ACI", "EN_FONCTIONNEMENT"]).toContain(p?.stage);
          expect(p?.resultPeriods).toBeDefined();
          const year = Number(yearText);
          const stored = p?.resultPeriods?.find((x) => x.programme === programme && x.year === year)?.status;
          expect(stored === "SUBMITTED" || stored === "APPROVED").toBe(false);
          expect(year).toBeLessThanOrEqual(now.getUTCFullYear());
          const due = a.dueAt?.getTime() ?? 0;
          if (due >= now.getTime()) expect(due - now.getTime()).toBeLessThanOrEqual(thresholds.resultPeriodLeadDays * 86_400_000);
          else expect(year).toBe(now.getUTCFullYear() - 1);
        }
      }),
    );
  });
});
