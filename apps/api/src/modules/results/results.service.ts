import { Injectable } from "@nestjs/common";
import { can, projectScope, type Actor } from "@maillage/domain";

import { badUserInput, forbidden, notFound } from "../../common/errors.js";
import { isUuid } from "../../common/ids.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { AuditService } from "../audit/audit.service.js";
import { scopeWhere } from "../projects/projects.repository.js";
import type { PeriodDecisionInput, SaveResultPeriodInput } from "./dto/result-period.inputs.js";
import type { ResultPeriodModel } from "./models/result-period.model.js";

const MAX_INPUT_BYTES = 100_000;

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
  ) {}

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
    return (await this.prisma.client.resultPeriod.findMany({ where: { projectId: p.id }, orderBy: [{ year: "desc" }, { programme: "asc" }] })) as ResultPeriodModel[];
  }

  /** Creates or edits a draft (or a returned period). */
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
      const saved = existing
        ? await tx.resultPeriod.update({ where: { id: existing.id }, data: { inputs: input.inputs as object, status: "DRAFT" } })
        : await tx.resultPeriod.create({ data: { federationId: p.federationId, projectId: p.id, programme: input.programme, year: input.year, inputs: input.inputs as object } });
      await this.audit.record(
        { federationId: p.federationId, actorId: actor.userId, action: existing ? "results.update" : "results.create", targetType: "ResultPeriod", targetId: saved.id, projectId: p.id, summary: { programme: saved.programme, year: saved.year } },
        tx,
      );
      return saved as ResultPeriodModel;
    });
  }

  async submit(actor: Actor, input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    const period = await this.period(actor, input.id);
    if (!can(actor, "results.edit", { kind: "project", federationId: period.federationId, projectId: period.projectId })) throw forbidden();
    if (period.status !== "DRAFT" && period.status !== "RETURNED") {
      throw badUserInput([{ field: "id", code: "PERIOD.NOT_A_DRAFT", message: "Seul un brouillon (ou une période renvoyée) peut être transmis." }]);
    }
    return this.transition(actor, period, "SUBMITTED", "results.submit", { submittedAt: new Date(), returnComment: null });
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
      const saved = await tx.resultPeriod.update({ where: { id: period.id }, data: { status: "DRAFT", approvedAt: null, approvedById: null } });
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
  ): Promise<ResultPeriodModel> {
    return this.prisma.client.$transaction(async (tx) => {
      // Only from the status we checked: two decisions at once cannot both apply.
      const changed = await tx.resultPeriod.updateMany({ where: { id: period.id, status: period.status as never }, data: { status, ...data } });
      if (changed.count !== 1) throw badUserInput([{ field: "id", code: "PERIOD.CHANGED", message: "La période vient d'être modifiée : rechargez la page." }]);
      await this.audit.record(
        { federationId: period.federationId, actorId: actor.userId, action, targetType: "ResultPeriod", targetId: period.id, projectId: period.projectId, summary: { programme: period.programme, year: period.year, from: period.status, to: status, comment: data.returnComment ?? null } },
        tx,
      );
      return (await tx.resultPeriod.findUniqueOrThrow({ where: { id: period.id } })) as ResultPeriodModel;
    });
  }
}
