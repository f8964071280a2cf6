/**
 * The demo projects' pipeline: stage states, milestone submissions and reviews, MSP teams and the audit
 * timeline, consistent with each project's stage, status and dates (DOMAIN.md §2.2–2.6).
 *
 * Pure and deterministic. Every project draws from its own PRNG streams (one per topic: timeline, legal form,
 * history, current stage, team, ACI…), so a project's data never depends on the others', and every instant is
 * a fixed offset before `now`: two runs with the same `now` give identical rows; with another `now`, only the
 * timestamps and date fields move — except the yearly ACI evidence packs, which follow the calendar (their
 * years are those whose 31 January deadline has passed).
 *
 * The milestone catalogue is `DEFAULT_MILESTONES` of @maillage/domain (checklistFor); nothing is copied here
 * but the field values.
 */
import { checklistFor, findMilestone } from "@maillage/domain";

import type { Prisma } from "../../generated/prisma/client";
import type { LegalForm, ProjectStage, Profession, SubmissionStatus, TeamRole } from "../../generated/prisma/enums";
import { type ProjectRow, STAGES } from "./generator";
import {
  drawFullName,
  IdentifierFactory,
  isParamedical,
  isRppsProfession,
  lastNameOf,
  type NameRegion,
  OTHER_MEMBER_PROFESSIONS,
} from "./people";
import { hashSeed, Rng, stableUuid } from "./random";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// --------------------------------------------------------------------------------------------- rows

export type StageStateRow = {
  projectId: string;
  stage: ProjectStage;
  startedAt: Date | null;
  completedAt: Date | null;
  notApplicable: boolean;
  notApplicableReason: string | null;
};

export type SubmissionRow = {
  id: string;
  federationId: string;
  projectId: string;
  milestoneKey: string;
  status: SubmissionStatus;
  comment: string | null;
  fields: Record<string, string>;
  authorId: string;
  createdAt: Date;
  reviewerId: string | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
};

export type TeamMemberRow = {
  id: string;
  federationId: string;
  projectId: string;
  fullName: string;
  profession: Profession;
  rpps: string | null;
  adeli: string | null;
  role: TeamRole;
  isAssociate: boolean;
  /** Midnight UTC (a @db.Date column). */
  joinedAt: Date;
  leftAt: Date | null;
  createdAt: Date;
};

export type AuditEventRow = {
  federationId: string;
  projectId: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  summary: Prisma.InputJsonObject;
  createdAt: Date;
};

export type PipelineData = {
  stageStates: StageStateRow[];
  submissions: SubmissionRow[];
  team: TeamMemberRow[];
  /** In chronological order (insert them in this order: the timeline reads them by id). */
  auditEvents: AuditEventRow[];
};

export type PipelineContext = {
  now: Date;
  federations: Readonly<Record<string, { adminId: string; nameRegion: NameRegion; ars: string }>>;
  /** MSP member accounts by project: they author their project's submissions once their account exists. */
  memberAccounts: Readonly<Record<string, { userId: string; displayName: string; createdAt: Date }>>;
  /**
   * msp@'s project, kept in a precise state the integration tests rely on: earlier stages done, PROJET_SANTE
   * submitted 3 days ago, ENGAGEMENTS_PS missing, a team of 1 GP (leader), 1 nurse, 1 physio (minimum team
   * not met).
   */
  minimalTeamProjectId: string;
  /** The federation whose projects carry the dashboard highlights (SISA due, CPOM renewals). */
  highlightFederationId: string;
};

// ------------------------------------------------------------------------------------------ wording

export const IMMOBILIER_NOT_APPLICABLE_REASON = "MSP multi-site « hors les murs » : pas de locaux communs";

/** Comment of the submissions made before the platform existed (no file: the documents went by e-mail). */
export const BACKFILL_COMMENT = "Pièces transmises par e-mail avant la mise en service de Maillage.";

const PENDING_COMMENTS: readonly string[] = [
  "Version validée en réunion d'équipe ; pièces transmises par e-mail à la fédération.",
  "Document signé par l'ensemble des professionnels concernés (envoyé par e-mail).",
  "Nouvelle version tenant compte des remarques ; pièces transmises par e-mail.",
  "Pièces transmises par e-mail, originaux disponibles au secrétariat.",
];

const APPROVAL_COMMENTS: readonly string[] = ["Validé, merci.", "Document complet, validé.", "Conforme, validé.", "Validé. Bravo à l'équipe !"];

/** What a chargé·e asks to change, per milestone (French, as written in a review). */
const CHANGES_COMMENTS: Readonly<Record<string, readonly string[]>> = {
  FICHE_PROJET: [
    "Merci de préciser le territoire envisagé et les communes concernées.",
    "La fiche ne mentionne pas les porteur·ses du projet : pouvez-vous la compléter ?",
  ],
  LISTE_PS: [
    "Il manque les numéros RPPS de deux professionnels ; merci de compléter la liste.",
    "Merci d'indiquer la commune d'exercice de chaque professionnel.",
  ],
  NOTE_FAISABILITE: [
    "La note ne traite pas du besoin en locaux : pouvez-vous compléter la partie immobilière ?",
    "Merci de joindre les devis du cabinet d'études mentionnés dans la note.",
  ],
  ASSO_STATUTS: ["Il manque le récépissé de déclaration en préfecture."],
  DEMANDE_FIR: ["Le plan de financement ne correspond pas aux devis joints : merci de le corriger."],
  RENCONTRE_ARS: ["Merci de joindre le compte rendu de la rencontre avec le référent MSP."],
  DIAG_TERRITORIAL: [
    "Les données de densité datent de 2019 : merci de les actualiser avec l'APL la plus récente.",
    "Le diagnostic doit présenter l'offre de second recours et les urgences accessibles.",
  ],
  PROJET_SANTE: [
    "Le projet de santé doit détailler l'organisation de la continuité des soins et l'accueil des stagiaires.",
    "Merci d'ajouter les axes de santé publique retenus et leurs indicateurs de suivi.",
  ],
  ENGAGEMENTS_PS: [
    "Il manque la signature de deux professionnels (kinésithérapeute et orthophoniste).",
    "Plusieurs engagements ne sont pas datés : merci de les compléter.",
  ],
  VALIDATION_ARS: ["Le document transmis est l'accusé de réception, pas le courrier de validation : merci de le joindre."],
  FINESS_EJ_ET: ["Le numéro FINESS ET semble être celui de l'EJ : merci de vérifier sur l'avis de l'ARS."],
  SISA_STATUTS: [
    "Les statuts doivent prévoir la clause de capital variable et la liste à jour des associés.",
    "Merci de joindre l'extrait Kbis de la SISA.",
  ],
  REGLEMENT_INTERIEUR: ["Le règlement doit préciser la répartition des rémunérations collectives (ACI)."],
  BAIL_PLANS: ["Merci de joindre le bail signé ; seuls les plans ont été transmis."],
  DECISION_FINANCEMENT: ["La délibération transmise n'est pas signée : merci de joindre la version certifiée."],
  CPOM: ["Il manque l'annexe financière du CPOM."],
  FICHE_POSTE_COORD: ["Merci de préciser le temps de travail et le financement du poste de coordination."],
  OUVERTURE: ["La date d'ouverture indiquée ne correspond pas au courrier de l'ARS : merci de vérifier."],
  CONTRAT_ACI: ["Le contrat doit être signé par les trois parties (structure, CPAM, ARS)."],
  ACI_JUSTIFICATIFS: ["Il manque les comptes rendus des réunions de concertation pluriprofessionnelle."],
};

const DEFAULT_CHANGES_COMMENT = "Document incomplet : merci de transmettre une version complète et signée.";

const ON_HOLD_REASONS: readonly string[] = [
  "En attente de la décision de la commune sur les locaux",
  "Départ d'un médecin porteur du projet : recherche d'un remplaçant",
  "Attente du retour de l'ARS sur le zonage",
  "L'équipe redéfinit le périmètre du projet",
  "Travaux retardés : recours contre le permis de construire",
  "Congé maternité de la porteuse du projet",
];

const ABANDONED_REASONS: readonly string[] = [
  "Départ à la retraite du médecin porteur, sans relève",
  "Désaccord au sein de l'équipe sur le projet de santé",
  "Projet rattaché à la MSP de la commune voisine",
  "Pas de financement des locaux par la collectivité",
];

/** Relative length of each stage (💡 DOMAIN.md §2.4: premises are the longest; first contact → ACI 18–36 months). */
const STAGE_LENGTH: Readonly<Record<ProjectStage, number>> = {
  PREMIER_CONTACT: 2,
  PRE_DIAGNOSTIC: 3,
  DIAGNOSTIC_TERRITORIAL: 2.5,
  PROJET_SANTE: 4,
  VALIDATION_ARS: 2,
  STRUCTURE_JURIDIQUE: 3,
  IMMOBILIER: 7,
  FINANCEMENTS: 3,
  OUVERTURE: 2,
  SIGNATURE_ACI: 2,
  EN_FONCTIONNEMENT: 40,
};

type Funder = { name: string; min: number; max: number; step: number };

/** The ARS's FIR (study, project writing, start-up aid: tens of thousands of euros, DOMAIN.md §2.2 S7). */
const arsFunder = (ars: string): Funder => ({ name: ars, min: 15_000, max: 60_000, step: 500 });

/** Local authorities: investment in the premises (💡 orders of magnitude). */
const LOCAL_FUNDERS: readonly Funder[] = [
  { name: "Conseil départemental", min: 30_000, max: 250_000, step: 1_000 },
  { name: "Communauté de communes", min: 80_000, max: 900_000, step: 5_000 },
  { name: "Région", min: 50_000, max: 300_000, step: 1_000 },
];

/** CPOM signed 4 years 7–11 months before `now` (in days): its 5-year term ends within the 180-day alert lead. */
const CPOM_RENEWAL_AGE_DAYS: readonly [number, number] = [1680, 1790];
const CPOM_RENEWAL_PROJECTS = 4;

// ------------------------------------------------------------------------------------------ helpers

const STAGE_INDEX: ReadonlyMap<ProjectStage, number> = new Map(STAGES.map((s, i) => [s, i]));
const stageIndex = (stage: ProjectStage): number => STAGE_INDEX.get(stage) ?? -1;
const stageAt = (i: number): ProjectStage => STAGES[i] as ProjectStage;
const between = (rng: Rng, a: number, b: number): number => a + (b - a) * rng.next();
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utcDay = (ms: number): Date => new Date(Math.floor(ms / DAY_MS) * DAY_MS);
const labelOf = (key: string): string => findMilestone(key, [])?.label ?? key;
const requiredKeys = (stage: ProjectStage): string[] => checklistFor(stage, []).filter((m) => m.required).map((m) => m.key);

/** A date field `min..max` days before `t`, never before `floor`. */
const dateBefore = (rng: Rng, t: number, floor: number, minDays: number, maxDays: number): string =>
  isoDate(Math.max(floor, t - between(rng, minDays, maxDays) * DAY_MS));

type Status = "ACTIVE" | "ON_HOLD" | "ABANDONED";

type TimedEvent = AuditEventRow & { order: number };

/** Everything decided about one project before its rows are written. */
type ProjectPlan = {
  p: ProjectRow;
  k: number;
  fed: { adminId: string; nameRegion: NameRegion; ars: string };
  member: { userId: string; displayName: string; createdAt: Date } | undefined;
  /** Creation, stage entry, horizon (no event after it), in ms. */
  C: number;
  S: number;
  H: number;
  stalled: boolean;
  /** Completed stage windows (absent: current, later, or not applicable). */
  windows: Map<ProjectStage, [number, number]>;
  notApplicable: Set<ProjectStage>;
  legalForm: LegalForm | null;
  /** When the association statutes are filed: at PRE_DIAGNOSTIC, or at STRUCTURE_JURIDIQUE. */
  associationAt: ProjectStage | null;
  sisaDue: boolean;
  cpomRenewal: boolean;
  minimalTeam: boolean;
};

// ----------------------------------------------------------------------------------------- builder

/**
 * Builds the pipeline rows of `projects` and completes their columns (stageEnteredAt, lastActivityAt,
 * updatedAt = lastActivityAt, legalForm, statusReason; mutates the rows).
 */
export function buildPipeline(projects: ProjectRow[], ctx: PipelineContext): PipelineData {
  const now = ctx.now.getTime();
  const ids = new IdentifierFactory();
  const out: PipelineData = { stageStates: [], submissions: [], team: [], auditEvents: [] };
  const events: TimedEvent[] = [];

  // Dashboard highlights, chosen on stable criteria (stage, status, age), whatever `now`.
  const highlight = projects.filter((p) => p.federationId === ctx.highlightFederationId && !ctx.memberAccounts[p.id]);
  const sisaDueId = highlight.find((p) => p.stage === "SIGNATURE_ACI" && p.status === "ACTIVE")?.id ?? null;
  const cpomRenewalIds = new Set(
    highlight
      .filter((p) => p.stage === "EN_FONCTIONNEMENT")
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, CPOM_RENEWAL_PROJECTS)
      .map((p) => p.id),
  );

  projects.forEach((p, index) => {
    const fed = ctx.federations[p.federationId];
    if (!fed) throw new Error(`buildPipeline: no context for federation ${p.federationId}`);
    const plan = planProject(p, fed, ctx, now, {
      sisaDue: p.id === sisaDueId,
      cpomRenewal: cpomRenewalIds.has(p.id),
    });
    const projectEvents: TimedEvent[] = [];
    writeProject(plan, now, ids, out, projectEvents);
    const last = projectEvents.reduce((m, e) => Math.max(m, e.createdAt.getTime()), plan.C);
    p.stageEnteredAt = new Date(plan.S);
    p.lastActivityAt = new Date(last);
    p.updatedAt = new Date(last);
    p.legalForm = plan.legalForm;
    for (const e of projectEvents) e.order = index * 100_000 + e.order;
    events.push(...projectEvents);
  });

  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.order - b.order);
  out.auditEvents = events.map(({ order: _order, ...e }) => e);
  return out;
}

function planProject(
  p: ProjectRow,
  fed: ProjectPlan["fed"],
  ctx: PipelineContext,
  now: number,
  flags: { sisaDue: boolean; cpomRenewal: boolean },
): ProjectPlan {
  const rng = new Rng(hashSeed(`pipeline/${p.id}/timeline`));
  const k = STAGE_INDEX.get(p.stage) ?? 0;
  const status = p.status as Status;
  const C = p.createdAt.getTime();
  const member = ctx.memberAccounts[p.id];
  const minimalTeam = p.id === ctx.minimalTeamProjectId;
  const ageDays = (now - C) / DAY_MS;

  // Horizon: no event after it. Stalled = an active project left without activity for 70–200 days.
  const canStall = status === "ACTIVE" && k < stageIndex("EN_FONCTIONNEMENT") && !member && !flags.sisaDue && ageDays > 110;
  const stalled = rng.chance(0.2) && canStall;
  const stallDays = rng.int(70, Math.max(70, Math.min(200, Math.floor(ageDays) - 35)));
  let H: number;
  if (status !== "ACTIVE") H = p.updatedAt.getTime();
  else if (stalled) H = now - stallDays * DAY_MS - rng.int(0, 86_399) * 1000;
  else H = now - rng.int(600, 20_000) * 1000;

  // ~25 % of the projects past IMMOBILIER are multi-site MSPs without common premises.
  const notApplicable = new Set<ProjectStage>();
  if (rng.chance(0.25) && k > stageIndex("IMMOBILIER")) notApplicable.add("IMMOBILIER");

  // Stage windows: lengths proportional to STAGE_LENGTH × [0.6, 1.5], the current one partly elapsed.
  const lengths = STAGES.map((s) => (notApplicable.has(s) ? 0 : STAGE_LENGTH[s] * between(rng, 0.6, 1.5)));
  const elapsed = between(rng, 0.2, 1);
  const done = lengths.slice(0, k).reduce((a, b) => a + b, 0);
  const total = done + (lengths[k] ?? 1) * elapsed;
  let S = k === 0 ? C : Math.round(C + ((H - C) * done) / total);
  // msp@'s pending submission (3 days ago) must come after the stage entry.
  if (minimalTeam) S = Math.min(S, now - 20 * DAY_MS);
  const windows = new Map<ProjectStage, [number, number]>();
  let cursor = C;
  for (let i = 0; i < k; i++) {
    const stage = stageAt(i);
    if (notApplicable.has(stage)) continue;
    const end = i === k - 1 || lengths.slice(i + 1, k).every((l) => l === 0) ? S : Math.round(cursor + ((S - C) * (lengths[i] ?? 0)) / done);
    windows.set(stage, [cursor, end]);
    cursor = end;
  }

  // Legal form (DOMAIN.md §2.2 S1/S5): an association early for some, a SISA for most structured projects.
  const lr = new Rng(hashSeed(`pipeline/${p.id}/legal`));
  const sj = stageIndex("STRUCTURE_JURIDIQUE");
  const early = lr.chance(0.35);
  const sisaDraw = lr.next();
  const lateAssociation = lr.chance(0.4);
  let legalForm: LegalForm | null = null;
  let associationAt: ProjectStage | null = null;
  if (minimalTeam) {
    // msp@'s project: no structure yet.
  } else if (flags.sisaDue) {
    legalForm = "ASSOCIATION_1901";
    associationAt = lateAssociation ? "STRUCTURE_JURIDIQUE" : "PRE_DIAGNOSTIC";
  } else if (k > sj) {
    const sisa = k >= stageIndex("SIGNATURE_ACI") || sisaDraw < 0.82;
    legalForm = sisa ? "SISA" : "ASSOCIATION_1901";
    if (sisa) associationAt = early ? "PRE_DIAGNOSTIC" : null;
    else associationAt = lateAssociation ? "STRUCTURE_JURIDIQUE" : "PRE_DIAGNOSTIC";
  } else if (k === sj) {
    associationAt = early ? "PRE_DIAGNOSTIC" : null;
    legalForm = sisaDraw < 0.75 ? "SISA" : early ? "ASSOCIATION_1901" : null;
  } else if (k > stageIndex("PRE_DIAGNOSTIC")) {
    associationAt = early ? "PRE_DIAGNOSTIC" : null;
    legalForm = early ? "ASSOCIATION_1901" : null;
  } else if (k === stageIndex("PRE_DIAGNOSTIC") && sisaDraw < 0.2) {
    // Filed during the current stage.
    associationAt = "PRE_DIAGNOSTIC";
    legalForm = "ASSOCIATION_1901";
  }

  return {
    p,
    k,
    fed,
    member,
    C,
    S,
    H,
    stalled,
    windows,
    notApplicable,
    legalForm,
    associationAt,
    sisaDue: flags.sisaDue,
    cpomRenewal: flags.cpomRenewal,
    minimalTeam,
  };
}

// ------------------------------------------------------------------------------------------ writing

type SubmissionSpec = {
  key: string;
  /** Distinguishes the submission in its stable id; by default the n-th submission of the key. */
  version?: string;
  status: SubmissionStatus;
  t: number;
  reviewT: number | null;
  fields: Record<string, string>;
  comment: string;
  reviewComment: string | null;
};

function writeProject(plan: ProjectPlan, now: number, ids: IdentifierFactory, out: PipelineData, events: TimedEvent[]): void {
  const { p, k, C, S, H, fed, member } = plan;
  const status = p.status as Status;
  const staff = p.chargeId ?? fed.adminId;
  const reviewerRng = new Rng(hashSeed(`pipeline/${p.id}/reviewers`));
  const reviewer = () => (p.chargeId && reviewerRng.chance(0.88) ? p.chargeId : fed.adminId);
  /** The MSP member once their account exists, else the chargé·e (or the admin) on behalf of the team. */
  const actorAt = (t: number) => (member && t >= member.createdAt.getTime() ? member.userId : staff);

  const event = (t: number, action: string, targetType: string, targetId: string, actorId: string, summary: Prisma.InputJsonObject) => {
    events.push({
      federationId: p.federationId,
      projectId: p.id,
      actorId,
      action,
      targetType,
      targetId,
      summary,
      createdAt: new Date(Math.round(t)),
      order: events.length,
    });
  };

  const versions = new Map<string, number>();
  const submit = (s: SubmissionSpec) => {
    const n = versions.get(s.key) ?? 0;
    versions.set(s.key, n + 1);
    const id = stableUuid(`${p.id}/submission/${s.key}/${s.version ?? String(n)}`);
    const authorId = actorAt(s.t);
    const reviewerId = s.reviewT === null ? null : reviewer();
    out.submissions.push({
      id,
      federationId: p.federationId,
      projectId: p.id,
      milestoneKey: s.key,
      status: s.status,
      comment: s.comment,
      fields: s.fields,
      authorId,
      createdAt: new Date(Math.round(s.t)),
      reviewerId,
      reviewComment: s.reviewT === null ? null : s.reviewComment,
      reviewedAt: s.reviewT === null ? null : new Date(Math.round(s.reviewT)),
    });
    event(s.t, "milestone.submit", "Submission", id, authorId, { milestoneKey: s.key, milestoneLabel: labelOf(s.key), files: [], comment: s.comment });
    if (s.reviewT !== null && reviewerId) {
      event(s.reviewT, "milestone.review", "Submission", id, reviewerId, {
        milestoneKey: s.key,
        milestoneLabel: labelOf(s.key),
        decision: s.status === "APPROVED" ? "APPROVE" : "REQUEST_CHANGES",
        comment: s.reviewComment,
      });
    }
  };

  event(C, "project.create", "MspProject", p.id, staff, { after: { name: p.name, communeCode: p.communeCode, chargeId: p.chargeId } });

  // ---- field values
  const fr = new Rng(hashSeed(`pipeline/${p.id}/fields`));
  let finess: { ej: string; et: string } | null = null;
  const finessNumbers = () => (finess ??= { ej: ids.finess(fr, p.departementCode), et: ids.finess(fr, p.departementCode) });
  const ars = arsFunder(fed.ars);
  const arsFunded = plan.cpomRenewal || fr.chance(0.4);
  const secondFunder = fr.chance(0.4);
  // Funders of the decisions: the ARS first when it funds the project (a CPOM follows, DOMAIN.md §2.2 S7), then
  // local authorities.
  const locals = fr.shuffle(LOCAL_FUNDERS);
  const decisionFunders = arsFunded ? [ars, ...locals] : locals;
  let contract: { signedAt: string; approvedT: number } | null = null;
  const fieldsFor = (key: string, t: number, floor: number, variant = 0): Record<string, string> => {
    switch (key) {
      case "ASSO_STATUTS":
        return { constitutedAt: dateBefore(fr, t, floor, 3, 40) };
      case "RENCONTRE_ARS":
        return { metAt: dateBefore(fr, t, floor, 1, 20) };
      case "PROJET_SANTE":
        return { versionDate: dateBefore(fr, t, floor, 0, 10) };
      case "VALIDATION_ARS":
        return { validatedAt: dateBefore(fr, t, floor, 1, 15) };
      case "FINESS_EJ_ET": {
        const f = finessNumbers();
        return { finessEj: f.ej, finessEt: f.et };
      }
      case "SISA_STATUTS":
        return { constitutedAt: dateBefore(fr, t, floor, 5, 45), capitalVariable: fr.chance(0.85) ? "true" : "false" };
      case "DECISION_FINANCEMENT": {
        const f = decisionFunders[variant] ?? ars;
        const amount = Math.round(between(fr, f.min, f.max) / f.step) * f.step;
        return { funder: f.name, decisionDate: dateBefore(fr, t, floor, 3, 30), amount: String(amount) };
      }
      case "CPOM":
        return {
          signedAt: plan.cpomRenewal
            ? isoDate(now - fr.int(CPOM_RENEWAL_AGE_DAYS[0], CPOM_RENEWAL_AGE_DAYS[1]) * DAY_MS)
            : dateBefore(fr, t, floor, 2, 20),
        };
      case "OUVERTURE":
        return { openedAt: dateBefore(fr, t, floor, 0, 20) };
      case "CONTRAT_ACI":
        return { signedAt: dateBefore(fr, t, floor, 2, 15), sisaCommitment: plan.sisaDue ? "true" : "false" };
      default:
        return {};
    }
  };

  // ---- completed stages: every required milestone approved (some after a first version sent back)
  const hr = new Rng(hashSeed(`pipeline/${p.id}/history`));
  const history = (key: string, s: number, e: number, variant = 0) => {
    const comment = BACKFILL_COMMENT;
    const w = e - s;
    const approval = () => (hr.chance(0.5) ? null : hr.pick(APPROVAL_COMMENTS));
    if (hr.chance(0.12)) {
      const t1 = s + w * between(hr, 0.05, 0.3);
      const r1 = t1 + Math.min(between(hr, 1, 6) * DAY_MS, 0.3 * (e - t1));
      const t2 = r1 + Math.min(between(hr, 3, 20) * DAY_MS, 0.4 * (e - r1));
      const r2 = t2 + Math.min(between(hr, 1, 6) * DAY_MS, 0.5 * (e - t2));
      submit({ key, status: "CHANGES_REQUESTED", t: t1, reviewT: r1, fields: fieldsFor(key, t1, s, variant), comment, reviewComment: changesComment(hr, key) });
      const fields = fieldsFor(key, t2, s, variant);
      submit({ key, status: "APPROVED", t: t2, reviewT: r2, fields, comment, reviewComment: approval() });
      return { fields, t: t2, reviewT: r2 };
    }
    const t = s + w * between(hr, 0.1, 0.7);
    const r = t + Math.min(between(hr, 1, 8) * DAY_MS, 0.5 * (e - t));
    const fields = fieldsFor(key, t, s, variant);
    submit({ key, status: "APPROVED", t, reviewT: r, fields, comment, reviewComment: approval() });
    return { fields, t, reviewT: r };
  };

  const setLegalForm = (t: number, from: LegalForm | null, to: LegalForm) =>
    event(t, "project.update", "MspProject", p.id, staff, { before: { legalForm: from }, after: { legalForm: to } });

  let legalFormNow: LegalForm | null = null;
  for (let i = 0; i < k; i++) {
    const stage = stageAt(i);
    const window = plan.windows.get(stage);
    if (!window) continue;
    const [s, e] = window;
    const keys = requiredKeys(stage);
    if (stage === "PRE_DIAGNOSTIC") {
      if (plan.associationAt === "PRE_DIAGNOSTIC") keys.push("ASSO_STATUTS");
      if (hr.chance(0.4)) keys.push("DEMANDE_FIR");
      if (hr.chance(0.55)) keys.push("RENCONTRE_ARS");
    }
    if (stage === "STRUCTURE_JURIDIQUE") {
      if (plan.associationAt === "STRUCTURE_JURIDIQUE") keys.push("ASSO_STATUTS");
      if (plan.legalForm === "SISA") keys.push("SISA_STATUTS");
      if (plan.legalForm === "SISA" && hr.chance(0.8)) keys.push("REGLEMENT_INTERIEUR");
    }
    for (const key of keys) {
      const done = history(key, s, e);
      // Recorded right after the approval, before the stage is left.
      const recorded = done.reviewT + Math.min(HOUR_MS / 2, (e - done.reviewT) / 2);
      if (key === "ASSO_STATUTS") {
        setLegalForm(recorded, legalFormNow, "ASSOCIATION_1901");
        legalFormNow = "ASSOCIATION_1901";
      }
      if (key === "SISA_STATUTS") {
        setLegalForm(recorded, legalFormNow, "SISA");
        legalFormNow = "SISA";
      }
      if (key === "CONTRAT_ACI") contract = { signedAt: done.fields.signedAt ?? isoDate(done.t), approvedT: done.reviewT };
    }
    if (stage === "FINANCEMENTS") {
      if (secondFunder) history("DECISION_FINANCEMENT", s, e, 1);
      if (arsFunded) history("CPOM", s, e);
    }
    if (stage === "STRUCTURE_JURIDIQUE" && plan.notApplicable.has("IMMOBILIER")) {
      event(s + (e - s) * between(hr, 0.2, 0.8), "project.stage.applicability", "MspProject", p.id, staff, {
        stage: "IMMOBILIER",
        notApplicable: true,
        reason: IMMOBILIER_NOT_APPLICABLE_REASON,
        from: stage,
        to: stage,
      });
    }
    let next = i + 1;
    while (next < k && plan.notApplicable.has(stageAt(next))) next++;
    event(e, "project.stage", "MspProject", p.id, staff, { from: stage, to: stageAt(next), direction: "forward", reason: null });
  }

  // ---- the current stage
  const cr = new Rng(hashSeed(`pipeline/${p.id}/current`));
  const span = Math.max(0, H - S);
  const inStage = (a: number, b: number) => S + span * between(cr, a, b);
  /** Reviewed a few days after `t`, never after the horizon. */
  const reviewAfter = (t: number) => t + Math.min(between(cr, 1, 8) * DAY_MS, 0.5 * (H - t));
  let milestoneAnchor = false;
  if (plan.minimalTeam) {
    // msp@'s project (see PipelineContext.minimalTeamProjectId).
    const t = now - 3 * DAY_MS - 2 * HOUR_MS;
    submit({
      key: "PROJET_SANTE",
      status: "SUBMITTED",
      t,
      reviewT: null,
      fields: { versionDate: isoDate(t - 2 * DAY_MS) },
      comment: "Version 2 du projet de santé, relue en réunion d'équipe ; pièces transmises par e-mail.",
      reviewComment: null,
    });
  } else {
    const stage = p.stage;
    const keys = requiredKeys(stage);
    if (stage === "STRUCTURE_JURIDIQUE") {
      if (plan.legalForm === "SISA") keys.push("SISA_STATUTS");
      if (plan.associationAt === "STRUCTURE_JURIDIQUE") keys.push("ASSO_STATUTS");
    }
    if (stage === "PRE_DIAGNOSTIC" && plan.associationAt === "PRE_DIAGNOSTIC") {
      // Optional, but the legal form follows it: filed and approved during the stage.
      const t = inStage(0.1, 0.5);
      const r = reviewAfter(t);
      submit({ key: "ASSO_STATUTS", status: "APPROVED", t, reviewT: r, fields: fieldsFor("ASSO_STATUTS", t, S), comment: BACKFILL_COMMENT, reviewComment: null });
      setLegalForm(r + Math.min(HOUR_MS / 2, (H - r) / 2), legalFormNow, "ASSOCIATION_1901");
      legalFormNow = "ASSOCIATION_1901";
    }
    if (stage === "STRUCTURE_JURIDIQUE" && plan.legalForm === "SISA" && legalFormNow !== "SISA") {
      // The team chose the SISA on entering the stage; its statutes follow.
      setLegalForm(S + span * 0.02, legalFormNow, "SISA");
      legalFormNow = "SISA";
    }
    if (stage === "SIGNATURE_ACI") {
      // The contract is signed (running MSP); the stage is left once the first ACI year is under way.
      const t = plan.sisaDue ? inStage(0.5, 0.8) : inStage(0.1, 0.7);
      const r = reviewAfter(t);
      const fields = fieldsFor("CONTRAT_ACI", t, S);
      submit({ key: "CONTRAT_ACI", status: "APPROVED", t, reviewT: r, fields, comment: BACKFILL_COMMENT, reviewComment: null });
      contract = { signedAt: fields.signedAt ?? isoDate(t), approvedT: r };
      keys.splice(keys.indexOf("CONTRAT_ACI"), 1);
    }
    if (stage === "EN_FONCTIONNEMENT" && cr.chance(0.1)) {
      const t = inStage(0.3, 0.9);
      submit({ key: "PEPS_CANDIDATURE", status: "APPROVED", t, reviewT: reviewAfter(t), fields: {}, comment: BACKFILL_COMMENT, reviewComment: null });
    }
    keys.forEach((key, n) => {
      const fresh = status === "ACTIVE" && !plan.stalled;
      // The stalled project's last event: changes requested, and no answer since.
      if (plan.stalled && n === 0) {
        const t = Math.max(S + span * 0.5, H - between(cr, 2, 8) * DAY_MS);
        submit({ key, status: "CHANGES_REQUESTED", t, reviewT: H, fields: fieldsFor(key, t, S), comment: cr.pick(PENDING_COMMENTS), reviewComment: changesComment(cr, key) });
        milestoneAnchor = true;
        return;
      }
      const outcome = cr.weighted<"SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "MISSING">(
        fresh
          ? [["SUBMITTED", 35], ["CHANGES_REQUESTED", 20], ["APPROVED", 15], ["MISSING", 30]]
          : [["SUBMITTED", 0], ["CHANGES_REQUESTED", 25], ["APPROVED", 20], ["MISSING", 55]],
      );
      const resubmitted = cr.chance(0.3);
      const pendingAge = between(cr, 1, 20) * DAY_MS;
      if (outcome === "MISSING") return;
      if (outcome === "SUBMITTED") {
        // Awaiting review for 1–20 days (the review alert fires after 7).
        let t = now - pendingAge;
        if (t <= S) t = inStage(0.3, 0.9);
        if (resubmitted) {
          const t0 = S + (t - S) * between(cr, 0.1, 0.5);
          const r0 = t0 + Math.min(between(cr, 1, 6) * DAY_MS, 0.5 * (t - t0));
          submit({ key, status: "CHANGES_REQUESTED", t: t0, reviewT: r0, fields: fieldsFor(key, t0, S), comment: cr.pick(PENDING_COMMENTS), reviewComment: changesComment(cr, key) });
        }
        submit({ key, status: "SUBMITTED", t, reviewT: null, fields: fieldsFor(key, t, S), comment: cr.pick(PENDING_COMMENTS), reviewComment: null });
        return;
      }
      const t = inStage(0.05, 0.6);
      const r = reviewAfter(t);
      submit({
        key,
        status: outcome,
        t,
        reviewT: r,
        fields: fieldsFor(key, t, S),
        comment: cr.pick(PENDING_COMMENTS),
        reviewComment: outcome === "CHANGES_REQUESTED" ? changesComment(cr, key) : cr.pick(APPROVAL_COMMENTS),
      });
    });
  }

  // ---- status
  const sr = new Rng(hashSeed(`pipeline/${p.id}/status`));
  if (status !== "ACTIVE") {
    const reason = status === "ON_HOLD" ? sr.pick(ON_HOLD_REASONS) : sr.pick(ABANDONED_REASONS);
    p.statusReason = reason;
    event(H, "project.update", "MspProject", p.id, staff, { before: { status: "ACTIVE" }, after: { status, statusReason: reason } });
  } else {
    p.statusReason = null;
  }

  // ---- the team; a recent arrival keeps a quiet but active project off the "stalled" list
  const latest = events.reduce((m, e) => Math.max(m, e.createdAt.getTime()), C);
  let anchorAt: number | null = null;
  if (plan.stalled && !milestoneAnchor) anchorAt = H;
  else if (status === "ACTIVE" && !plan.stalled && !plan.minimalTeam && latest < now - 45 * DAY_MS) {
    anchorAt = now - between(new Rng(hashSeed(`pipeline/${p.id}/anchor`)), 2, 40) * DAY_MS;
  }
  const coordinatorWindow = coordinatorHireWindow(plan);
  const team = planTeam({
    rng: new Rng(hashSeed(`pipeline/${p.id}/team`)),
    ids,
    plan,
    coordinatorWindow,
    anchorAt,
    leader: member?.displayName ?? null,
  });
  team.forEach((m, n) => {
    const id = stableUuid(`${p.id}/team/${n}`);
    const actor = actorAt(m.addedAt);
    out.team.push({
      id,
      federationId: p.federationId,
      projectId: p.id,
      fullName: m.fullName,
      profession: m.profession,
      rpps: m.rpps,
      adeli: m.adeli,
      role: m.role,
      isAssociate: m.isAssociate,
      joinedAt: utcDay(m.joinedAt),
      leftAt: m.leftAt === null ? null : utcDay(m.leftAt),
      createdAt: new Date(Math.round(m.addedAt)),
    });
    event(m.addedAt, "team.add", "TeamMember", id, actor, { fullName: m.fullName, profession: m.profession, role: m.role });
    if (m.leftAt !== null && m.leftRecordedAt !== null) {
      event(m.leftRecordedAt, "team.leave", "TeamMember", id, actorAt(m.leftRecordedAt), {
        fullName: m.fullName,
        profession: m.profession,
        leftAt: isoDate(m.leftAt),
      });
    }
  });

  // ---- stage states
  for (let i = 0; i <= k; i++) {
    const stage = stageAt(i);
    if (plan.notApplicable.has(stage)) {
      out.stageStates.push({ projectId: p.id, stage, startedAt: null, completedAt: null, notApplicable: true, notApplicableReason: IMMOBILIER_NOT_APPLICABLE_REASON });
      continue;
    }
    const w = plan.windows.get(stage);
    out.stageStates.push({
      projectId: p.id,
      stage,
      startedAt: new Date(w ? w[0] : S),
      completedAt: w ? new Date(w[1]) : null,
      notApplicable: false,
      notApplicableReason: null,
    });
  }

  // ---- the ACI's yearly evidence packs (DOMAIN.md §2.5: year N's evidence due by 31 January N+1)
  if (contract) aciEvidence(plan, contract, now, submit, new Rng(hashSeed(`pipeline/${p.id}/aci`)));
}

function changesComment(rng: Rng, key: string): string {
  const list = CHANGES_COMMENTS[key];
  return list && list.length > 0 ? rng.pick(list) : DEFAULT_CHANGES_COMMENT;
}

/** When the coordinator is hired: during OUVERTURE (DOMAIN.md §2.2 S8: coordinator job description). */
function coordinatorHireWindow(plan: ProjectPlan): [number, number] | null {
  const ouverture = stageIndex("OUVERTURE");
  if (plan.k < ouverture) return null;
  if (plan.k === ouverture) return [plan.S, Math.max(plan.S, plan.H - DAY_MS)];
  return plan.windows.get("OUVERTURE") ?? null;
}

function aciEvidence(
  plan: ProjectPlan,
  contract: { signedAt: string; approvedT: number },
  now: number,
  submit: (s: SubmissionSpec) => void,
  rng: Rng,
): void {
  const signedYear = Number(contract.signedAt.slice(0, 4));
  const pendingAllowed = plan.p.status === "ACTIVE" && !plan.stalled;
  for (let year = signedYear; ; year++) {
    const deadline = Date.UTC(year + 1, 0, 31, 23, 59, 59, 999);
    const january = Date.UTC(year + 1, 0, 1);
    if (january > now) break;
    // Sent in January N+1 (before the deadline), checked by the chargé·e a few weeks later.
    const t = Math.max(contract.approvedT + DAY_MS, Date.UTC(year + 1, 0, rng.int(5, 27), rng.int(8, 18), rng.int(0, 59)));
    const r = t + between(rng, 3, 25) * DAY_MS;
    if (deadline > now && rng.chance(0.5)) break; // this year's pack is not sent yet
    if (t > plan.H) break;
    const status: SubmissionStatus = r <= plan.H ? "APPROVED" : "SUBMITTED";
    if (status === "SUBMITTED" && !pendingAllowed) break;
    submit({
      key: "ACI_JUSTIFICATIFS",
      version: `year-${year}`,
      status,
      t,
      reviewT: status === "APPROVED" ? r : null,
      fields: { year: String(year) },
      comment: `Justificatifs ACI ${year} : comptes rendus de RCP, protocoles pluriprofessionnels, rapport d'activité.`,
      reviewComment: null,
    });
  }
}

// --------------------------------------------------------------------------------------------- team

type PlannedMember = {
  fullName: string;
  profession: Profession;
  role: TeamRole;
  isAssociate: boolean;
  rpps: string | null;
  adeli: string | null;
  joinedAt: number;
  leftAt: number | null;
  /** When the member was recorded (team.add) and their departure (team.leave). */
  addedAt: number;
  leftRecordedAt: number | null;
};

type Draft = {
  profession: Profession;
  role: TeamRole;
  joinedAt: number;
  leftAt: number | null;
  /** Founding core, leaders, coordinator: never leave. */
  core: boolean;
  /** The recent arrival that is the project's latest activity. */
  anchor?: boolean;
  name?: string;
};

/**
 * The team of a project (DOMAIN.md §2.1 "noyau dur" ✅: 2 GPs + 1 paramedical; §2.6 profession mix): a founding
 * core that never leaves (so the minimum team holds at every gate from PROJET_SANTE on), other members joining
 * over time, a few departures, one or two leaders, a coordinator from OUVERTURE on. SISA associates: the GPs,
 * the core paramedical, most paramedicals and some other professionals.
 */
function planTeam(o: {
  rng: Rng;
  ids: IdentifierFactory;
  plan: ProjectPlan;
  coordinatorWindow: [number, number] | null;
  anchorAt: number | null;
  leader: string | null;
}): PlannedMember[] {
  const { rng, plan } = o;
  const { C, H, k } = plan;
  const founderJoin = () => C - rng.int(0, 150) * DAY_MS;
  const laterJoin = () => (H - C > 2 * DAY_MS ? C + between(rng, 1 * DAY_MS, H - C - DAY_MS) : founderJoin());
  const drafts: Draft[] = [];
  const add = (d: Omit<Draft, "leftAt"> & { leftAt?: number | null }) => {
    const draft = { ...d, leftAt: d.leftAt ?? null };
    drafts.push(draft);
    return draft;
  };

  add({ profession: "MEDECIN_GENERALISTE", role: "LEADER", joinedAt: founderJoin(), core: true, ...(o.leader ? { name: o.leader } : {}) });
  if (plan.minimalTeam) {
    add({ profession: "INFIRMIER", role: "MEMBER", joinedAt: founderJoin(), core: true });
    add({ profession: "MASSEUR_KINESITHERAPEUTE", role: "MEMBER", joinedAt: founderJoin(), core: true });
  } else {
    const complete = k >= stageIndex("PROJET_SANTE") || rng.chance(0.5);
    if (complete) {
      add({ profession: "MEDECIN_GENERALISTE", role: "MEMBER", joinedAt: founderJoin(), core: true });
      add({ profession: rng.chance(0.7) ? "INFIRMIER" : "MASSEUR_KINESITHERAPEUTE", role: "MEMBER", joinedAt: founderJoin(), core: true });
    }
    const minActive = 3 + Math.floor(k * 0.6);
    const maxActive = Math.min(15, 6 + k);
    const size = rng.int(minActive, maxActive);
    const dedicatedCoordinator = o.coordinatorWindow !== null && rng.chance(0.5);
    const reserved = (dedicatedCoordinator ? 1 : 0) + (o.anchorAt !== null ? 1 : 0);
    while (drafts.length < size - reserved) {
      const founder = rng.chance(0.4);
      add({ profession: rng.weighted(OTHER_MEMBER_PROFESSIONS), role: "MEMBER", joinedAt: founder ? founderJoin() : laterJoin(), core: false });
    }
    if (o.anchorAt !== null) add({ profession: rng.weighted(OTHER_MEMBER_PROFESSIONS), role: "MEMBER", joinedAt: o.anchorAt, core: false, anchor: true });

    // Coordinator: hired at the opening, or a member of the team taking the role.
    const window = o.coordinatorWindow;
    if (window) {
      const [a, b] = window;
      const candidates = drafts.filter((d) => d.role === "MEMBER" && isParamedical(d.profession) && d.joinedAt <= b);
      if (dedicatedCoordinator || candidates.length === 0) {
        add({ profession: "AUTRE", role: "COORDINATOR", joinedAt: a + (b - a) * between(rng, 0.1, 0.9), core: true });
      } else {
        rng.pick(candidates).role = "COORDINATOR";
      }
    }
    // A second leader, sometimes.
    const second = drafts.filter((d) => d.core && d.role === "MEMBER" && d.profession !== "AUTRE");
    if (second.length > 0 && rng.chance(0.45)) rng.pick(second).role = "LEADER";

    // A few departures (never the core, leaders or the coordinator).
    const leavers = k < 3 ? rng.int(0, 1) : k < 8 ? rng.int(0, 2) : rng.int(1, 3);
    if (H - C >= 200 * DAY_MS) {
      for (let n = 0; n < leavers; n++) {
        const joinedAt = C + between(rng, -60, (H - C) / DAY_MS - 150) * DAY_MS;
        const leftAt = joinedAt + between(rng, 60 * DAY_MS, Math.max(60 * DAY_MS, H - 4 * DAY_MS - joinedAt));
        add({ profession: rng.weighted(OTHER_MEMBER_PROFESSIONS), role: "MEMBER", joinedAt, leftAt: Math.min(leftAt, H - 4 * DAY_MS), core: false });
      }
    }
  }

  const sisa = plan.legalForm === "SISA";
  const usedLastNames = new Set<string>();
  if (o.leader) usedLastNames.add(lastNameOf(o.leader));
  let founderRank = 0;
  const dep = plan.p.departementCode;
  return drafts.map((d) => {
    const fullName = d.name ?? drawFullName(rng, d.profession, plan.fed.nameRegion, usedLastNames);
    let rpps: string | null = null;
    let adeli: string | null = null;
    const idDraw = rng.next();
    if (isRppsProfession(d.profession)) rpps = o.ids.rpps(rng);
    else if (isParamedical(d.profession)) {
      if (idDraw < 0.82) rpps = o.ids.rpps(rng);
      else if (idDraw < 0.97) adeli = o.ids.adeli(rng, dep);
    } else if (d.role !== "COORDINATOR" && idDraw < 0.5) adeli = o.ids.adeli(rng, dep);

    const associateDraw = rng.next();
    const isAssociate =
      sisa &&
      d.profession !== "AUTRE" &&
      (d.profession === "MEDECIN_GENERALISTE" || d.core || (isParamedical(d.profession) ? associateDraw < 0.7 : associateDraw < 0.5));

    const delay = between(rng, HOUR_MS, 20 * HOUR_MS);
    const addedAt = d.anchor
      ? d.joinedAt
      : d.joinedAt <= C
        ? Math.min(C + ++founderRank * between(rng, 3, 25) * 60_000, H)
        : Math.min(Math.max(d.joinedAt, C + HOUR_MS) + delay, H);
    const leftRecordedAt = d.leftAt === null ? null : Math.min(d.leftAt + between(rng, 0, 3) * DAY_MS, plan.H);
    return {
      fullName,
      profession: d.profession,
      role: d.role,
      isAssociate,
      rpps,
      adeli,
      joinedAt: d.joinedAt,
      leftAt: d.leftAt,
      addedAt,
      leftRecordedAt,
    };
  });
}
