/**
 * The journal (issue "Going live", item 6): a federation admin reads who did what and when in their federation only,
 * with filters (person, action, dates) and pages, every action named in French; the CSV export holds the same rows.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const EVENTS = `query E($filter: AuditEventFilterInput, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id action label createdAt actor { email } targetType summary } } } }`;
type Page = { auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; action: string; label: string; createdAt: string; actor: { email: string } | null; summary: unknown } }[] } };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("auditEvents", () => {
  it("shows a federation admin their federation's events only, newest first, in French, with filters and pages", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    // An event to find: an invitation by this admin.
    await admin.request(`mutation { inviteUser(input: { email: "journal@exemple.fr", displayName: "Pour le journal", role: RESEARCHER }) { emailSent } }`);
    const first = await admin.request<Page>(EVENTS, { first: 5 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.auditEvents;
    expect(page.totalCount).toBeGreaterThan(5);
    expect(page.edges).toHaveLength(5);
    const ids = page.edges.map((e) => BigInt(e.node.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    const prisma = t.running.database.prisma;
    const rows = await prisma.auditEvent.findMany({ where: { id: { in: ids } }, select: { federationId: true } });
    expect(rows.every((r) => r.federationId === DEMO_IDS.federations.nouvelleAquitaine)).toBe(true);
    for (const e of page.edges) expect(e.node.label).not.toMatch(/^[a-z_]+\.[a-z_.]+$/);

    const next = await admin.request<Page>(EVENTS, { first: 5, after: page.pageInfo.endCursor });
    const nextIds = next.data!.auditEvents.edges.map((e) => BigInt(e.node.id));
    expect(nextIds.every((id) => id < ids[ids.length - 1]!)).toBe(true);

    const invites = await admin.request<Page>(EVENTS, { filter: { action: "user.invite" } });
    expect(invites.data!.auditEvents.edges[0]?.node).toMatchObject({ action: "user.invite", label: "Invitation d'une personne", actor: { email: "admin@demo.maillage.fr" } });
    expect(invites.data!.auditEvents.edges[0]?.node.summary).toMatchObject({ after: { email: "journal@exemple.fr" } });
    const adminId = (await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.maillage.fr" } })).id;
    const byAdmin = await admin.request<Page>(EVENTS, { filter: { actorId: adminId }, first: 200 });
    expect(byAdmin.data!.auditEvents.edges.every((e) => e.node.actor?.email === "admin@demo.maillage.fr")).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const todays = await admin.request<Page>(EVENTS, { filter: { from: today, to: today }, first: 200 });
    expect(todays.data!.auditEvents.edges.every((e) => e.node.createdAt.slice(0, 10) === today)).toBe(true);
    expect(todays.data!.auditEvents.totalCount).toBeGreaterThan(0);
    const future = await admin.request<Page>(EVENTS, { filter: { from: "2099-01-01" } });
    expect(future.data!.auditEvents.totalCount).toBe(0);
  });

  it("refuses malformed filters and cursors with BAD_USER_INPUT, and everyone but admins", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    for (const variables of [{ filter: { from: "hier" } }, { filter: { actorId: "pas-un-id" } }, { filter: { action: "DROP TABLE" } }, { after: "pas-un-curseur" }]) {
      expect(GqlClient.code(await admin.request(EVENTS, variables)), JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    }
    for (const email of ["charge@demo.maillage.fr", "msp@demo.maillage.fr", "chercheur@demo.maillage.fr"]) {
      expect(GqlClient.code(await (await t.as(email)).request(EVENTS)), email).toBe("FORBIDDEN");
    }
    // The other federation's admin sees none of Nouvelle-Aquitaine's events.
    const admin2 = await t.as("admin2@demo.maillage.fr");
    const theirs = await admin2.request<Page>(EVENTS, { filter: { action: "user.invite" } });
    expect(theirs.data!.auditEvents.edges.some((e) => JSON.stringify(e.node.summary).includes("journal@exemple.fr"))).toBe(false);
  });

  it("exports the same rows as CSV, labels in French", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const res = await fetch(`${t.url}/exports/audit.csv?action=user.invite`, { headers: { cookie: admin.cookie ?? "" } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines[0]).toBe("Date;Action;Personne;E-mail;Objet;Identifiant de l'objet;Détail");
    const count = (await admin.request<Page>(EVENTS, { filter: { action: "user.invite" } })).data!.auditEvents.totalCount;
    expect(lines.length - 1).toBe(count);
    expect(lines[1]).toContain("Invitation d'une personne");
    const charge = await t.as("charge@demo.maillage.fr");
    expect((await fetch(`${t.url}/exports/audit.csv`, { headers: { cookie: charge.cookie ?? "" } })).status).toBe(403);
  });
});
