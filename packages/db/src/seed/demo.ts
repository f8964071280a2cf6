/**
 * The demo seed: reference geography (COG 2026), two fictional federations (Nouvelle-Aquitaine, ~150 MSP
 * projects; Bretagne, 12 projects, to show tenant isolation), their staff, researchers and MSP members, and each
 * project's pipeline (./pipeline.ts: stage states, milestone submissions and reviews, team, audit timeline), and the
 * running MSPs' yearly PEPS / IPEP / ACI results (./results.ts).
 * Deterministic: ids, names, communes, stages, statuses, assignments, teams and submissions are the same on every
 * run; only the timestamps move with `now` (they are fixed offsets before it) — and the yearly ACI evidence
 * packs, which follow the calendar.
 */
import { hash } from "@node-rs/argon2";

import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { ProjectStage, ProjectStatus, Role } from "../../generated/prisma/enums";
import {
  allocateByDepartement,
  allocateByStage,
  drawTimeline,
  expand,
  generateProjects,
  generateTerritories,
  projectSearchText,
  type ChargeRule,
  type NamingState,
  type ProjectRow,
  type ProjectSlot,
  STAGES,
  type TerritoryRow,
} from "./generator";
import { COG_YEAR, cogDepartements, cogRegions, communeByCode, departementsOfRegion } from "./geo";
import { type AuditEventRow, buildPipeline, type StageStateRow, type SubmissionRow, type TeamMemberRow } from "./pipeline";
import { hashSeed, Rng, stableUuid } from "./random";
import { buildResults, type ResultPeriodRow } from "./results";

export const DEMO_PASSWORD = "maillage-demo";

/** argon2id (@node-rs/argon2 `Algorithm.Argon2id`; an ambient const enum, unusable with isolatedModules). */
const ARGON2ID = 2;

const DAY_MS = 86_400_000;

export const DEMO_FEDERATIONS = {
  nouvelleAquitaine: {
    id: stableUuid("federation/demo-nouvelle-aquitaine"),
    slug: "demo-nouvelle-aquitaine",
    name: "Fédération des maisons de santé de Nouvelle-Aquitaine (démo)",
    regionCode: "75",
  },
  bretagne: {
    id: stableUuid("federation/demo-bretagne"),
    slug: "demo-bretagne",
    name: "Fédération bretonne des MSP (démo)",
    regionCode: "53",
  },
} as const;

const userId = (email: string) => stableUuid(`user/${email}`);

/** Fixed ids tests and e2e scenarios can rely on. */
export const DEMO_IDS = {
  federations: {
    nouvelleAquitaine: DEMO_FEDERATIONS.nouvelleAquitaine.id,
    bretagne: DEMO_FEDERATIONS.bretagne.id,
  },
  users: {
    admin: userId("admin@demo.maillage.fr"),
    charge: userId("charge@demo.maillage.fr"),
    charge2: userId("charge2@demo.maillage.fr"),
    msp: userId("msp@demo.maillage.fr"),
    chercheur: userId("chercheur@demo.maillage.fr"),
    admin2: userId("admin2@demo.maillage.fr"),
    chargeBretagne: userId("charge@bretagne.demo.maillage.fr"),
    msp2: userId("msp2@demo.maillage.fr"),
    coordination: userId("coordination@demo.maillage.fr"),
  },
  projects: {
    /** « MSP du Val de l'Isle », Saint-Astier (24), PROJET_SANTE — msp@'s project. */
    msp: stableUuid("demo-nouvelle-aquitaine/project/val-de-l-isle"),
    /** « Maison de santé pluriprofessionnelle de Carhaix-Plouguer » (29), SIGNATURE_ACI — msp2@'s project. */
    msp2: stableUuid("demo-bretagne/project/carhaix-plouguer"),
    /**
     * « MSP de Navarrenx » (64), EN_FONCTIONNEMENT, in PEPS and IPEP — coordination@'s project (a generated project:
     * seed.test.ts checks that it still is this one).
     */
    coordination: stableUuid("demo-nouvelle-aquitaine/project/94"),
  },
} as const;

export type DemoAccount = {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly federationSlug: string;
  readonly userId: string;
  readonly mspProjectId: string | null;
  /** What the account is for in a demo. */
  readonly sees: string;
};

/** The demo accounts; all use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@demo.maillage.fr",
    displayName: "Claire Dubreuil",
    role: Role.FEDERATION_ADMIN,
    federationSlug: DEMO_FEDERATIONS.nouvelleAquitaine.slug,
    userId: DEMO_IDS.users.admin,
    mspProjectId: null,
    sees: "all 150 projects of the Nouvelle-Aquitaine federation",
  },
  {
    email: "charge@demo.maillage.fr",
    displayName: "Julien Laborde",
    role: Role.CHARGE_DEVELOPPEMENT,
    federationSlug: DEMO_FEDERATIONS.nouvelleAquitaine.slug,
    userId: DEMO_IDS.users.charge,
    mspProjectId: null,
    sees: "Nouvelle-Aquitaine projects; usually assigned in 19, 24, 33, 40, 47, 64 (incl. MSP du Val de l'Isle)",
  },
  {
    email: "charge2@demo.maillage.fr",
    displayName: "Sophie Mercier",
    role: Role.CHARGE_DEVELOPPEMENT,
    federationSlug: DEMO_FEDERATIONS.nouvelleAquitaine.slug,
    userId: DEMO_IDS.users.charge2,
    mspProjectId: null,
    sees: "Nouvelle-Aquitaine projects; usually assigned in 16, 17, 23, 79, 86, 87",
  },
  {
    email: "msp@demo.maillage.fr",
    displayName: "Marion Lacoste",
    role: Role.MSP_MEMBER,
    federationSlug: DEMO_FEDERATIONS.nouvelleAquitaine.slug,
    userId: DEMO_IDS.users.msp,
    mspProjectId: DEMO_IDS.projects.msp,
    sees: "only « MSP du Val de l'Isle » (Saint-Astier, 24), stage PROJET_SANTE",
  },
  {
    email: "chercheur@demo.maillage.fr",
    displayName: "Antoine Delmas",
    role: Role.RESEARCHER,
    federationSlug: DEMO_FEDERATIONS.nouvelleAquitaine.slug,
    userId: DEMO_IDS.users.chercheur,
    mspProjectId: null,
    sees: "aggregates of the Nouvelle-Aquitaine federation only",
  },
  {
    email: "admin2@demo.maillage.fr",
    displayName: "Gwenaëlle Le Goff",
    role: Role.FEDERATION_ADMIN,
    federationSlug: DEMO_FEDERATIONS.bretagne.slug,
    userId: DEMO_IDS.users.admin2,
    mspProjectId: null,
    sees: "the 12 projects of the Bretagne federation, nothing of Nouvelle-Aquitaine",
  },
  {
    email: "charge@bretagne.demo.maillage.fr",
    displayName: "Yann Kerbrat",
    role: Role.CHARGE_DEVELOPPEMENT,
    federationSlug: DEMO_FEDERATIONS.bretagne.slug,
    userId: DEMO_IDS.users.chargeBretagne,
    mspProjectId: null,
    sees: "Bretagne projects (assigned to most of them)",
  },
  {
    email: "msp2@demo.maillage.fr",
    displayName: "Erwan Le Bihan",
    role: Role.MSP_MEMBER,
    federationSlug: DEMO_FEDERATIONS.bretagne.slug,
    userId: DEMO_IDS.users.msp2,
    mspProjectId: DEMO_IDS.projects.msp2,
    sees: "only the MSP of Carhaix-Plouguer (29), stage SIGNATURE_ACI",
  },
  {
    email: "coordination@demo.maillage.fr",
    displayName: "Laure Casenave",
    role: Role.MSP_MEMBER,
    federationSlug: DEMO_FEDERATIONS.nouvelleAquitaine.slug,
    userId: DEMO_IDS.users.coordination,
    mspProjectId: DEMO_IDS.projects.coordination,
    sees: "only « MSP de Navarrenx » (64), a running MSP in PEPS and IPEP, with its ACI, PEPS and IPEP results",
  },
];

// ------------------------------------------------------------------------------------------ dataset

type FederationSpec = {
  key: keyof typeof DEMO_FEDERATIONS;
  projectCount: number;
  /** Stage list (before shuffling) of the generated projects, the fixed one excluded. */
  stages: (total: number) => Map<ProjectStage, number>;
  /** Départements of the federation's CPTS. */
  cptsDepartements: string[];
  charges: (deps: string[]) => ChargeRule;
  fixed: { id: string; name: string; communeCode: string; stage: ProjectStage; chargeId: string };
};

const SPECS: readonly FederationSpec[] = [
  {
    key: "nouvelleAquitaine",
    projectCount: 150,
    stages: allocateByStage,
    cptsDepartements: ["17", "24", "33", "64", "87"],
    charges: (deps) => {
      const south = new Set(["19", "24", "33", "40", "47", "64"]);
      return {
        primaryByDepartement: Object.fromEntries(
          deps.map((d) => [d, south.has(d) ? DEMO_IDS.users.charge : DEMO_IDS.users.charge2]),
        ),
        all: [DEMO_IDS.users.charge, DEMO_IDS.users.charge2],
      };
    },
    fixed: {
      id: DEMO_IDS.projects.msp,
      name: "MSP du Val de l'Isle",
      communeCode: "24372", // Saint-Astier (Dordogne), on the Isle
      stage: ProjectStage.PROJET_SANTE,
      chargeId: DEMO_IDS.users.charge,
    },
  },
  {
    key: "bretagne",
    projectCount: 12,
    // Every stage once, plus one more first contact.
    stages: () => new Map(STAGES.map((s) => [s, s === ProjectStage.PREMIER_CONTACT ? 2 : 1])),
    cptsDepartements: ["29", "35"],
    charges: (deps) => ({
      primaryByDepartement: Object.fromEntries(deps.map((d) => [d, DEMO_IDS.users.chargeBretagne])),
      all: [DEMO_IDS.users.chargeBretagne],
    }),
    fixed: {
      id: DEMO_IDS.projects.msp2,
      name: "Maison de santé pluriprofessionnelle de Carhaix-Plouguer",
      communeCode: "29024", // Carhaix-Plouguer (Finistère)
      stage: ProjectStage.SIGNATURE_ACI,
      chargeId: DEMO_IDS.users.chargeBretagne,
    },
  },
];

type UserRow = {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  federationId: string;
  mspProjectId: string | null;
  createdAt: Date;
};

export type DemoDataset = {
  regions: { code: string; name: string; cogYear: number }[];
  departements: { code: string; name: string; regionCode: string; cogYear: number }[];
  federations: { id: string; slug: string; name: string; regionCode: string; createdAt: Date; researchOptIn: boolean }[];
  federationDepartements: { federationId: string; departementCode: string }[];
  /** Staff and researchers (inserted before the projects, which reference chargés). */
  staff: UserRow[];
  territories: TerritoryRow[];
  projects: ProjectRow[];
  /** MSP members (inserted after the projects they belong to). */
  members: UserRow[];
  stageStates: StageStateRow[];
  submissions: SubmissionRow[];
  team: TeamMemberRow[];
  /** Chronological: inserted in this order, so ids follow time (the timeline reads by id). */
  auditEvents: AuditEventRow[];
  /** Yearly PEPS / IPEP / ACI results of the running MSPs (./results.ts); their events are in auditEvents. */
  resultPeriods: ResultPeriodRow[];
};

/** Per federation: who reviews when no chargé·e is assigned, which surnames, which ARS funds. */
const PIPELINE_FEDERATIONS = {
  [DEMO_FEDERATIONS.nouvelleAquitaine.id]: { adminId: DEMO_IDS.users.admin, nameRegion: "nouvelle-aquitaine", ars: "ARS Nouvelle-Aquitaine (FIR)" },
  [DEMO_FEDERATIONS.bretagne.id]: { adminId: DEMO_IDS.users.admin2, nameRegion: "bretagne", ars: "ARS Bretagne (FIR)" },
} as const;

function federationProjects(spec: FederationSpec, now: Date): { projects: ProjectRow[]; territories: TerritoryRow[] } {
  const fed = DEMO_FEDERATIONS[spec.key];
  const rng = new Rng(hashSeed(fed.slug));
  const deps = departementsOfRegion(fed.regionCode).map((d) => d.code);
  const charges = spec.charges(deps);
  const state: NamingState = { usedNames: new Set(), usedCommunes: new Set() };

  const fixedCommune = communeByCode(spec.fixed.communeCode);
  if (!fixedCommune) throw new Error(`unknown commune ${spec.fixed.communeCode}`);
  state.usedNames.add(spec.fixed.name);
  state.usedCommunes.add(fixedCommune.code);
  const fixed: ProjectRow = {
    id: spec.fixed.id,
    federationId: fed.id,
    name: spec.fixed.name,
    communeCode: fixedCommune.code,
    communeName: fixedCommune.nom,
    cogYear: COG_YEAR,
    searchText: projectSearchText(spec.fixed.name, fixedCommune.nom),
    departementCode: fixedCommune.departement,
    territoryId: null,
    stage: spec.fixed.stage,
    status: ProjectStatus.ACTIVE,
    chargeId: spec.fixed.chargeId,
    ...drawTimeline(rng, spec.fixed.stage, ProjectStatus.ACTIVE, now),
  };

  const stageCounts = spec.stages(spec.projectCount);
  stageCounts.set(spec.fixed.stage, (stageCounts.get(spec.fixed.stage) ?? 0) - 1);
  const depCounts = allocateByDepartement(spec.projectCount, deps);
  depCounts.set(fixed.departementCode, (depCounts.get(fixed.departementCode) ?? 0) - 1);
  const stages = rng.shuffle(expand(stageCounts));
  const depList = rng.shuffle(expand(depCounts));
  if (stages.length !== depList.length) throw new Error("seed: stage and département allocations differ");
  const slots: ProjectSlot[] = stages.map((stage, i) => ({
    id: stableUuid(`${fed.slug}/project/${i}`),
    departementCode: depList[i] as string,
    stage,
  }));

  const projects = [fixed, ...generateProjects({ rng, federationId: fed.id, slots, state, charges, now })];
  const territories = generateTerritories(rng, fed, spec.cptsDepartements, projects, now);
  return { projects, territories };
}

/** The whole demo dataset, computed in memory (pure; deterministic except timestamps, which follow `now`). */
export function buildDemoDataset(now: Date, passwordHash: string): DemoDataset {
  const regions = cogRegions().map((r) => ({ code: r.code, name: r.nom, cogYear: COG_YEAR }));
  const departements = cogDepartements().map((d) => ({ code: d.code, name: d.nom, regionCode: d.region, cogYear: COG_YEAR }));
  const federationCreatedAt = now.getTime() - 1100 * DAY_MS;
  const federations = Object.values(DEMO_FEDERATIONS).map((f) => ({
    id: f.id,
    slug: f.slug,
    name: f.name,
    regionCode: f.regionCode,
    createdAt: new Date(federationCreatedAt),
    // Both demo federations share their approved results with researchers (issue "Research access").
    researchOptIn: true,
  }));
  const federationDepartements = Object.values(DEMO_FEDERATIONS).flatMap((f) =>
    departementsOfRegion(f.regionCode).map((d) => ({ federationId: f.id, departementCode: d.code })),
  );
  const projects: ProjectRow[] = [];
  const territories: TerritoryRow[] = [];
  for (const spec of SPECS) {
    const r = federationProjects(spec, now);
    projects.push(...r.projects);
    territories.push(...r.territories);
  }
  const projectById = new Map(projects.map((p) => [p.id, p]));
  // Staff accounts exist from the federation's first days (before every project); an MSP member's account is
  // opened two days after their project.
  const users: UserRow[] = DEMO_ACCOUNTS.map((a, i) => {
    const project = a.mspProjectId ? projectById.get(a.mspProjectId) : undefined;
    return {
      id: a.userId,
      email: a.email.toLowerCase(),
      passwordHash,
      displayName: a.displayName,
      role: a.role,
      federationId: DEMO_FEDERATIONS[a.federationSlug === DEMO_FEDERATIONS.bretagne.slug ? "bretagne" : "nouvelleAquitaine"].id,
      mspProjectId: a.mspProjectId,
      createdAt: new Date(project ? project.createdAt.getTime() + 2 * DAY_MS : federationCreatedAt + (i + 1) * DAY_MS),
    };
  });
  const memberAccounts = Object.fromEntries(
    users.filter((u) => u.mspProjectId).map((u) => [u.mspProjectId as string, { userId: u.id, displayName: u.displayName, createdAt: u.createdAt }]),
  );
  const pipeline = buildPipeline(projects, {
    now,
    federations: PIPELINE_FEDERATIONS,
    memberAccounts,
    minimalTeamProjectId: DEMO_IDS.projects.msp,
    highlightFederationId: DEMO_FEDERATIONS.nouvelleAquitaine.id,
  });
  return {
    regions,
    departements,
    federations,
    federationDepartements,
    staff: users.filter((u) => u.role !== Role.MSP_MEMBER),
    territories,
    projects,
    members: users.filter((u) => u.role === Role.MSP_MEMBER),
    ...pipeline,
    ...withResults(projects, pipeline, now, memberAccounts),
  };
}

/**
 * The running MSPs' results (./results.ts), merged into the timeline: events in time order (stable, so the pipeline's
 * order of simultaneous events is kept), and each project's last activity moved to its last result event.
 */
function withResults(
  projects: ProjectRow[],
  pipeline: ReturnType<typeof buildPipeline>,
  now: Date,
  memberAccounts: Record<string, { userId: string; createdAt: Date }>,
): { auditEvents: AuditEventRow[]; resultPeriods: ResultPeriodRow[] } {
  const results = buildResults(projects, pipeline, {
    now,
    federations: PIPELINE_FEDERATIONS,
    memberAccounts,
    pepsAndIpepProjectIds: [DEMO_IDS.projects.coordination],
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const e of results.auditEvents) {
    const p = byId.get(e.projectId);
    if (p && (!p.lastActivityAt || e.createdAt.getTime() > p.lastActivityAt.getTime())) {
      p.lastActivityAt = e.createdAt;
      p.updatedAt = e.createdAt;
    }
  }
  const auditEvents = [...pipeline.auditEvents, ...results.auditEvents].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { auditEvents, resultPeriods: results.periods };
}

/** createMany in slices (bind-parameter limits), in order. */
async function insertAll<T>(rows: readonly T[], insert: (slice: T[]) => Promise<{ count: number }>, size = 1000): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += size) count += (await insert(rows.slice(i, i + size))).count;
  return count;
}

// ------------------------------------------------------------------------------------------ seeding

export type SeedResult = { seeded: boolean; reason?: string; counts: Record<string, number> };

type Tx = Prisma.TransactionClient;

/**
 * Seeds the demo data. Refuses when NODE_ENV is "production" (even with force) and, unless `force`, when the
 * database already has a federation. With `force`, rows that already exist (same id or same unique key, e.g.
 * an e-mail) are left as they are and the others are added: running it twice changes nothing. A project's pipeline
 * (stage states, submissions, team, timeline) is added with the project only.
 */
export async function seedDemo(prisma: PrismaClient, opts: { force?: boolean; now?: Date } = {}): Promise<SeedResult> {
  const counts: Record<string, number> = {};
  if (process.env.NODE_ENV === "production") {
    return { seeded: false, reason: "refused: NODE_ENV is production (the demo seed never runs in production)", counts };
  }
  if (!opts.force) {
    const existing = await prisma.federation.count();
    if (existing > 0) {
      return { seeded: false, reason: `the database already has ${existing} federation(s); use --force to add the demo data anyway`, counts };
    }
  }
  const now = opts.now ?? new Date();
  // One hash for every demo user: argon2id is deliberately slow.
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: ARGON2ID });
  const data = buildDemoDataset(now, passwordHash);

  await prisma.$transaction(
    async (tx: Tx) => {
      const skipDuplicates = true;
      counts.regions = (await tx.region.createMany({ data: data.regions, skipDuplicates })).count;
      counts.departements = (await tx.departement.createMany({ data: data.departements, skipDuplicates })).count;
      counts.federations = (await tx.federation.createMany({ data: data.federations, skipDuplicates })).count;
      counts.federationDepartements = (
        await tx.federationDepartement.createMany({ data: data.federationDepartements, skipDuplicates })
      ).count;
      counts.users = (await tx.user.createMany({ data: data.staff, skipDuplicates })).count;
      counts.territories = (await tx.territory.createMany({ data: data.territories, skipDuplicates })).count;
      const inserted = new Set(
        (await tx.mspProject.createManyAndReturn({ data: data.projects, skipDuplicates, select: { id: true } })).map((p) => p.id),
      );
      counts.projects = inserted.size;
      counts.users += (await tx.user.createMany({ data: data.members, skipDuplicates })).count;
      // Only the pipeline of the projects inserted now: the rows of a project that already existed are left alone
      // (the audit log is append-only and has no natural key: re-adding it would duplicate the timeline).
      const fresh = <T extends { projectId: string }>(rows: readonly T[]) => rows.filter((r) => inserted.has(r.projectId));
      counts.stageStates = await insertAll(fresh(data.stageStates), (d) => tx.projectStageState.createMany({ data: d, skipDuplicates }));
      counts.teamMembers = await insertAll(fresh(data.team), (d) => tx.teamMember.createMany({ data: d, skipDuplicates }));
      counts.submissions = await insertAll(fresh(data.submissions), (d) => tx.submission.createMany({ data: d, skipDuplicates }));
      counts.resultPeriods = await insertAll(fresh(data.resultPeriods), (d) => tx.resultPeriod.createMany({ data: d, skipDuplicates }));
      counts.auditEvents = await insertAll(fresh(data.auditEvents), (d) => tx.auditEvent.createMany({ data: d }));
    },
    { maxWait: 20_000, timeout: 120_000 },
  );
  return { seeded: true, counts };
}

// ------------------------------------------------------------------------------------ benchmarks

/**
 * Adds `count` synthetic projects (same generator as the demo) to a federation, over its départements, assigned
 * to its chargés: e.g. to measure list queries at 1,000 projects (no pipeline rows; stageEnteredAt and
 * lastActivityAt follow the project's dates). Deterministic for a given (federation, seed); re-running with the
 * same seed adds nothing (same ids). Returns the number of rows inserted.
 */
export async function seedScaleProjects(
  prisma: PrismaClient,
  opts: { federationId: string; count: number; seed?: number; now?: Date },
): Promise<{ created: number }> {
  const { federationId, count } = opts;
  const seed = opts.seed ?? 1;
  const now = opts.now ?? new Date();
  const deps = (
    await prisma.federationDepartement.findMany({ where: { federationId }, select: { departementCode: true } })
  )
    .map((d) => d.departementCode)
    .sort();
  if (deps.length === 0) throw new Error(`federation ${federationId} has no département`);
  const chargeIds = (
    await prisma.user.findMany({
      where: { federationId, role: Role.CHARGE_DEVELOPPEMENT, disabledAt: null },
      select: { id: true },
      orderBy: { email: "asc" },
    })
  ).map((u) => u.id);
  const existing = await prisma.mspProject.findMany({ where: { federationId }, select: { name: true, communeCode: true } });
  const state: NamingState = {
    usedNames: new Set(existing.map((p) => p.name)),
    usedCommunes: new Set(existing.map((p) => p.communeCode)),
  };
  const charges: ChargeRule = {
    primaryByDepartement: Object.fromEntries(deps.map((d, i) => [d, chargeIds[i % Math.max(1, chargeIds.length)] ?? null])),
    all: chargeIds,
  };

  const rng = new Rng(hashSeed(`scale/${federationId}/${seed}`));
  const stages = rng.shuffle(expand(allocateByStage(count)));
  const depList = rng.shuffle(expand(allocateByDepartement(count, deps)));
  const slots: ProjectSlot[] = stages.map((stage, i) => ({
    id: stableUuid(`scale/${federationId}/${seed}/${i}`),
    departementCode: depList[i] as string,
    stage,
  }));
  const rows = generateProjects({ rng, federationId, slots, state, charges, now, minPopulation: 500 }).map((p) => {
    const created = p.createdAt.getTime();
    const touched = p.updatedAt.getTime();
    return {
      ...p,
      stageEnteredAt: new Date(p.stage === ProjectStage.PREMIER_CONTACT ? created : created + Math.round((touched - created) * 0.6)),
      lastActivityAt: p.updatedAt,
    };
  });

  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    created += (await prisma.mspProject.createMany({ data: rows.slice(i, i + 1000), skipDuplicates: true })).count;
  }
  return { created };
}
