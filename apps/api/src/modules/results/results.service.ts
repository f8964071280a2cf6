import { Injectable } from "@nestjs/common";
import {
  can,
  clampPageSize,
  decodeCursor,
  encodeCursor,
  evaluatePeriod,
  projectScope,
  validatePeriodInputs,
  type Actor,
  type FieldError,
  type PeriodSummary,
  type Programme,
  type ResultsReferenceData,
} from "@maillage/domain";

import { badUserInput, forbidden, notFound } from "../../common/errors.js";
import { isUuid } from "../../common/ids.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { AuditService } from "../audit/audit.service.js";
import { scopeWhere } from "../projects/projects.repository.js";
import { ReferenceDataService } from "../reference-data/reference-data.service.js";
import type { PeriodDecisionInput, ResultPeriodsForReviewArgs, SaveResultPeriodInput } from "./dto/result-period.inputs.js";
import type { ResultPeriodConnectionModel, ResultPeriodModel, ResultPeriodSummaryModel } from "./models/result-period.model.js";

const MAX_INPUT_BYTES = 100_000;

/** Every period answered carries its project's id and name (the review list shows the MSP). */
const WITH_PROJECT = { project: { select: { id: true, name: true } } } as const;

/** What `evaluatePeriod` gives to store beside the inputs: outputs and the reference id, or `{}` / null while invalid. */
type Evaluation = { outputs: object; ruleSetId: string | null; errors: FieldError[] };

/** Review-queue cursor: (submittedAt in ms, or "" when never submitted; id). */
const cursorOf = (p: { submittedAt: Date | null; id: string }) => encodeCursor([p.submittedAt ? p.submittedAt.getTime() : "", p.id]);

/** Staff of the federation review periods (DOMAIN.md §2.5: the federation follows its MSPs' ACI year); chargés read only. */
const canReadReviewQueue = (actor: Actor): boolean => can(actor, "results.overview");

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The yearly result periods of running MSPs: DRAFT → SUBMITTED → APPROVED (locked) or RETURNED. The MSP team (or
 * a chargé on its behalf) edits drafts; only a federation admin approves, returns or unlocks — and the database
 * itself refuses any change to an approved period outside an audited unlock (migration "result_periods").
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  /**
   * The calculators on a period's inputs (DOMAIN.md §3.4 ACI, §4.4 PEPS, §5.2 IPEP) with the federation's reference
   * data: outputs and reference id when the inputs are complete and valid, otherwise `{}`, null and every field error.
   */
  private evaluate(programme: string, year: number, inputs: unknown, ref: ResultsReferenceData, now: Date): Evaluation {
    const r = evaluatePeriod(programme as Programme, year, inputs, ref, now);
    if (!r.ok) return { outputs: {}, ruleSetId: null, errors: [...r.error] };
    return { outputs: r.value.outputs as object, ruleSetId: r.value.referenceId, errors: [] };
  }

  /** The field errors of a period's current inputs (empty when it could be submitted). */
  async validationErrors(period: { federationId: string; programme: string; year: number; inputs: unknown }, cacheKey?: object): Promise<FieldError[]> {
    const ref = await this.referenceData.forFederation(period.federationId, cacheKey ? { cacheKey } : {});
    const r = validatePeriodInputs(period.programme as Programme, period.year, period.inputs, ref, new Date());
    return r.ok ? [] : [...r.error];
  }

  private async project(actor: Actor, projectId: string) {
    const scoped = scopeWhere(projectScope(actor));
    if (!scoped || !isUuid(projectId)) throw notFound("Projet");
    const p = await this.prisma.client.mspProject.findFirst({ where: { AND: [scoped, { id: projectId }] }, select: { id: true, federationId: true } });
    if (!p) throw notFound("Projet");
    return p;
  }

  private async period(actor: Actor, id: string) {
    const scoped = scopeWhere(projectScope(actor));
    if (!scoped || !isUuid(id)) throw notFound("Période");
    const p = await this.prisma.client.resultPeriod.findFirst({ where: { id, project: scoped } });
    if (!p) throw notFound("Période");
    return p;
  }

  async list(actor: Actor, projectId: string): Promise<ResultPeriodModel[]> {
    const p = await this.project(actor, projectId);
    return (await this.prisma.client.resultPeriod.findMany({
      where: { projectId: p.id },
      orderBy: [{ year: "desc" }, { programme: "asc" }],
      include: WITH_PROJECT,
    })) as ResultPeriodModel[];
  }

  /**
   * Creates or edits a draft (or a returned period). A draft keeps whatever the user typed, complete or not; when the
   * inputs are complete and valid, the outputs and the reference id are computed and stored with them.
   */
  async save(actor: Actor, input: SaveResultPeriodInput, now = new Date()): Promise<ResultPeriodModel> {
    const p = await this.project(actor, input.projectId);
    if (!can(actor, "results.edit", { kind: "project", federationId: p.federationId, projectId: p.id })) throw forbidden();
    if (input.year > now.getUTCFullYear()) {
      throw badUserInput([{ field: "year", code: "PERIOD.YEAR_IN_FUTURE", message: "L'année de la période ne peut pas être dans le futur." }]);
    }
    if (JSON.stringify(input.inputs).length > MAX_INPUT_BYTES) {
      throw badUserInput([{ field: "inputs", code: "PERIOD.INPUTS_TOO_LARGE", message: "Les données saisies sont trop volumineuses." }]);
    }
    const existing = await this.prisma.client.resultPeriod.findUnique({ where: { projectId_programme_year: { projectId: p.id, programme: input.programme, year: input.year } } });
    if (existing && (existing.status === "APPROVED" || existing.status === "SUBMITTED")) {
      throw badUserInput([
        {
          field: "year",
          code: existing.status === "APPROVED" ? "PERIOD.LOCKED" : "PERIOD.ALREADY_SUBMITTED",
          message: existing.status === "APPROVED" ? "Cette période est validée et verrouillée." : "Cette période a été transmise : attendez la décision de la fédération.",
        },
      ]);
    }
    return this.prisma.client.$transaction(async (tx) => {
      const ref = await this.referenceData.forFederation(p.federationId, { tx });
      const { outputs, ruleSetId } = this.evaluate(input.programme, input.year, input.inputs, ref, now);
      const saved = existing
        ? await tx.resultPeriod.update({ where: { id: existing.id }, data: { inputs: input.inputs as object, outputs, ruleSetId, status: "DRAFT" }, include: WITH_PROJECT })
        : await tx.resultPeriod.create({
            data: { federationId: p.federationId, projectId: p.id, programme: input.programme, year: input.year, inputs: input.inputs as object, outputs, ruleSetId },
            include: WITH_PROJECT,
          });
      await this.audit.record(
        {
          federationId: p.federationId,
          actorId: actor.userId,
          action: existing ? "results.update" : "results.create",
          targetType: "ResultPeriod",
          targetId: saved.id,
          projectId: p.id,
          summary: { programme: saved.programme, year: saved.year, complete: ruleSetId !== null, ruleSetId },
        },
        tx,
      );
      return saved as ResultPeriodModel;
    });
  }

  /**
   * Sends a draft to the federation: refused with every French field error while `evaluatePeriod` fails (nothing
   * changes); otherwise the outputs and the reference id are stored in the same transaction as the status change.
   */
  async submit(actor: Actor, input: PeriodDecisionInput, now = new Date()): Promise<ResultPeriodModel> {
    const period = await this.period(actor, input.id);
    if (!can(actor, "results.edit", { kind: "project", federationId: period.federationId, projectId: period.projectId })) throw forbidden();
    if (period.status !== "DRAFT" && period.status !== "RETURNED") {
      throw badUserInput([{ field: "id", code: "PERIOD.NOT_A_DRAFT", message: "Seul un brouillon (ou une période renvoyée) peut être transmis." }]);
    }
    return this.transition(actor, period, "SUBMITTED", "results.submit", { submittedAt: now, returnComment: null }, async (tx) => {
      const ref = await this.referenceData.forFederation(period.federationId, { tx });
      const evaluation = this.evaluate(period.programme, period.year, period.inputs, ref, now);
      if (evaluation.errors.length > 0) throw badUserInput(evaluation.errors);
      return { outputs: evaluation.outputs, ruleSetId: evaluation.ruleSetId };
    });
  }

  async approve(actor: Actor, input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    const period = await this.period(actor, input.id);
    if (!can(actor, "results.approve", { kind: "project", federationId: period.federationId, projectId: period.projectId })) throw forbidden();
    if (period.status !== "SUBMITTED") throw badUserInput([{ field: "id", code: "PERIOD.NOT_SUBMITTED", message: "Seule une période transmise peut être validée." }]);
    return this.transition(actor, period, "APPROVED", "results.approve", { approvedAt: new Date(), approvedById: actor.userId });
  }

  async return(actor: Actor, input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    const period = await this.period(actor, input.id);
    if (!can(actor, "results.approve", { kind: "project", federationId: period.federationId, projectId: period.projectId })) throw forbidden();
    if (period.status !== "SUBMITTED") throw badUserInput([{ field: "id", code: "PERIOD.NOT_SUBMITTED", message: "Seule une période transmise peut être renvoyée." }]);
    const comment = input.comment?.trim();
    if (!comment) throw badUserInput([{ field: "comment", code: "PERIOD.COMMENT_REQUIRED", message: "Expliquez à l'équipe ce qu'il faut corriger." }]);
    return this.transition(actor, period, "RETURNED", "results.return", { returnComment: comment });
  }

  /** Reopens an approved period as a draft: admins only, with a reason, audited; the lock is lifted for that row only. */
  async unlock(actor: Actor, input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    const period = await this.period(actor, input.id);
    if (!can(actor, "results.approve", { kind: "project", federationId: period.federationId, projectId: period.projectId })) throw forbidden();
    if (period.status !== "APPROVED") throw badUserInput([{ field: "id", code: "PERIOD.NOT_APPROVED", message: "Seule une période validée peut être déverrouillée." }]);
    const reason = input.comment?.trim();
    if (!reason) throw badUserInput([{ field: "comment", code: "PERIOD.REASON_REQUIRED", message: "Indiquez la raison du déverrouillage." }]);
    return this.prisma.client.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('maillage.unlock_period', ${period.id}, true)`;
      const saved = await tx.resultPeriod.update({ where: { id: period.id }, data: { status: "DRAFT", approvedAt: null, approvedById: null }, include: WITH_PROJECT });
      await this.audit.record(
        { federationId: period.federationId, actorId: actor.userId, action: "results.unlock", targetType: "ResultPeriod", targetId: period.id, projectId: period.projectId, summary: { programme: period.programme, year: period.year, reason } },
        tx,
      );
      return saved as ResultPeriodModel;
    });
  }

  private transition(
    actor: Actor,
    period: { id: string; federationId: string; projectId: string; programme: string; year: number; status: string },
    status: "SUBMITTED" | "APPROVED" | "RETURNED",
    action: string,
    data: Record<string, unknown>,
    extra?: (tx: Tx) => Promise<Record<string, unknown>>,
  ): Promise<ResultPeriodModel> {
    return this.prisma.client.$transaction(async (tx) => {
      const more = extra ? await extra(tx) : {};
      // Only from the status we checked: two decisions at once cannot both apply.
      const changed = await tx.resultPeriod.updateMany({ where: { id: period.id, status: period.status as never }, data: { status, ...data, ...more } });
      if (changed.count !== 1) throw badUserInput([{ field: "id", code: "PERIOD.CHANGED", message: "La période vient d'être modifiée : rechargez la page." }]);
      await this.audit.record(
        { federationId: period.federationId, actorId: actor.userId, action, targetType: "ResultPeriod", targetId: period.id, projectId: period.projectId, summary: { programme: period.programme, year: period.year, from: period.status, to: status, comment: data.returnComment ?? null } },
        tx,
      );
      return (await tx.resultPeriod.findUniqueOrThrow({ where: { id: period.id }, include: WITH_PROJECT })) as ResultPeriodModel;
    });
  }

  /**
   * The federation's review queue (staff only; chargés read it, admins decide): its periods in one status
   * (SUBMITTED by default), most recently submitted first, by keyset pages.
   */
  async forReview(actor: Actor, args: ResultPeriodsForReviewArgs): Promise<ResultPeriodConnectionModel> {
    if (!canReadReviewQueue(actor)) throw forbidden();
    const scoped = scopeWhere(projectScope(actor));
    if (!scoped) throw forbidden();
    const where = { federationId: actor.federationId, status: args.status ?? "SUBMITTED", project: scoped };
    let after: { submittedAt: Date | null; id: string } | null = null;
    if (args.after) {
      const v = decodeCursor(args.after);
      const [at, id] = v ?? [];
      if (!v || v.length !== 2 || typeof id !== "string" || !(at === "" || typeof at === "number")) {
        throw badUserInput([{ field: "after", code: "INVALID_CURSOR", message: "Curseur de pagination invalide." }]);
      }
      after = { submittedAt: at === "" ? null : new Date(at), id };
    }
    const first = clampPageSize(args.first ?? undefined);
    // (submittedAt desc nulls last, id desc): rows strictly after the cursor.
    const afterWhere = after
      ? after.submittedAt
        ? { OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }, { submittedAt: null }] }
        : { submittedAt: null, id: { lt: after.id } }
      : {};
    const [rows, totalCount] = await Promise.all([
      this.prisma.client.resultPeriod.findMany({
        where: { AND: [where, afterWhere] },
        orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
        take: first + 1,
        include: WITH_PROJECT,
      }),
      this.prisma.client.resultPeriod.count({ where }),
    ]);
    const page = rows.slice(0, first) as ResultPeriodModel[];
    const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

type Tx = Parameters<Parameters<PrismaService["client"]["$transaction"]>[0]>[0];

/** The typed summary of stored outputs (outputs.summary, see PeriodSummary); null while the period has none. */
export function summaryOf(outputs: unknown): ResultPeriodSummaryModel | null {
  if (!isRecord(outputs) || !isRecord(outputs.summary)) return null;
  const s = outputs.summary as Partial<Record<keyof PeriodSummary, unknown>>;
  const patients = num(s.patients);
  const computedEur = num(s.computedEur);
  if (typeof s.referenceId !== "string" || patients === null || computedEur === null) return null;
  return {
    referenceId: s.referenceId,
    illustrative: s.illustrative === true,
    patients,
    computedEur,
    perPatientEur: num(s.perPatientEur) ?? 0,
    receivedEur: num(s.receivedEur),
    feeForServiceEquivalentEur: num(s.feeForServiceEquivalentEur),
    score: num(s.score),
  };
}
