/**
 * The demo MSPs' yearly results (DOMAIN.md §3 ACI, §4.4 PEPS, §5 IPEP): one result period per running MSP, programme
 * and year, whose `outputs` are computed by `evaluatePeriod` of @maillage/domain with DEFAULT_RESULTS_REFERENCE_DATA —
 * never written by hand — and whose workflow (draft → submitted → approved by a federation admin, or returned) is
 * written to the audit log like the rest of the seed's timelines.
 *
 * Which MSPs: those with an approved ACI contract (CONTRAT_ACI) at SIGNATURE_ACI or EN_FONCTIONNEMENT. Which years:
 * the last {@link RESULT_YEARS} closed calendar years, but never before the contract's signature year (the ACI is
 * computed from the contract, DOMAIN.md §2.5/§3.2; the domain refuses a period before it), plus a draft of the
 * current year for some. Who takes part in PEPS and IPEP: coordination@'s MSP, the MSPs whose PEPS application was
 * approved, and a few drawn MSPs (2–3 PEPS, 3–5 IPEP). Everything is drawn from per-project PRNG streams, so it does
 * not depend on other projects; like the ACI evidence packs, the years follow the calendar of `now`.
 *
 * Inputs are plausible, not real: patientèle ≈ 850–1,250 MT patients per GP (§4.3: 920 per full-time GP), ACI
 * prerequisites always met and most socle indicators achieved, PEPS patient mixes expanded from age/sex/ALD/précarité
 * shares into the grid (they add up to the patientèle), IPEP gains per patient around T-IPEP-1's magnitudes
 * (+30 €/+12 €, §5.2), PEPS on the illustrative coefficient table (labelled so by the outputs).
 */
import {
  DEFAULT_RESULTS_REFERENCE_DATA,
  daysInYear,
  evaluatePeriod,
  ILLUSTRATIVE_PEPS_TABLE,
  patientMixFromShares,
  type AciAchievement,
  type PeriodOutputs,
  type Programme,
} from "@maillage/domain";

import type { Prisma } from "../../generated/prisma/client";
import type { PeriodStatus } from "../../generated/prisma/enums";
import type { ProjectRow } from "./generator";
import type { AuditEventRow, SubmissionRow, TeamMemberRow } from "./pipeline";
import { hashSeed, Rng, stableUuid } from "./random";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How many closed calendar years of results the demo keeps (fewer when the ACI contract is more recent). */
export const RESULT_YEARS = 3;

/** National C2S and AME rates used for the ACI précarité majoration of the demo (💡 demo values, not official). */
export const DEMO_NATIONAL_RATES = { c2s: 0.11, ame: 0.005 } as const;

export type ResultPeriodRow = {
  id: string;
  federationId: string;
  projectId: string;
  programme: Programme;
  year: number;
  status: PeriodStatus;
  inputs: Prisma.InputJsonObject;
  outputs: Prisma.InputJsonObject;
  ruleSetId: string;
  returnComment: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ResultsData = {
  periods: ResultPeriodRow[];
  /** Unsorted; the caller merges them into the timeline. */
  auditEvents: AuditEventRow[];
};

export type ResultsContext = {
  now: Date;
  /** The federation admin who approves (and returns) periods. */
  federations: Readonly<Record<string, { adminId: string }>>;
  /** MSP member accounts by project: they enter and submit their MSP's periods once their account exists. */
  memberAccounts: Readonly<Record<string, { userId: string; createdAt: Date }>>;
  /** MSPs that take part in PEPS and IPEP whatever the draw (coordination@'s). */
  pepsAndIpepProjectIds: readonly string[];
};

/** Return comments of the federation (French, as written by an admin). */
const RETURN_COMMENTS: readonly string[] = [
  "La patientèle déclarée ne correspond pas au relevé de la CPAM : merci de vérifier le nombre de patients médecin traitant.",
  "Merci de préciser le nombre de protocoles pluriprofessionnels réellement mis en œuvre cette année.",
];

/** Internal split of the PEPS forfait (DOMAIN.md §4.4, §4.6: decided by the team's règlement intérieur). */
const PEPS_SPLIT: readonly (readonly [string, number])[] = [
  ["Médecins généralistes", 0.72],
  ["Infirmier·es", 0.1],
  ["Coordination", 0.08],
  ["Assistant·e médical·e", 0.06],
];
const PEPS_SPLIT_REST = "Projets collectifs de l'équipe";

/** Age structure of a rural Nouvelle-Aquitaine patientèle (💡), by band of the illustrative table. */
const AGE_SHARES: Readonly<Record<string, number>> = {
  "0-6": 0.06,
  "7-15": 0.09,
  "16-44": 0.29,
  "45-64": 0.27,
  "65-74": 0.14,
  "75-84": 0.1,
  "85+": 0.05,
};

const between = (rng: Rng, a: number, b: number): number => a + (b - a) * rng.next();
const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

type Running = {
  p: ProjectRow;
  signedAt: string;
  signedYear: number;
  /** When the contract was approved on the platform (no result event before it). */
  contractT: number;
  /** No result event after it (see buildResults). */
  bound: number;
  gps: number;
  associates: number;
};

type Plan = {
  programme: Programme;
  year: number;
  status: PeriodStatus;
  createdAt: number;
  submittedAt: number | null;
  /** Decision (approval or return) time. */
  decidedAt: number | null;
  returnComment: string | null;
};

/**
 * The result periods of the running demo MSPs and their audit events (see the module comment).
 * @throws Error when a generated input is refused by the domain (a bug of this generator).
 */
export function buildResults(
  projects: readonly ProjectRow[],
  pipeline: { submissions: readonly SubmissionRow[]; team: readonly TeamMemberRow[] },
  ctx: ResultsContext,
): ResultsData {
  const now = ctx.now.getTime();
  const currentYear = ctx.now.getUTCFullYear();
  const contracts = new Map<string, SubmissionRow>();
  for (const s of pipeline.submissions) {
    if (s.milestoneKey !== "CONTRAT_ACI" || s.status !== "APPROVED") continue;
    const previous = contracts.get(s.projectId);
    if (!previous || previous.createdAt.getTime() <= s.createdAt.getTime()) contracts.set(s.projectId, s);
  }
  const pepsApplicants = new Set(pipeline.submissions.filter((s) => s.milestoneKey === "PEPS_CANDIDATURE" && s.status === "APPROVED").map((s) => s.projectId));
  const teamOf = new Map<string, TeamMemberRow[]>();
  for (const m of pipeline.team) teamOf.set(m.projectId, [...(teamOf.get(m.projectId) ?? []), m]);

  const running: Running[] = [];
  for (const p of [...projects].sort((a, b) => a.id.localeCompare(b.id))) {
    if (p.stage !== "EN_FONCTIONNEMENT" && p.stage !== "SIGNATURE_ACI") continue;
    const contract = contracts.get(p.id);
    const signedAt = contract?.fields.signedAt;
    if (!contract || !signedAt) continue;
    const team = (teamOf.get(p.id) ?? []).filter((m) => m.leftAt === null);
    // A running, active MSP lives on until now; any other project's results stop at its last activity (stalled
    // or on-hold projects keep their horizon).
    const bound = p.status === "ACTIVE" && p.stage === "EN_FONCTIONNEMENT" ? now - 6 * HOUR_MS : (p.lastActivityAt ?? p.updatedAt).getTime();
    running.push({
      p,
      signedAt,
      signedYear: Number(signedAt.slice(0, 4)),
      contractT: (contract.reviewedAt ?? contract.createdAt).getTime(),
      bound,
      gps: Math.max(2, team.filter((m) => m.profession === "MEDECIN_GENERALISTE").length),
      associates: Math.max(3, team.filter((m) => m.isAssociate).length),
    });
  }

  // Participation (stable whatever `now`): PEPS for coordination@'s MSP and the approved PEPS applications (2–3 in
  // all), IPEP for coordination@'s MSP and drawn active running MSPs (4 in all, §5.1: large patientèles).
  const operating = running.filter((r) => r.p.stage === "EN_FONCTIONNEMENT" && r.p.status === "ACTIVE");
  const featured = new Set(ctx.pepsAndIpepProjectIds);
  const draw = new Rng(hashSeed("results/participation"));
  const peps = new Set(operating.filter((r) => featured.has(r.p.id)).map((r) => r.p.id));
  for (const r of operating) if (pepsApplicants.has(r.p.id) && peps.size < 3) peps.add(r.p.id);
  for (const r of draw.shuffle(operating)) if (peps.size < 2) peps.add(r.p.id);
  const ipep = new Set(operating.filter((r) => featured.has(r.p.id)).map((r) => r.p.id));
  for (const r of draw.shuffle(operating.filter((x) => x.gps >= 3))) if (ipep.size < 4) ipep.add(r.p.id);

  // A few periods of last year still under way (FED-wide demo of the review queue and of the reminders): on stable
  // projects, neither coordination@'s nor a PEPS/IPEP one.
  const plain = operating.filter((r) => !featured.has(r.p.id) && !peps.has(r.p.id) && !ipep.has(r.p.id));
  const exception = new Map<string, "DRAFT" | "SUBMITTED" | "RETURNED">();
  const plainByFederation = new Map<string, Running[]>();
  for (const r of plain) plainByFederation.set(r.p.federationId, [...(plainByFederation.get(r.p.federationId) ?? []), r]);
  for (const list of plainByFederation.values()) {
    if (list.length < 8) continue;
    const [a, b, c, d] = list;
    if (a) exception.set(a.p.id, "DRAFT");
    if (b) exception.set(b.p.id, "SUBMITTED");
    if (c) exception.set(c.p.id, "SUBMITTED");
    if (d) exception.set(d.p.id, "RETURNED");
  }

  const out: ResultsData = { periods: [], auditEvents: [] };
  for (const r of running) {
    const fed = ctx.federations[r.p.federationId];
    if (!fed) throw new Error(`buildResults: no context for federation ${r.p.federationId}`);
    const programmes: Programme[] = ["ACI", ...(peps.has(r.p.id) ? (["PEPS"] as const) : []), ...(ipep.has(r.p.id) ? (["IPEP"] as const) : [])];
    const profile = new Rng(hashSeed(`results/${r.p.id}/profile`));
    const draftThisYear = featured.has(r.p.id) || (r.p.stage === "EN_FONCTIONNEMENT" && r.p.status === "ACTIVE" && profile.chance(0.25));
    const first = Math.max(r.signedYear, currentYear - RESULT_YEARS);
    for (const programme of programmes) {
      const timing = new Rng(hashSeed(`results/${r.p.id}/${programme}/timing`));
      for (let year = first; year <= currentYear; year++) {
        const plan =
          year < currentYear
            ? planClosedYear(r, programme, year, year === currentYear - 1 && programme === "ACI" ? exception.get(r.p.id) : undefined, timing)
            : programme === "ACI" || (programme === "PEPS" && featured.has(r.p.id))
              ? planCurrentYear(r, programme, year, now, draftThisYear, timing)
              : null;
        if (plan === null) continue;
        const period = writePeriod(r, plan, fed.adminId, now, ctx, out);
        out.periods.push(period);
      }
    }
  }
  return out;
}

/** A closed year: entered in December–January, submitted before 31 January N+1, approved within weeks. */
function planClosedYear(r: Running, programme: Programme, year: number, exception: "DRAFT" | "SUBMITTED" | "RETURNED" | undefined, rng: Rng): Plan | null {
  const createdAt = Math.max(Date.UTC(year, 11, 1) + between(rng, 0, 40) * DAY_MS, r.contractT + DAY_MS);
  const submittedAt = Math.max(createdAt + HOUR_MS, Math.min(createdAt + between(rng, 2, 20) * DAY_MS, Date.UTC(year + 1, 0, 30, 12)));
  const decidedAt = submittedAt + between(rng, 4, 45) * DAY_MS;
  const returnComment = exception === "RETURNED" ? rng.pick(RETURN_COMMENTS) : null;
  if (createdAt > r.bound) return null;
  const plan = { programme, year, createdAt, submittedAt: null, decidedAt: null, returnComment: null } as const;
  if (exception === "DRAFT" || submittedAt > r.bound) return { ...plan, status: "DRAFT" };
  if (exception === "SUBMITTED" || decidedAt > r.bound) return { ...plan, status: "SUBMITTED", submittedAt };
  if (exception === "RETURNED") return { ...plan, status: "RETURNED", submittedAt, decidedAt, returnComment };
  return { ...plan, status: "APPROVED", submittedAt, decidedAt };
}

/** The current year: a draft under way for some MSPs, started in the last weeks (never before 1 January). */
function planCurrentYear(r: Running, programme: Programme, year: number, now: number, draft: boolean, rng: Rng): Plan | null {
  const age = between(rng, 3, 60) * DAY_MS;
  if (!draft) return null;
  const createdAt = Math.max(now - age, Date.UTC(year, 0, 2), r.contractT + DAY_MS);
  if (createdAt > r.bound) return null;
  return { programme, year, status: "DRAFT", createdAt, submittedAt: null, decidedAt: null, returnComment: null };
}

function writePeriod(r: Running, plan: Plan, adminId: string, now: number, ctx: ResultsContext, out: ResultsData): ResultPeriodRow {
  const { p } = r;
  const raw = inputsFor(r, plan, now);
  const evaluated = evaluatePeriod(plan.programme, plan.year, raw, DEFAULT_RESULTS_REFERENCE_DATA, ctx.now);
  if (!evaluated.ok) throw new Error(`demo results: ${p.name} ${plan.programme} ${plan.year}: ${JSON.stringify(evaluated.error)}`);
  const id = stableUuid(`results/${p.id}/${plan.programme}/${plan.year}`);
  const member = ctx.memberAccounts[p.id];
  const staff = p.chargeId ?? adminId;
  const team = (t: number) => (member && t >= member.createdAt.getTime() ? member.userId : staff);
  const event = (t: number, actorId: string, action: string, summary: Prisma.InputJsonObject) =>
    out.auditEvents.push({ federationId: p.federationId, projectId: p.id, actorId, action, targetType: "ResultPeriod", targetId: id, summary, createdAt: new Date(Math.round(t)) });
  const base = { programme: plan.programme, year: plan.year };
  event(plan.createdAt, team(plan.createdAt), "results.create", base);
  if (plan.submittedAt !== null) event(plan.submittedAt, team(plan.submittedAt), "results.submit", { ...base, from: "DRAFT", to: "SUBMITTED", comment: null });
  if (plan.decidedAt !== null && plan.status === "APPROVED") event(plan.decidedAt, adminId, "results.approve", { ...base, from: "SUBMITTED", to: "APPROVED", comment: null });
  if (plan.decidedAt !== null && plan.status === "RETURNED") event(plan.decidedAt, adminId, "results.return", { ...base, from: "SUBMITTED", to: "RETURNED", comment: plan.returnComment });
  const last = Math.max(plan.createdAt, plan.submittedAt ?? 0, plan.decidedAt ?? 0);
  return {
    id,
    federationId: p.federationId,
    projectId: p.id,
    programme: plan.programme,
    year: plan.year,
    status: plan.status,
    inputs: evaluated.value.inputs as unknown as Prisma.InputJsonObject,
    outputs: evaluated.value.outputs as unknown as Prisma.InputJsonObject,
    ruleSetId: evaluated.value.referenceId,
    returnComment: plan.returnComment,
    submittedAt: plan.submittedAt === null ? null : new Date(Math.round(plan.submittedAt)),
    approvedAt: plan.status === "APPROVED" && plan.decidedAt !== null ? new Date(Math.round(plan.decidedAt)) : null,
    approvedById: plan.status === "APPROVED" ? adminId : null,
    createdAt: new Date(Math.round(plan.createdAt)),
    updatedAt: new Date(Math.round(last)),
  };
}

// ------------------------------------------------------------------------------------------ inputs

/** The MSP's patientèle médecin traitant in `year`: ~850–1,250 per GP (§4.3), growing 0.5–3 % a year. */
function patienteleOf(r: Running, year: number): number {
  const rng = new Rng(hashSeed(`results/${r.p.id}/patientele`));
  const base = r.gps * between(rng, 850, 1250);
  const growth = between(rng, 0.005, 0.03);
  return Math.round((base * (1 + growth) ** (year - r.signedYear)) / 10) * 10;
}

function inputsFor(r: Running, plan: Plan, now: number): Record<string, unknown> {
  switch (plan.programme) {
    case "ACI":
      return aciInputs(r, plan, now);
    case "PEPS":
      return pepsInputs(r, plan);
    case "IPEP":
      return ipepInputs(r, plan, now);
  }
}

/** Optional indicators of the ACI avenant 1 and how often a demo MSP commits to them (💡). */
const ACI_OPTIONAL_ODDS: readonly (readonly [string, number])[] = [
  ["DIVERSITE_SERVICES_N1", 0.6],
  ["DIVERSITE_SERVICES_N2", 0.3],
  ["SECOND_RECOURS_N1", 0.4],
  ["SECOND_RECOURS_N2", 0.15],
  ["MEDECIN_CSTM", 0.05],
  ["IMPLICATION_USAGERS_N1", 0.35],
  ["IMPLICATION_USAGERS_N2", 0.1],
  ["COORDINATION_EXTERNE", 0.4],
  ["DEMARCHE_QUALITE_N1", 0.5],
  ["DEMARCHE_QUALITE_N2", 0.2],
  ["DEMARCHE_QUALITE_N3", 0.05],
  ["PARCOURS_INSUFFISANCE_CARDIAQUE", 0.1],
  ["PARCOURS_OBESITE_ENFANT", 0.05],
  ["SI_AVANCE", 0.4],
];

/**
 * ACI inputs (rule set of the year, DOMAIN.md §3.5): prerequisites met, socle mostly achieved, a stable choice of
 * optional indicators per MSP; the team gains protocols with the years. The amount received is entered once the
 * balance has been paid (30 April N+1, §2.5).
 */
function aciInputs(r: Running, plan: Plan, now: number): Record<string, unknown> {
  const profile = new Rng(hashSeed(`results/${r.p.id}/aci-profile`));
  const yearRng = new Rng(hashSeed(`results/${r.p.id}/aci/${plan.year}`));
  const seniority = plan.year - r.signedYear;
  const withIpa = profile.chance(0.25);
  const reducedHours = profile.chance(0.1);
  const achievements: Record<string, AciAchievement> = {
    HORAIRES_SNP: { achieved: true, ...(reducedHours ? { level: 0.925 } : {}) },
    FONCTION_COORDINATION: { achieved: true },
    SI_STANDARD: { achieved: true },
    REPONSE_CRISES_SANITAIRES: { achieved: profile.chance(0.85) },
    PROTOCOLES_PLURIPRO: { achieved: true, units: Math.min(8, profile.int(3, 6) + seniority), withIpa },
    CONCERTATION_PLURIPRO: { achieved: yearRng.chance(0.95), withIpa },
    MISSIONS_SANTE_PUBLIQUE: profile.chance(0.55) ? { achieved: true, units: Math.min(2, 1 + seniority), withIpa } : { achieved: false },
    SNP_SAS: profile.chance(0.45) ? { achieved: true, ...(profile.chance(0.4) ? { level: 0.5 } : {}) } : { achieved: false },
    FORMATION_STAGES: profile.chance(0.5) ? { achieved: true, units: profile.int(2, 4) } : { achieved: false },
    PROTOCOLES_COOPERATION_SNP: profile.chance(0.2) ? { achieved: true, units: profile.int(1, 6) } : { achieved: false },
  };
  for (const [code, odds] of ACI_OPTIONAL_ODDS) {
    // Committed by the MSP (stable), and achieved most years.
    achievements[code] = { achieved: profile.chance(odds) && yearRng.chance(0.9) };
  }
  const precarite = profile.chance(0.7)
    ? {
        c2sRate: round(between(profile, 0.05, 0.17), 3),
        ameRate: round(between(profile, 0, 0.008), 3),
        nationalC2sRate: DEMO_NATIONAL_RATES.c2s,
        nationalAmeRate: DEMO_NATIONAL_RATES.ame,
      }
    : undefined;
  const raw = {
    patientele: patienteleOf(r, plan.year),
    associatedProfessionals: r.associates,
    achievements,
    ...(precarite ? { precarite } : {}),
    contractStart: r.signedAt,
    isNewStructure: profile.chance(0.4),
    amountReceivedEur: null as number | null,
  };
  const balancePaid = Date.UTC(plan.year + 1, 3, 30, 23, 59, 59) <= now && plan.status === "APPROVED";
  if (!balancePaid) return raw;
  const net = computed(plan, raw).summary.computedEur;
  return { ...raw, amountReceivedEur: round(net * between(yearRng, 0.99, 1)) };
}

/** The outputs of `raw` (throws on refused inputs: a bug of this generator). */
function computed(plan: Plan, raw: Record<string, unknown>): PeriodOutputs {
  const r = evaluatePeriod(plan.programme, plan.year, raw, DEFAULT_RESULTS_REFERENCE_DATA, new Date(Date.UTC(plan.year, 11, 31)));
  if (!r.ok) throw new Error(`demo results ${plan.programme} ${plan.year}: ${JSON.stringify(r.error)}`);
  return r.value.outputs;
}

/**
 * PEPS inputs on the illustrative table (§4.4): the patient mix expanded from the MSP's shares, a full year in
 * scope; the fee-for-service "shadow" amount set around the forfait (0.9–1.22 ×, so the +20 % cap bites sometimes);
 * the forfait received and its internal split (adding up to it exactly).
 */
function pepsInputs(r: Running, plan: Plan): Record<string, unknown> {
  const profile = new Rng(hashSeed(`results/${r.p.id}/peps-profile`));
  const yearRng = new Rng(hashSeed(`results/${r.p.id}/peps/${plan.year}`));
  const patientele = patienteleOf(r, plan.year);
  const ageShares = Object.fromEntries(Object.entries(AGE_SHARES).map(([band, share]) => [band, share * between(profile, 0.85, 1.15)]));
  const ageTotal = Object.values(ageShares).reduce((a, b) => a + b, 0);
  const mix = patientMixFromShares(ILLUSTRATIVE_PEPS_TABLE, {
    totalPatients: patientele,
    ageShares: Object.fromEntries(Object.entries(ageShares).map(([band, share]) => [band, share / ageTotal])),
    womenShare: between(profile, 0.5, 0.54),
    aldShare: between(profile, 0.19, 0.26),
    multiAldShare: between(profile, 0.25, 0.35),
    precariteShare: between(profile, 0.05, 0.14),
  });
  if (!mix.ok) throw new Error(`demo results: PEPS mix of ${r.p.name}: ${JSON.stringify(mix.error)}`);
  const days = daysInYear(plan.year);
  const raw = {
    tableId: ILLUSTRATIVE_PEPS_TABLE.id,
    scope: "PATIENTELE_MT",
    patientele,
    groups: mix.value.filter((g) => g.patients > 0),
    daysInScope: days,
    daysInPeriod: days,
    qualityScore: round(between(yearRng, 0.6, 0.95), 2),
    qualityIndicators: [
      { code: "VACCINATION_GRIPPE_65", label: "Vaccination antigrippale des 65 ans et plus", value: round(between(yearRng, 48, 68), 1) },
      { code: "SUIVI_DIABETE_HBA1C", label: "Patients diabétiques avec au moins deux dosages d'HbA1c", value: round(between(yearRng, 60, 85), 1) },
      { code: "DEPISTAGE_COLORECTAL", label: "Dépistage du cancer colorectal (50–74 ans)", value: round(between(yearRng, 30, 45), 1) },
    ],
    forfaitReceivedEur: 0,
    feeForServiceEquivalentEur: 1e9,
    internalSplit: [] as { label: string; amountEur: number }[],
  };
  const uncapped = computed(plan, raw).summary.computedEur;
  const feeForServiceEquivalentEur = round(uncapped / between(yearRng, 0.9, 1.22));
  const total = computed(plan, { ...raw, feeForServiceEquivalentEur }).summary.computedEur;
  // Paid quarterly or monthly (§4.1): a year under way has received its elapsed share.
  const yearStart = Date.UTC(plan.year, 0, 1);
  const elapsed = plan.status === "DRAFT" && plan.createdAt < Date.UTC(plan.year + 1, 0, 1) ? Math.floor(((plan.createdAt - yearStart) / DAY_MS / days) * 12) / 12 : 1;
  const received = round(total * elapsed * between(yearRng, 0.99, 1));
  const lines = PEPS_SPLIT.map(([label, share]) => ({ label, amountEur: round(received * share) }));
  lines.push({ label: PEPS_SPLIT_REST, amountEur: received - lines.reduce((s, l) => s + l.amountEur, 0) });
  return { ...raw, feeForServiceEquivalentEur, forfaitReceivedEur: received, internalSplit: lines };
}

/**
 * IPEP inputs (§5.2, §5.3): a groupement larger than the MSP (with the CPTS; > 5,000 patients, §5.1), gains per
 * patient around T-IPEP-1 (+30 €/+12 €; sometimes a negative gap, floored by the calculator), quality points; the
 * intéressement is received in the autumn of N+1 (computed in N+1, §5.3).
 */
function ipepInputs(r: Running, plan: Plan, now: number): Record<string, unknown> {
  const profile = new Rng(hashSeed(`results/${r.p.id}/ipep-profile`));
  const yearRng = new Rng(hashSeed(`results/${r.p.id}/ipep/${plan.year}`));
  const patients = Math.max(5200, Math.round((patienteleOf(r, plan.year) * between(profile, 1.4, 2.2)) / 10) * 10);
  const aLaCarte = profile.chance(0.5);
  const raw = {
    parametersId: "IPEP_2022",
    groupement: `Groupement IPEP de ${r.p.communeName} (MSP et CPTS)`,
    patients,
    gainLevelPerPatientEur: round(yearRng.chance(0.15) ? between(yearRng, -20, -2) : between(yearRng, 8, 40), 1),
    gainEvolutionPerPatientEur: round(between(yearRng, -6, 20), 1),
    soclePoints: yearRng.int(40, 80),
    aLaCartePoints: aLaCarte ? yearRng.int(5, 20) : 0,
    patientExperiencePoints: yearRng.int(5, 20),
    qualityIndicators: [
      { code: "VACCINATION_GRIPPE_65", label: "Vaccination antigrippale des 65 ans et plus", value: round(between(yearRng, 48, 68), 1) },
      { code: "IATROGENIE_75", label: "Prescriptions potentiellement inappropriées chez les 75 ans et plus", value: round(between(yearRng, 8, 18), 1) },
      { code: "LETTRE_LIAISON_SORTIE", label: "Lettres de liaison reçues à la sortie d'hospitalisation", value: round(between(yearRng, 55, 85), 1) },
    ],
    incentiveReceivedEur: null as number | null,
  };
  const paid = plan.status === "APPROVED" && Date.UTC(plan.year + 1, 9, 15) <= now;
  if (!paid) return raw;
  return { ...raw, incentiveReceivedEur: round(computed(plan, raw).summary.computedEur) };
}
