/**
 * Alerts and e-mail digests, end to end: real data in the database, the refresh through the `refreshAlerts`
 * mutation, the `alerts` query per role, and digests delivered to a real SMTP server (smtp-server) listening
 * on a free port — the transport is never mocked.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createTestDatabase } from "@maillage/db";
import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../src/bootstrap.js";
import { loadConfig } from "../../src/config/config.js";
import { AlertsRepository } from "../../src/modules/alerts/alerts.repository.js";
import { AlertsScheduler } from "../../src/modules/alerts/alerts.scheduler.js";
import { AlertsService } from "../../src/modules/alerts/alerts.service.js";
import { GqlClient, startTestApp, type GqlResponse, type TestApp } from "./harness.js";
import { startSmtp } from "./smtp.js";

const DAY = 86_400_000;
const FED1 = DEMO_IDS.federations.nouvelleAquitaine;
const FED2 = DEMO_IDS.federations.bretagne;
const P1 = DEMO_IDS.projects.msp;
const P2 = DEMO_IDS.projects.msp2;

const ALERTS = `query Alerts($first: Int, $after: String, $filter: AlertFilter) {
  alerts(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind kindLabel dueAt message createdAt resolvedAt project { id name charge { id } } } }
  }
}`;
type AlertNode = { id: string; kind: string; kindLabel: string; dueAt: string | null; message: string; createdAt: string; resolvedAt: string | null; project: { id: string; name: string; charge: { id: string } | null } };
type AlertsPage = { alerts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: AlertNode }[] } };
const REFRESH = `mutation { refreshAlerts { opened updated resolved } }`;
type RefreshResult = { refreshAlerts: { opened: number; updated: number; resolved: number } };
const DIGESTS = `mutation { sendAlertDigests }`;

/** yyyy-mm-dd of the UTC day of `d` (how milestone date fields are stored). */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthsAgo = (months: number, from = new Date()) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};
const FRENCH_DATE = /\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/;

type Scenario = { stalled: string; deadlines: string; unassigned: string; submissionId: string };

/**
 * The demo data made deterministic (every project active "now", no submission, no alert), then:
 * - P1 (the chargé's « MSP du Val de l'Isle ») without activity for 90 days, and a submission waiting 10 days;
 * - another project of the chargé with an approved CPOM signed 4 years 9 months ago, and an approved ACI
 *   contract signed 2 months ago with the commitment to create a SISA, and no SISA;
 * - an unassigned project of the same federation without activity for 90 days (goes to the admins);
 * - P2 (Bretagne) without activity for 90 days.
 */
async function setUpScenario(t: TestApp): Promise<Scenario> {
  const prisma = t.running.database.prisma;
  const now = new Date();
  await prisma.alert.deleteMany({});
  await prisma.submission.deleteMany({});
  await prisma.mspProject.updateMany({ data: { lastActivityAt: now, status: "ACTIVE" } });
  const notAci = { notIn: ["SIGNATURE_ACI", "EN_FONCTIONNEMENT"] as ("SIGNATURE_ACI" | "EN_FONCTIONNEMENT")[] };
  const deadlines = await prisma.mspProject.findFirstOrThrow({
    where: { federationId: FED1, chargeId: DEMO_IDS.users.charge, id: { not: P1 }, stage: notAci },
    orderBy: { name: "asc" },
  });
  const unassigned = await prisma.mspProject.findFirstOrThrow({
    where: { federationId: FED1, id: { notIn: [P1, deadlines.id] }, stage: notAci },
    orderBy: { name: "desc" },
  });
  await prisma.mspProject.update({ where: { id: unassigned.id }, data: { chargeId: null } });
  await prisma.mspProject.updateMany({ where: { id: { in: [P1, unassigned.id, P2] } }, data: { lastActivityAt: new Date(now.getTime() - 90 * DAY) } });
  const author = DEMO_IDS.users.msp;
  const submission = await prisma.submission.create({
    data: { federationId: FED1, projectId: P1, milestoneKey: "FICHE_PROJET", status: "SUBMITTED", fields: {}, authorId: author, createdAt: new Date(now.getTime() - 10 * DAY) },
  });
  await prisma.submission.createMany({
    data: [
      { federationId: FED1, projectId: deadlines.id, milestoneKey: "CPOM", status: "APPROVED", fields: { signedAt: isoDay(monthsAgo(57, now)) }, authorId: author, createdAt: new Date(now.getTime() - 30 * DAY) },
      { federationId: FED1, projectId: deadlines.id, milestoneKey: "CONTRAT_ACI", status: "APPROVED", fields: { signedAt: isoDay(monthsAgo(2, now)), sisaCommitment: "true" }, authorId: author, createdAt: new Date(now.getTime() - 20 * DAY) },
    ],
  });
  return { stalled: P1, deadlines: deadlines.id, unassigned: unassigned.id, submissionId: submission.id };
}

const nodes = (r: GqlResponse<AlertsPage>) => r.data?.alerts.edges.map((e) => e.node) ?? [];
const kindsOf = (list: AlertNode[], projectId: string) => list.filter((a) => a.project.id === projectId).map((a) => a.kind).sort();

describe("alerts", () => {
  let t: TestApp;
  let admin: GqlClient;
  let charge: GqlClient;
  let s: Scenario;
  beforeAll(async () => {
    t = await startTestApp({ alertsIntervalMinutes: 0, smtpUrl: null, queryMetrics: true });
    admin = await t.as("admin@demo.maillage.fr");
    charge = await t.as("charge@demo.maillage.fr");
    s = await setUpScenario(t);
  });
  afterAll(() => t.close());

  const prisma = () => t.running.database.prisma;

  it("raises the alerts of the admin's federation on refreshAlerts, and none elsewhere", async () => {
    const r = await admin.request<RefreshResult>(REFRESH);
    expect(r.errors).toBeUndefined();
    // Stalled P1, submission waiting, CPOM renewal, SISA due, stalled unassigned project.
    expect(r.data!.refreshAlerts).toEqual({ opened: 5, updated: 0, resolved: 0 });
    expect(await prisma().alert.count({ where: { federationId: FED2 } })).toBe(0);
    // Idempotent: nothing changes on a second run.
    const again = await admin.request<RefreshResult>(REFRESH);
    expect(again.data!.refreshAlerts).toEqual({ opened: 0, updated: 0, resolved: 0 });
    expect(await prisma().alert.count()).toBe(5);
  });

  it("shows the chargé the alerts of their projects, with the project loaded, in due-date order", async () => {
    const r = await charge.request<AlertsPage>(ALERTS, { filter: { mine: true } });
    expect(r.errors).toBeUndefined();
    const list = nodes(r);
    expect(r.data!.alerts.totalCount).toBe(4);
    expect(kindsOf(list, s.stalled)).toEqual(["STALLED_PROJECT", "SUBMISSION_AWAITING_REVIEW"]);
    expect(kindsOf(list, s.deadlines)).toEqual(["CPOM_RENEWAL", "SISA_DUE"]);
    for (const a of list) {
      expect(a.project.charge?.id).toBe(DEMO_IDS.users.charge);
      expect(a.project.name.length).toBeGreaterThan(0);
      expect(a.resolvedAt).toBeNull();
    }
    const stalled = list.find((a) => a.kind === "STALLED_PROJECT")!;
    expect(stalled.kindLabel).toBe("Projet sans activité");
    expect(stalled.message).toContain("MSP du Val de l'Isle");
    expect(stalled.dueAt).toBeNull();
    const review = list.find((a) => a.kind === "SUBMISSION_AWAITING_REVIEW")!;
    expect(new Date(review.dueAt!).getTime()).toBeLessThan(Date.now());
    // dueAt ascending, undated last.
    const due = list.map((a) => (a.dueAt ? Date.parse(a.dueAt) : Infinity));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(list.at(-1)!.dueAt).toBeNull();
    // Without `mine`, the whole federation: the unassigned project too.
    const all = nodes(await charge.request<AlertsPage>(ALERTS, {}));
    expect(all.map((a) => a.project.id)).toContain(s.unassigned);
    expect(all).toHaveLength(5);
  });

  it("filters by kind and by project", async () => {
    const byKind = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { kinds: ["CPOM_RENEWAL", "SISA_DUE"] } }));
    expect(byKind.map((a) => a.kind).sort()).toEqual(["CPOM_RENEWAL", "SISA_DUE"]);
    const byProject = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { projectId: s.stalled } }));
    expect(byProject.every((a) => a.project.id === s.stalled)).toBe(true);
    expect(byProject).toHaveLength(2);
  });

  it("shows an MSP member only their project's alerts, and the other roles and federations nothing", async () => {
    const msp = nodes(await (await t.as("msp@demo.maillage.fr")).request<AlertsPage>(ALERTS, {}));
    expect(msp.map((a) => a.project.id)).toEqual([s.stalled, s.stalled]);
    for (const email of ["msp2@demo.maillage.fr", "chercheur@demo.maillage.fr", "admin2@demo.maillage.fr"]) {
      const r = await (await t.as(email)).request<AlertsPage>(ALERTS, { filter: { includeResolved: true } });
      expect(r.errors, email).toBeUndefined();
      expect(r.data!.alerts.totalCount, email).toBe(0);
      expect(nodes(r), email).toEqual([]);
    }
    // A filter on another federation's project gives nothing either.
    const foreign = await (await t.as("admin2@demo.maillage.fr")).request<AlertsPage>(ALERTS, { filter: { projectId: s.stalled } });
    expect(foreign.data!.alerts.totalCount).toBe(0);
  });

  it("refreshes only the admin's federation: Bretagne's alerts come from Bretagne's admin", async () => {
    const admin2 = await t.as("admin2@demo.maillage.fr");
    const r = await admin2.request<RefreshResult>(REFRESH);
    expect(r.data!.refreshAlerts).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const theirs = nodes(await admin2.request<AlertsPage>(ALERTS, {}));
    expect(theirs.map((a) => [a.project.id, a.kind])).toEqual([[P2, "STALLED_PROJECT"]]);
    const msp2 = nodes(await (await t.as("msp2@demo.maillage.fr")).request<AlertsPage>(ALERTS, {}));
    expect(msp2.map((a) => a.project.id)).toEqual([P2]);
    // Federation 1 untouched by that refresh, and federation 2 by the next refresh of federation 1.
    expect(await prisma().alert.count({ where: { federationId: FED1, resolvedAt: null } })).toBe(5);
    expect((await admin.request<RefreshResult>(REFRESH)).data!.refreshAlerts).toEqual({ opened: 0, updated: 0, resolved: 0 });
    expect(await prisma().alert.count({ where: { federationId: FED2, resolvedAt: null } })).toBe(1);
  });

  it("resolves an alert once its condition is fixed, and raises it again when it comes back", async () => {
    await prisma().mspProject.update({ where: { id: s.stalled }, data: { lastActivityAt: new Date() } });
    await prisma().submission.update({ where: { id: s.submissionId }, data: { status: "APPROVED", reviewedAt: new Date() } });
    const r = await admin.request<RefreshResult>(REFRESH);
    expect(r.data!.refreshAlerts).toEqual({ opened: 0, updated: 0, resolved: 2 });
    const open = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { projectId: s.stalled } }));
    expect(open).toEqual([]);
    const history = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { projectId: s.stalled, includeResolved: true } }));
    expect(history.map((a) => a.kind).sort()).toEqual(["STALLED_PROJECT", "SUBMISSION_AWAITING_REVIEW"]);
    expect(history.every((a) => a.resolvedAt !== null)).toBe(true);

    // The project stalls again: the same alert (one row per project, kind and key) is reopened, as new.
    const before = history.find((a) => a.kind === "STALLED_PROJECT")!;
    await prisma().mspProject.update({ where: { id: s.stalled }, data: { lastActivityAt: new Date(Date.now() - 75 * DAY) } });
    expect((await admin.request<RefreshResult>(REFRESH)).data!.refreshAlerts).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const reopened = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { projectId: s.stalled } }));
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.id).toBe(before.id);
    expect(reopened[0]!.resolvedAt).toBeNull();
    expect(Date.parse(reopened[0]!.createdAt)).toBeGreaterThan(Date.parse(before.createdAt));
    expect(reopened[0]!.message).toContain("75 jours");

    // The message follows the facts: a later activity date updates the open alert in place.
    await prisma().mspProject.update({ where: { id: s.stalled }, data: { lastActivityAt: new Date(Date.now() - 70 * DAY) } });
    expect((await admin.request<RefreshResult>(REFRESH)).data!.refreshAlerts).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const updated = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { projectId: s.stalled } }));
    expect(updated[0]!.id).toBe(before.id);
    expect(updated[0]!.message).toContain("70 jours");
  });

  it("reads the latest approved submission of each milestone, the pending ones and the ACI evidence years", async () => {
    const now = new Date();
    const base = { federationId: FED1, projectId: s.deadlines, authorId: DEMO_IDS.users.msp };
    await prisma().submission.createMany({
      data: [
        // A newer CPOM, signed today: the renewal alert of the old one goes.
        { ...base, milestoneKey: "CPOM", status: "APPROVED", fields: { signedAt: isoDay(now) }, createdAt: new Date(now.getTime() - DAY) },
        // An even newer one still under review does not count.
        { ...base, milestoneKey: "CPOM", status: "SUBMITTED", fields: { signedAt: isoDay(monthsAgo(59, now)) }, createdAt: new Date(now.getTime() - 3600_000) },
        { ...base, milestoneKey: "ACI_JUSTIFICATIFS", status: "APPROVED", fields: { year: "2024" }, createdAt: new Date(now.getTime() - 300 * DAY) },
        { ...base, milestoneKey: "ACI_JUSTIFICATIFS", status: "SUBMITTED", fields: { year: "2025" }, createdAt: new Date(now.getTime() - 2 * DAY) },
        { ...base, milestoneKey: "ACI_JUSTIFICATIFS", status: "CHANGES_REQUESTED", fields: { year: "2023" }, createdAt: new Date(now.getTime() - 400 * DAY) },
      ],
    });
    const snapshots = await t.running.app.get(AlertsRepository).loadSnapshots(FED1);
    expect(snapshots).toHaveLength(await prisma().mspProject.count({ where: { federationId: FED1 } }));
    const snapshot = snapshots.find((p) => p.projectId === s.deadlines)!;
    expect(snapshot.approvedFields).toEqual({
      CPOM: { signedAt: isoDay(now) },
      CONTRAT_ACI: { signedAt: isoDay(monthsAgo(2, now)), sisaCommitment: "true" },
      ACI_JUSTIFICATIFS: { year: "2024" },
    });
    expect(snapshot.submittedEvidenceYears).toEqual([2024, 2025]);
    expect(snapshot.pendingSubmissions.map((p) => p.milestoneKey).sort()).toEqual(["ACI_JUSTIFICATIFS", "CPOM"]);
    expect(snapshots.every((p) => p.federationId === FED1)).toBe(true);

    expect((await admin.request<RefreshResult>(REFRESH)).data!.refreshAlerts).toEqual({ opened: 0, updated: 0, resolved: 1 });
    const left = nodes(await charge.request<AlertsPage>(ALERTS, { filter: { projectId: s.deadlines } }));
    expect(left.map((a) => a.kind)).toEqual(["SISA_DUE"]);
  });

  it("pages through the alerts without gaps or duplicates, in the order of the full list", async () => {
    const full = nodes(await charge.request<AlertsPage>(ALERTS, { first: 100, filter: { includeResolved: true } }));
    expect(full.length).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: GqlResponse<AlertsPage> = await charge.request<AlertsPage>(ALERTS, { first: 2, after, filter: { includeResolved: true } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.alerts.totalCount).toBe(full.length);
      seen.push(...nodes(r).map((a) => a.id));
      if (!r.data!.alerts.pageInfo.hasNextPage) break;
      after = r.data!.alerts.pageInfo.endCursor;
    }
    expect(seen).toEqual(full.map((a) => a.id));
  });

  it.each([
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ after: "not-a-cursor" }, "after"],
    [{ filter: { projectId: "nope" } }, "filter.projectId"],
  ])("refuses %o with BAD_USER_INPUT naming %s", async (variables, field) => {
    const r = await charge.request(ALERTS, variables);
    expect(GqlClient.code(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
    expect(r.errors?.[0]?.message).toMatch(/[a-zé]/);
  });

  it("lets only federation admins refresh or send digests", async () => {
    for (const email of ["charge@demo.maillage.fr", "msp@demo.maillage.fr", "chercheur@demo.maillage.fr"]) {
      const c = await t.as(email);
      expect(GqlClient.code(await c.request(REFRESH)), email).toBe("FORBIDDEN");
      expect(GqlClient.code(await c.request(DIGESTS)), email).toBe("FORBIDDEN");
    }
  });

  it("sends no digest when SMTP_URL is not set", async () => {
    const r = await admin.request<{ sendAlertDigests: number }>(DIGESTS);
    expect(r.errors).toBeUndefined();
    expect(r.data!.sendAlertDigests).toBe(0);
    expect(await prisma().auditEvent.count({ where: { action: "digest.sent" } })).toBe(0);
  });

  it("uses a constant number of SQL statements, whatever the number of projects and alerts", async () => {
    const statements = (r: GqlResponse) => Number(r.headers.get("x-sql-statements"));
    const refresh = async () => {
      const r = await admin.request<RefreshResult>(REFRESH);
      expect(r.errors).toBeUndefined();
      return { n: statements(r), counts: r.data!.refreshAlerts };
    };
    await refresh();
    // One more stalled project, then thirty more: both refreshes only insert.
    const candidates = await prisma().mspProject.findMany({
      where: { federationId: FED1, status: "ACTIVE", stage: { not: "EN_FONCTIONNEMENT" }, lastActivityAt: { gt: new Date(Date.now() - DAY) } },
      select: { id: true },
      take: 31,
    });
    expect(candidates).toHaveLength(31);
    const stall = (ids: string[]) => prisma().mspProject.updateMany({ where: { id: { in: ids } }, data: { lastActivityAt: new Date(Date.now() - 100 * DAY) } });
    await stall(candidates.slice(0, 1).map((c) => c.id));
    const one = await refresh();
    await stall(candidates.slice(1).map((c) => c.id));
    const thirty = await refresh();
    expect(one.counts.opened).toBe(1);
    expect(thirty.counts.opened).toBe(30);
    expect(thirty.n).toBe(one.n);
    expect(one.n).toBeLessThanOrEqual(12);

    const list = async (first: number) => statements(await charge.request<AlertsPage>(ALERTS, { first, filter: { includeResolved: true } }));
    expect(await list(50)).toBe(await list(1));
    expect(await list(1)).toBeLessThanOrEqual(4);
  });
});

// ------------------------------------------------------------------------------------------------ digests

describe("e-mail digests", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let s: Scenario;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      alertsIntervalMinutes: 0,
      smtpUrl: `smtp://digest:s3cret@127.0.0.1:${smtp.port}`,
      mailFrom: "Maillage <alertes@maillage.test>",
      publicUrl: "https://maillage.example",
    });
    s = await setUpScenario(t);
    const admin = await t.as("admin@demo.maillage.fr");
    expect((await admin.request<RefreshResult>(REFRESH)).data!.refreshAlerts.opened).toBe(5);
    await (await t.as("admin2@demo.maillage.fr")).request(REFRESH);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("sends one French e-mail per person with open alerts, and nothing more the same day", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const r = await admin.request<{ sendAlertDigests: number }>(DIGESTS);
    expect(r.errors).toBeUndefined();
    // The chargé (their two projects) and the admin (the unassigned project); Bretagne is not the admin's.
    expect(r.data!.sendAlertDigests).toBe(2);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.every((m) => m.user === "digest" && m.from === "alertes@maillage.test")).toBe(true);

    const prisma = t.running.database.prisma;
    const [p1, deadlines, unassigned] = await Promise.all([s.stalled, s.deadlines, s.unassigned].map((id) => prisma.mspProject.findUniqueOrThrow({ where: { id } })));
    const toCharge = smtp.received.filter((m) => m.to.includes("charge@demo.maillage.fr"));
    expect(toCharge).toHaveLength(1);
    const mail = toCharge[0]!;
    expect(mail.subject).toBe("Maillage — 4 alertes sur vos projets");
    expect(mail.raw).toMatch(/^From: Maillage <alertes@maillage\.test>/m);
    expect(mail.text).toContain("Bonjour Julien Laborde,");
    expect(mail.text).toContain(p1!.name);
    expect(mail.text).toContain(deadlines!.name);
    expect(mail.text).not.toContain(unassigned!.name);
    expect(mail.text).toMatch(FRENCH_DATE);
    expect(mail.text).toMatch(new RegExp(`Échéance : ${FRENCH_DATE.source}`));
    expect(mail.text).toContain(`https://maillage.example/projets/${p1!.id}`);
    expect(mail.text).toContain(`https://maillage.example/projets/${deadlines!.id}`);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);

    const toAdmin = smtp.received.filter((m) => m.to.includes("admin@demo.maillage.fr"));
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.subject).toBe("Maillage — 1 alerte sur vos projets");
    expect(toAdmin[0]!.text).toContain(unassigned!.name);

    expect(await prisma.auditEvent.count({ where: { action: "digest.sent", targetId: DEMO_IDS.users.charge } })).toBe(1);

    // Same day: nobody gets a second one.
    const again = await admin.request<{ sendAlertDigests: number }>(DIGESTS);
    expect(again.data!.sendAlertDigests).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });

  it("keeps each federation's digests to itself", async () => {
    const before = smtp.received.length;
    const r = await (await t.as("admin2@demo.maillage.fr")).request<{ sendAlertDigests: number }>(DIGESTS);
    const sent = smtp.received.slice(before);
    expect(r.data!.sendAlertDigests).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(0);
    const fed2Staff = await t.running.database.prisma.user.findMany({ where: { federationId: FED2 }, select: { email: true } });
    const allowed = new Set(fed2Staff.map((u) => u.email));
    for (const m of sent) for (const to of m.to) expect(allowed.has(to)).toBe(true);
    expect(sent.some((m) => m.text.includes("Carhaix"))).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------------ scheduler

describe("alerts scheduler", () => {
  it("refreshes once the server listens (not during start-up), and stops on shutdown", async () => {
    const db = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-it-"));
    const config = loadConfig(
      { ...process.env, DATABASE_URL: db.url, NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir },
      { portalDist: null, seedDemo: true, alertsIntervalMinutes: 60, smtpUrl: null },
    );
    const running = await createApp(config, { logger: false });
    try {
      await running.database.prisma.mspProject.update({ where: { id: P1 }, data: { lastActivityAt: new Date(Date.now() - 90 * DAY) } });
      const scheduler = running.app.get(AlertsScheduler);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(scheduler.lastRefresh).toBeNull();
      await running.app.listen({ port: 0, host: "127.0.0.1" });
      for (let i = 0; i < 100 && !scheduler.lastRefresh; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(scheduler.lastRefresh?.counts.opened).toBeGreaterThanOrEqual(1);
      expect(await running.database.prisma.alert.count({ where: { projectId: P1, kind: "STALLED_PROJECT", resolvedAt: null } })).toBe(1);
    } finally {
      await running.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------- result-period reminders

/**
 * Reminders of the yearly ACI result period (DOMAIN.md §2.5 calendar; keys `results-ACI-N` under ACI_EVIDENCE_DUE):
 * the seeded demo results, the refresh at chosen dates (AlertsService.refresh(now)), and the real workflow through
 * the API — coordination@ submits, the admin returns.
 */
describe("result-period reminders", () => {
  let t: TestApp;
  const Y = new Date().getUTCFullYear();
  const X = DEMO_IDS.projects.coordination;
  const prisma = () => t.running.database.prisma;
  const refresh = (now: Date) => t.running.app.get(AlertsService).refresh(now, FED1);
  const reminders = (where: { projectId?: string; year?: number } = {}) =>
    prisma().alert.findMany({
      where: { federationId: FED1, kind: "ACI_EVIDENCE_DUE", resolvedAt: null, key: where.year ? `results-ACI-${where.year}` : { startsWith: "results-" }, ...(where.projectId ? { projectId: where.projectId } : {}) },
      orderBy: [{ projectId: "asc" }, { key: "asc" }],
    });
  /** The projects at SIGNATURE_ACI or EN_FONCTIONNEMENT of federation 1 with their latest approved ACI signature. */
  const signatures = async () => {
    const contracts = await prisma().submission.findMany({
      where: { federationId: FED1, milestoneKey: "CONTRAT_ACI", status: "APPROVED", project: { stage: { in: ["SIGNATURE_ACI", "EN_FONCTIONNEMENT"] }, status: { not: "ABANDONED" } } },
      orderBy: { createdAt: "asc" },
    });
    return new Map(contracts.map((c) => [c.projectId, (c.fields as { signedAt: string }).signedAt]));
  };
  const SUBMIT = `mutation S($input: PeriodDecisionInput!) { submitResultPeriod(input: $input) { id status } }`;
  const SAVE = `mutation Save($input: SaveResultPeriodInput!) { saveResultPeriod(input: $input) { id status } }`;
  const RETURN = `mutation R($input: PeriodDecisionInput!) { returnResultPeriod(input: $input) { id status } }`;

  beforeAll(async () => {
    t = await startTestApp({ alertsIntervalMinutes: 0, smtpUrl: null });
  });
  afterAll(() => t.close());

  it("in June, reminds exactly the running MSPs whose ACI period of last year is missing, a draft or returned (overdue)", async () => {
    const june = new Date(Date.UTC(Y, 5, 15, 9));
    await refresh(june);
    const signed = await signatures();
    const periods = await prisma().resultPeriod.findMany({ where: { federationId: FED1, programme: "ACI", year: Y - 1 } });
    const done = new Set(periods.filter((p) => p.status === "SUBMITTED" || p.status === "APPROVED").map((p) => p.projectId));
    const expected = [...signed].filter(([id, at]) => Number(at.slice(0, 4)) <= Y - 1 && !done.has(id)).map(([id]) => id).sort();
    const open = await reminders();
    expect(open.map((a) => a.projectId)).toEqual(expected);
    // The seeded demo keeps a draft and a returned period of last year for the review queue: both reminded.
    for (const p of periods.filter((x) => x.status === "DRAFT" || x.status === "RETURNED")) expect(expected).toContain(p.projectId);
    for (const a of open) {
      expect(a.key).toBe(`results-ACI-${Y - 1}`);
      expect(a.dueAt?.toISOString()).toBe(`${Y}-01-31T23:59:59.999Z`);
      expect(a.message).toMatch(/les résultats ACI de l'année \d{4} (ne sont pas encore saisis|sont encore en brouillon|ont été renvoyés pour correction), alors que la date limite du 31\/01\/\d{4} est dépassée\./);
    }
    // coordination@'s MSP had every closed year approved.
    expect(open.some((a) => a.projectId === X)).toBe(false);
  });

  it("reminds coordination@'s MSP 30 days before the deadline, and resolves the reminder once coordination@ submits", async () => {
    const january = new Date(Date.UTC(Y + 1, 0, 10, 9));
    await refresh(january);
    const current = await prisma().resultPeriod.findUnique({ where: { projectId_programme_year: { projectId: X, programme: "ACI", year: Y } } });
    const [reminder] = await reminders({ projectId: X });
    expect(reminder).toMatchObject({ key: `results-ACI-${Y}`, dueAt: new Date(Date.UTC(Y + 1, 0, 31, 23, 59, 59, 999)) });
    expect(reminder!.message).toContain(current ? "sont encore en brouillon" : "ne sont pas encore saisis");
    expect(reminder!.message).toContain(`à transmettre au plus tard le 31/01/${Y + 1}`);

    const coordination = await t.as("coordination@demo.maillage.fr");
    let id = current?.id;
    if (!id) {
      // No draft of this year yet (a demo seeded on 1 January): the team enters it from last year's figures.
      const last = await prisma().resultPeriod.findUniqueOrThrow({ where: { projectId_programme_year: { projectId: X, programme: "ACI", year: Y - 1 } } });
      const saved = await coordination.request<{ saveResultPeriod: { id: string } }>(SAVE, { input: { projectId: X, programme: "ACI", year: Y, inputs: { ...(last.inputs as object), amountReceivedEur: null } } });
      expect(saved.errors).toBeUndefined();
      id = saved.data!.saveResultPeriod.id;
    }
    const submitted = await coordination.request<{ submitResultPeriod: { status: string } }>(SUBMIT, { input: { id } });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitResultPeriod.status).toBe("SUBMITTED");
    const counts = await refresh(january);
    expect(counts.resolved).toBeGreaterThanOrEqual(1);
    expect(await reminders({ projectId: X })).toEqual([]);
    const history = await prisma().alert.findUniqueOrThrow({ where: { projectId_kind_key: { projectId: X, kind: "ACI_EVIDENCE_DUE", key: `results-ACI-${Y}` } } });
    expect(history.resolvedAt).toEqual(january);
  });

  it("after the deadline, reminds the MSPs still without a submitted period as overdue, and comes back when the admin returns one", async () => {
    const february = new Date(Date.UTC(Y + 1, 1, 10, 9));
    await refresh(february);
    const signed = await signatures();
    const submitted = new Set(
      (await prisma().resultPeriod.findMany({ where: { federationId: FED1, programme: "ACI", year: Y, status: { in: ["SUBMITTED", "APPROVED"] } } })).map((p) => p.projectId),
    );
    const open = await reminders({ year: Y });
    expect(open.map((a) => a.projectId)).toEqual([...signed.keys()].filter((id) => !submitted.has(id)).sort());
    expect(open.length).toBeGreaterThan(10);
    expect(open.every((a) => a.message.includes(`alors que la date limite du 31/01/${Y + 1} est dépassée`))).toBe(true);
    expect(open.some((a) => a.projectId === X)).toBe(false);

    const period = await prisma().resultPeriod.findUniqueOrThrow({ where: { projectId_programme_year: { projectId: X, programme: "ACI", year: Y } } });
    const admin = await t.as("admin@demo.maillage.fr");
    const returned = await admin.request<{ returnResultPeriod: { status: string } }>(RETURN, { input: { id: period.id, comment: "Merci de vérifier la patientèle déclarée." } });
    expect(returned.errors).toBeUndefined();
    await refresh(february);
    const [again] = await reminders({ projectId: X });
    expect(again?.message).toBe(
      `Projet « MSP de Navarrenx » : les résultats ACI de l'année ${Y} ont été renvoyés pour correction, alors que la date limite du 31/01/${Y + 1} est dépassée.`,
    );
  });
});
