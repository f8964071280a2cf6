/**
 * Going live (issue "Going live", items 1–2): the operator creates a federation and its first admin from the command
 * line; a federation admin invites people (e-mail through a real SMTP server, or the link shown when e-mail is off),
 * resends and withdraws invitations, deactivates (every session and token stops at once) and reactivates — never in
 * another federation; the invited person chooses a password and signs in.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseCreateFederationArgs } from "../../src/cli.js";
import { createFederation, FederationSetupError } from "../../src/modules/federations/create-federation.js";
import { GqlClient, startTestApp, type TestApp } from "./harness.js";
import { startSmtp } from "./smtp.js";

const INVITE = `mutation I($input: InviteUserInput!) { inviteUser(input: $input) { emailSent invitationLink user { id email role status mspProject { id name } } } }`;
const USERS = `query U($filter: UsersFilterInput) { users(filter: $filter) { id email role roleLabel status lastLoginAt } }`;
const ACCEPT = `mutation A($input: ResetPasswordInput!) { acceptInvitation(input: $input) }`;
const PASSWORD = "girafe-velo-orage-pistache";
type Invitation = { inviteUser: { emailSent: boolean; invitationLink: string | null; user: { id: string; email: string; role: string; status: string; mspProject: { id: string } | null } } };

const tokenOf = (link: string) => decodeURIComponent(/jeton=([^&\s]+)/.exec(link)?.[1] ?? "");

describe("a federation admin manages their people (e-mail off: the link is shown)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("invites a chargé·e, who chooses a password and signs in; the list shows them active with their last login", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const r = await admin.request<Invitation>(INVITE, { input: { email: "Nouvelle.Chargee@exemple.fr", displayName: "Nouvelle Chargée", role: "CHARGE_DEVELOPPEMENT" } });
    expect(r.errors).toBeUndefined();
    const { user, emailSent, invitationLink } = r.data!.inviteUser;
    expect(user).toMatchObject({ email: "nouvelle.chargee@exemple.fr", role: "CHARGE_DEVELOPPEMENT", status: "INVITED" });
    expect(emailSent).toBe(false);
    expect(invitationLink).toMatch(/\/reinitialiser-mot-de-passe\?jeton=[A-Za-z0-9_-]+&invitation=1$/);
    // Invited: no password works yet.
    expect(GqlClient.code(await t.client().login("nouvelle.chargee@exemple.fr", ""))).toBe("UNAUTHENTICATED");
    const accepted = await t.client().request(ACCEPT, { input: { token: tokenOf(invitationLink!), newPassword: PASSWORD } });
    expect(accepted.errors).toBeUndefined();
    expect((await t.client().login("nouvelle.chargee@exemple.fr", PASSWORD)).errors).toBeUndefined();
    // The link is single-use.
    expect(GqlClient.code(await t.client().request(ACCEPT, { input: { token: tokenOf(invitationLink!), newPassword: "une-autre-phrase-longue" } }))).toBe("BAD_USER_INPUT");
    const list = await admin.request<{ users: { email: string; status: string; lastLoginAt: string | null; roleLabel: string }[] }>(USERS, { filter: { search: "nouvelle" } });
    expect(list.data!.users).toEqual([expect.objectContaining({ email: "nouvelle.chargee@exemple.fr", status: "ACTIVE", roleLabel: "Chargé·e de développement" })]);
    expect(list.data!.users[0]!.lastLoginAt).not.toBeNull();
    const events = await t.running.database.prisma.auditEvent.findMany({ where: { action: "user.invite", targetId: user.id } });
    expect(events[0]?.summary).toMatchObject({ after: { email: "nouvelle.chargee@exemple.fr", role: "CHARGE_DEVELOPPEMENT" } });
  });

  it("invites an MSP member into an MSP of the federation only, and refuses bad input with every field named, creating nothing", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const prisma = t.running.database.prisma;
    const before = await prisma.user.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "pas-une-adresse", displayName: "X Y", role: "CHARGE_DEVELOPPEMENT" }, "email"],
      [{ email: "membre@exemple.fr", displayName: "Membre", role: "MSP_MEMBER" }, "mspProjectId"],
      [{ email: "membre@exemple.fr", displayName: "Membre", role: "MSP_MEMBER", mspProjectId: DEMO_IDS.projects.msp2 }, "mspProjectId"], // Breton MSP
      [{ email: "charge@demo.maillage.fr", displayName: "Doublon", role: "CHARGE_DEVELOPPEMENT" }, "email"],
      [{ email: "c@exemple.fr", displayName: "C", role: "CHARGE_DEVELOPPEMENT", mspProjectId: DEMO_IDS.projects.msp }, "displayName"],
    ];
    for (const [input, field] of cases) {
      const r = await admin.request(INVITE, { input });
      expect(GqlClient.code(r), JSON.stringify(input)).toBe("BAD_USER_INPUT");
      expect((r.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
    expect(await prisma.user.count()).toBe(before);
    const ok = await admin.request<Invitation>(INVITE, { input: { email: "membre@exemple.fr", displayName: "Membre de l'équipe", role: "MSP_MEMBER", mspProjectId: DEMO_IDS.projects.msp } });
    expect(ok.data!.inviteUser.user.mspProject?.id).toBe(DEMO_IDS.projects.msp);
  });

  it("deactivation stops every session and API token at once; reactivation lets the person sign in again", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const charge = await t.as("charge2@demo.maillage.fr");
    const token = (await charge.request<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "s", scopes: [READ] }) { token } }`)).data!.createApiToken.token;
    const id = (await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: "charge2@demo.maillage.fr" } })).id;
    const off = await admin.request<{ deactivateUser: { status: string } }>(`mutation D($id: ID!) { deactivateUser(userId: $id) { status } }`, { id });
    expect(off.data?.deactivateUser.status).toBe("DEACTIVATED");
    expect(GqlClient.code(await charge.request(`{ me { email } }`))).toBe("UNAUTHENTICATED");
    expect(GqlClient.code(await t.client().request(`{ me { email } }`, {}, { authorization: `Bearer ${token}` }))).toBe("UNAUTHENTICATED");
    expect(GqlClient.code(await t.client().login("charge2@demo.maillage.fr"))).toBe("UNAUTHENTICATED");
    const on = await admin.request<{ reactivateUser: { status: string } }>(`mutation R($id: ID!) { reactivateUser(userId: $id) { status } }`, { id });
    expect(on.data?.reactivateUser.status).toBe("ACTIVE");
    expect((await t.client().login("charge2@demo.maillage.fr")).errors).toBeUndefined();
    // An admin cannot deactivate themself.
    const self = (await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.maillage.fr" } })).id;
    expect(GqlClient.code(await admin.request(`mutation D($id: ID!) { deactivateUser(userId: $id) { status } }`, { id: self }))).toBe("BAD_USER_INPUT");
  });

  it("never reaches another federation, and only admins manage people", async () => {
    const admin2 = await t.as("admin2@demo.maillage.fr");
    const prisma = t.running.database.prisma;
    const naUser = (await prisma.user.findUniqueOrThrow({ where: { email: "charge@demo.maillage.fr" } })).id;
    for (const m of ["deactivateUser", "reactivateUser", "resendInvitation", "revokeInvitation"]) {
      expect(GqlClient.code(await admin2.request(`mutation M($id: ID!) { ${m}(userId: $id) { __typename } }`, { id: naUser })), m).toBe("NOT_FOUND");
    }
    const list = await admin2.request<{ users: { email: string }[] }>(USERS);
    expect(list.data!.users.some((u) => u.email.endsWith("@demo.maillage.fr") && u.email.startsWith("charge@demo"))).toBe(false);
    for (const email of ["charge@demo.maillage.fr", "msp@demo.maillage.fr", "chercheur@demo.maillage.fr"]) {
      const c = await t.as(email);
      expect(GqlClient.code(await c.request(USERS)), email).toBe("FORBIDDEN");
      expect(GqlClient.code(await c.request(INVITE, { input: { email: "x@exemple.fr", displayName: "X X", role: "FEDERATION_ADMIN" } })), email).toBe("FORBIDDEN");
    }
    expect(await prisma.user.count({ where: { email: "x@exemple.fr" } })).toBe(0);
  });

  it("hands a departing chargé·e's portfolio to a colleague in one step, and changes a role (the sessions end)", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const prisma = t.running.database.prisma;
    const from = await prisma.user.findUniqueOrThrow({ where: { email: "charge@demo.maillage.fr" } });
    const to = await prisma.user.findUniqueOrThrow({ where: { email: "charge2@demo.maillage.fr" } });
    const followed = await prisma.mspProject.count({ where: { chargeId: from.id } });
    expect(followed).toBeGreaterThan(0);
    const before = await prisma.mspProject.count({ where: { chargeId: to.id } });
    const r = await admin.request<{ reassignPortfolio: { moved: number } }>(`mutation R($a: ID!, $b: ID!) { reassignPortfolio(fromUserId: $a, toUserId: $b) { moved } }`, { a: from.id, b: to.id });
    expect(r.data?.reassignPortfolio.moved).toBe(followed);
    expect(await prisma.mspProject.count({ where: { chargeId: from.id } })).toBe(0);
    expect(await prisma.mspProject.count({ where: { chargeId: to.id } })).toBe(before + followed);
    // Not to a researcher, not across federations.
    const researcher = await prisma.user.findUniqueOrThrow({ where: { email: "chercheur@demo.maillage.fr" } });
    expect(GqlClient.code(await admin.request(`mutation R($a: ID!, $b: ID!) { reassignPortfolio(fromUserId: $a, toUserId: $b) { moved } }`, { a: to.id, b: researcher.id }))).toBe("BAD_USER_INPUT");
    const breton = await prisma.user.findUniqueOrThrow({ where: { email: "charge@bretagne.demo.maillage.fr" } });
    expect(GqlClient.code(await admin.request(`mutation R($a: ID!, $b: ID!) { reassignPortfolio(fromUserId: $a, toUserId: $b) { moved } }`, { a: to.id, b: breton.id }))).toBe("NOT_FOUND");
    expect(await prisma.mspProject.count({ where: { chargeId: to.id } })).toBe(before + followed);

    const session = await t.as("charge@demo.maillage.fr");
    const CHANGE = `mutation C($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { role status } }`;
    expect(GqlClient.code(await admin.request(CHANGE, { input: { userId: from.id, role: "MSP_MEMBER" } }))).toBe("BAD_USER_INPUT");
    const changed = await admin.request<{ changeUserRole: { role: string } }>(CHANGE, { input: { userId: from.id, role: "FEDERATION_ADMIN" } });
    expect(changed.data?.changeUserRole.role).toBe("FEDERATION_ADMIN");
    expect(GqlClient.code(await session.request(`{ me { role } }`))).toBe("UNAUTHENTICATED");
    const again = await t.as("charge@demo.maillage.fr");
    expect((await again.request<{ me: { role: string } }>(`{ me { role } }`)).data?.me.role).toBe("FEDERATION_ADMIN");
    await admin.request(CHANGE, { input: { userId: from.id, role: "CHARGE_DEVELOPPEMENT" } });
  });

  it("resends (the old link stops working) and withdraws an invitation", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    const first = (await admin.request<Invitation>(INVITE, { input: { email: "relance@exemple.fr", displayName: "À relancer", role: "RESEARCHER" } })).data!.inviteUser;
    const again = (await admin.request<{ resendInvitation: { invitationLink: string } }>(`mutation R($id: ID!) { resendInvitation(userId: $id) { invitationLink } }`, { id: first.user.id })).data!.resendInvitation;
    expect(GqlClient.code(await t.client().request(ACCEPT, { input: { token: tokenOf(first.invitationLink!), newPassword: PASSWORD } }))).toBe("BAD_USER_INPUT");
    const withdrawn = await admin.request<{ revokeInvitation: { status: string } }>(`mutation W($id: ID!) { revokeInvitation(userId: $id) { status } }`, { id: first.user.id });
    expect(withdrawn.data?.revokeInvitation.status).toBe("DEACTIVATED");
    expect(GqlClient.code(await t.client().request(ACCEPT, { input: { token: tokenOf(again.invitationLink), newPassword: PASSWORD } }))).toBe("BAD_USER_INPUT");
  });
});

describe("invitations by e-mail, and the operator's first federation", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicUrl: "https://maillage.example" });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("mails the invitation (no link returned), and the link in the e-mail activates the account", async () => {
    const admin = await t.as("admin2@demo.maillage.fr");
    const r = (await admin.request<Invitation>(INVITE, { input: { email: "invitee@exemple.fr", displayName: "Invitée Bretonne", role: "CHARGE_DEVELOPPEMENT" } })).data!.inviteUser;
    expect(r).toMatchObject({ emailSent: true, invitationLink: null });
    const mail = smtp.received.find((m) => m.to.includes("invitee@exemple.fr"));
    expect(mail?.subject).toBe("Invitation à rejoindre Maillage");
    expect(mail?.text).toContain("valable sept jours");
    const link = /https:\/\/maillage\.example\/reinitialiser-mot-de-passe\?jeton=\S+/.exec(mail!.text)![0];
    expect((await t.client().request(ACCEPT, { input: { token: tokenOf(link), newPassword: PASSWORD } })).errors).toBeUndefined();
    const c = t.client();
    expect((await c.login("invitee@exemple.fr", PASSWORD)).errors).toBeUndefined();
    const me = await c.request<{ me: { federation: { name: string } } }>(`{ me { federation { name } } }`);
    expect(me.data?.me.federation.name).toBe("Fédération bretonne des MSP (démo)");
  });

  it("creates a federation and its first admin from the command line; the link sets the password; refusals change nothing", async () => {
    const setup = parseCreateFederationArgs(["--slug", "federation-occitanie", "--name", "Fédération Occitanie", "--region", "76", "--departements", "31,34", "--admin-email", "Admin@Occitanie.fr", "--admin-name", "Admin Occitanie"]);
    expect(setup).toMatchObject({ slug: "federation-occitanie", regionCode: "76", departements: ["31", "34"], adminEmail: "admin@occitanie.fr" });
    const prisma = t.running.database.prisma;
    const created = await createFederation(prisma, setup, new Date());
    expect(created.departements).toEqual(["31", "34"]);
    expect((await t.client().request(ACCEPT, { input: { token: created.token, newPassword: PASSWORD } })).errors).toBeUndefined();
    const admin = t.client();
    expect((await admin.login("admin@occitanie.fr", PASSWORD)).errors).toBeUndefined();
    const me = await admin.request<{ me: { role: string; federation: { name: string } } }>(`{ me { role federation { name } } }`);
    expect(me.data?.me).toEqual({ role: "FEDERATION_ADMIN", federation: { name: "Fédération Occitanie" } });
    // The new admin sees their own (empty) federation, none of the demo's people.
    const users = await admin.request<{ users: { email: string }[] }>(USERS);
    expect(users.data!.users.map((u) => u.email)).toEqual(["admin@occitanie.fr"]);
    const federations = await prisma.federation.count();
    for (const bad of [
      { ...setup, slug: "federation-occitanie", adminEmail: "autre@occitanie.fr" },
      { ...setup, slug: "autre", adminEmail: "admin@occitanie.fr" },
      { ...setup, slug: "autre", adminEmail: "autre@occitanie.fr", regionCode: "99" },
      { ...setup, slug: "autre", adminEmail: "autre@occitanie.fr", departements: ["31", "999"] },
      { ...setup, slug: "Pas Un Slug", adminEmail: "autre@occitanie.fr" },
    ]) {
      await expect(createFederation(prisma, bad, new Date()), JSON.stringify(bad)).rejects.toBeInstanceOf(FederationSetupError);
    }
    expect(await prisma.federation.count()).toBe(federations);
  });
});
