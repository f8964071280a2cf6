import { Injectable } from "@nestjs/common";
import {
  can,
  checklistFor,
  DEFAULT_MILESTONES,
  deriveCurrentStage,
  findMilestone,
  NOT_APPLICABLE_STAGES,
  normalizeSearchText,
  PROJECT_STAGES,
  planStageMove,
  projectScope,
  STAGE_LABELS,
  stageIndex,
  validateCustomMilestone,
  validateMilestoneFields,
  validateTeamMemberInput,
  type Actor,
  type MilestoneDefinition,
  type MilestoneState,
  type ProjectSnapshot,
  type ProjectStage,
  type StageStateSnapshot,
} from "@maillage/domain";

import { badUserInput, forbidden, notFound, stageGateNotMet, type FieldProblem } from "../../common/errors.js";
import { AuditService } from "../audit/audit.service.js";
import { FilesService } from "../files/files.service.js";
import type { ProjectFilter } from "../projects/dto/projects.args.js";
import type {
  AddMilestoneDefinitionInput,
  AddTeamMemberInput,
  AdvanceProjectStageInput,
  ReviewMilestoneInput,
  SetStageApplicabilityInput,
  SubmitMilestoneInput,
  UpdateTeamMemberInput,
} from "./dto/pipeline.inputs.js";
import type {
  BoardColumnModel,
  ChecklistItemModel,
  MilestoneDefinitionModel,
  MilestoneProgressModel,
  StageStateModel,
  SubmissionModel,
  TeamMemberModel,
  TimelineEventModel,
} from "./models/pipeline.models.js";
import { PipelineRepository, type ProjectCore, type StageStateRow, type SubmissionRow, type TeamRow, type Tx } from "./pipeline.repository.js";
import { describeEvent } from "./timeline.labels.js";

const isoDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** Status of each milestone: its latest submission's; fields: those of its latest approved submission. */
export function milestoneStates(submissions: readonly SubmissionRow[]): Record<string, MilestoneState> {
  const out: Record<string, MilestoneState> = {};
  // Newest first.
  for (const s of [...submissions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
    const state = (out[s.milestoneKey] ??= { status: s.status, approvedFields: {} });
    if (s.status === "APPROVED" && Object.keys(state.approvedFields).length === 0) state.approvedFields = { ...s.fields };
  }
  return out;
}

type Loaded = { core: ProjectCore; states: StageStateRow[]; submissions: SubmissionRow[]; team: TeamRow[]; custom: MilestoneDefinition[]; snapshot: ProjectSnapshot };

@Injectable()
export class PipelineService {
  constructor(
    private readonly repo: PipelineRepository,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  // ---- reading -------------------------------------------------------------------------------------------

  async load(actor: Actor, projectId: string, db?: Tx): Promise<Loaded> {
    const core = await this.repo.findProject(projectScope(actor), projectId, db);
    if (!core) throw notFound("Projet");
    const [stored, submissions, team, custom] = await Promise.all([
      this.repo.stageStates(core.id, db),
      this.repo.submissions(core.id, db),
      this.repo.team(core.id, db),
      this.repo.customMilestones([core.federationId], db),
    ]);
    // A project whose stage was set before stage states existed (an import, older data): the stages before its
    // stage are taken as completed when it entered it, and written as such on its next stage move.
    const states = [...stored];
    for (const stage of PROJECT_STAGES.slice(0, stageIndex(core.stage))) {
      if (!stored.some((s) => s.stage === stage)) {
        states.push({ stage, startedAt: null, completedAt: core.stageEnteredAt, notApplicable: false, notApplicableReason: null });
      }
    }
    const stageStates: Partial<Record<ProjectStage, StageStateSnapshot>> = {};
    for (const s of states) stageStates[s.stage] = { completedAt: s.completedAt, notApplicable: s.notApplicable };
    const snapshot: ProjectSnapshot = {
      stage: core.stage,
      stageStates,
      legalForm: core.legalForm,
      team: team.map((m) => ({ profession: m.profession as never, role: m.role as never, isAssociate: m.isAssociate, joinedAt: m.joinedAt, leftAt: m.leftAt })),
      milestones: milestoneStates(submissions),
      customMilestones: custom,
    };
    return { core, states, submissions, team, custom, snapshot };
  }

  stageStates(loaded: Loaded): StageStateModel[] {
    const byStage = new Map(loaded.states.map((s) => [s.stage, s]));
    return PROJECT_STAGES.map((stage) => {
      const s = byStage.get(stage);
      return {
        stage,
        label: STAGE_LABELS[stage],
        startedAt: s?.startedAt ?? null,
        completedAt: s?.completedAt ?? null,
        notApplicable: s?.notApplicable ?? false,
        notApplicableReason: s?.notApplicableReason ?? null,
        isCurrent: stage === loaded.core.stage,
        canBeNotApplicable: NOT_APPLICABLE_STAGES.includes(stage),
      };
    });
  }

  async checklist(loaded: Loaded, stage: ProjectStage = loaded.core.stage): Promise<ChecklistItemModel[]> {
    const states = loaded.snapshot.milestones;
    const submissions = await this.submissionModels(loaded.submissions);
    const latest = new Map<string, SubmissionModel>();
    for (const s of submissions) if (!latest.has(s.milestoneKey)) latest.set(s.milestoneKey, s);
    return checklistFor(stage, loaded.custom).map((def) => ({
      key: def.key,
      label: def.label,
      description: def.description,
      stage: def.stage,
      required: def.required,
      isCustom: def.isCustom,
      status: states[def.key]?.status ?? "MISSING",
      fields: def.fields.map((f) => ({ ...f })),
      lastSubmission: latest.get(def.key) ?? null,
    }));
  }

  progress(loaded: Loaded): MilestoneProgressModel {
    const required = checklistFor(loaded.core.stage, loaded.custom).filter((d) => d.required);
    return { required: required.length, approved: required.filter((d) => loaded.snapshot.milestones[d.key]?.status === "APPROVED").length };
  }

  /** Required milestones of the current stage still to be submitted or corrected: the MSP team's next steps. */
  async nextSteps(loaded: Loaded): Promise<ChecklistItemModel[]> {
    return (await this.checklist(loaded)).filter((i) => i.required && (i.status === "MISSING" || i.status === "CHANGES_REQUESTED"));
  }

  async submissionModels(rows: readonly SubmissionRow[], custom: readonly MilestoneDefinition[] = []): Promise<SubmissionModel[]> {
    const people = await this.repo.people(rows.flatMap((r) => [r.authorId, ...(r.reviewerId ? [r.reviewerId] : [])]));
    return rows.map((r) => ({
      id: r.id,
      milestoneKey: r.milestoneKey,
      milestoneLabel: findMilestone(r.milestoneKey, custom)?.label ?? r.milestoneKey,
      status: r.status,
      comment: r.comment,
      fields: Object.entries(r.fields).map(([key, value]) => ({ key, value: String(value) })),
      author: people.get(r.authorId) ?? null,
      createdAt: r.createdAt,
      reviewer: r.reviewerId ? (people.get(r.reviewerId) ?? null) : null,
      reviewComment: r.reviewComment,
      reviewedAt: r.reviewedAt,
      files: r.files.map((f) => ({ ...f, url: `/files/${f.id}` })),
    }));
  }

  team(loaded: Loaded): TeamMemberModel[] {
    return loaded.team.map(toTeamModel);
  }

  async timeline(projectId: string, first: number): Promise<TimelineEventModel[]> {
    const events = await this.repo.timeline(projectId, first);
    const people = await this.repo.people(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    return events.map((e) => {
      const { label, detail } = describeEvent(e.action, (e.summary ?? {}) as Record<string, unknown>);
      return { id: String(e.id), action: e.action, label, detail, actor: e.actorId ? (people.get(e.actorId) ?? null) : null, createdAt: e.createdAt };
    });
  }

  async catalogue(actor: Actor): Promise<MilestoneDefinitionModel[]> {
    const custom = await this.repo.customMilestones([actor.federationId]);
    return [...DEFAULT_MILESTONES, ...custom]
      .sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage))
      .map((d) => ({ key: d.key, stage: d.stage, label: d.label, description: d.description, required: d.required, isCustom: d.isCustom, fields: d.fields.map((f) => ({ ...f })) }));
  }

  /** Every project of the scope by stage, with milestone progress and last activity, in a constant number of statements. */
  async board(actor: Actor, filter: ProjectFilter | undefined): Promise<BoardColumnModel[]> {
    const text = filter?.text ? normalizeSearchText(filter.text) : "";
    const { projects, latest } = await this.repo.board(projectScope(actor), {
      AND: [
        filter?.stages?.length ? { stage: { in: filter.stages } } : {},
        filter?.statuses?.length ? { status: { in: filter.statuses } } : {},
        filter?.departementCodes?.length ? { departementCode: { in: filter.departementCodes } } : {},
        filter?.mine ? { chargeId: actor.userId } : filter?.chargeId ? { chargeId: filter.chargeId } : {},
        text ? { searchText: { contains: text } } : {},
      ],
    });
    const custom = projects.length ? await this.repo.customMilestones([...new Set(projects.map((p) => p.federationId))]) : [];
    const approved = new Set(latest.filter((l) => l.status === "APPROVED").map((l) => `${l.projectId}|${l.milestoneKey}`));
    const requiredByStage = new Map<string, MilestoneDefinition[]>();
    const requiredFor = (federationId: string, stage: ProjectStage) => {
      const k = `${federationId}|${stage}`;
      let defs = requiredByStage.get(k);
      if (!defs) {
        defs = checklistFor(stage, custom.filter((c) => c.federationId === federationId)).filter((d) => d.required);
        requiredByStage.set(k, defs);
      }
      return defs;
    };
    const columns = new Map<ProjectStage, BoardColumnModel>(PROJECT_STAGES.map((stage) => [stage, { stage, label: STAGE_LABELS[stage], count: 0, projects: [] }]));
    for (const p of projects) {
      const required = requiredFor(p.federationId, p.stage);
      const column = columns.get(p.stage);
      if (!column) continue;
      column.count++;
      column.projects.push({
        id: p.id,
        name: p.name,
        communeName: p.communeName,
        departementCode: p.departementCode,
        status: p.status,
        chargeName: p.charge?.displayName ?? null,
        milestoneProgress: { required: required.length, approved: required.filter((d) => approved.has(`${p.id}|${d.key}`)).length },
        stageEnteredAt: p.stageEnteredAt,
        lastActivityAt: p.lastActivityAt,
      });
    }
    return [...columns.values()];
  }

  // ---- changing ------------------------------------------------------------------------------------------

  /** Moves a project to another stage if the gates hold (DOMAIN.md §2.2); refuses with every unmet requirement. */
  async advance(actor: Actor, input: AdvanceProjectStageInput): Promise<string> {
    return this.repo.client.$transaction(async (tx) => {
      const loaded = await this.load(actor, input.projectId, tx);
      const { core } = loaded;
      if (!can(actor, "project.advance", { kind: "project", federationId: core.federationId, projectId: core.id })) throw forbidden();
      if (core.status !== "ACTIVE") {
        throw stageGateNotMet([{ key: "PROJECT_NOT_ACTIVE", stage: core.stage, message: "Le projet est en pause ou abandonné : réactivez-le avant de changer d'étape." }]);
      }
      const now = new Date();
      const plan = planStageMove(loaded.snapshot, input.toStage, now, { isAdmin: actor.role === "FEDERATION_ADMIN", reason: input.reason ?? null });
      if (!plan.ok) throw stageGateNotMet(plan.error.map((u) => ({ ...u })));
      const move = plan.value;
      const states = new Map(loaded.states.map((s) => [s.stage, { ...s }]));
      const touched = move.kind === "forward" ? move.complete : move.reopen;
      for (const stage of touched) {
        const s = states.get(stage) ?? { stage, startedAt: null, completedAt: null, notApplicable: false, notApplicableReason: null };
        if (move.kind === "forward") {
          s.startedAt ??= now;
          s.completedAt ??= now;
        } else {
          s.completedAt = null;
        }
        states.set(stage, s);
      }
      const derived = deriveCurrentStage(Object.fromEntries([...states.values()].map((s) => [s.stage, { completedAt: s.completedAt, notApplicable: s.notApplicable }])));
      const current = states.get(derived) ?? { stage: derived, startedAt: null, completedAt: null, notApplicable: false, notApplicableReason: null };
      current.startedAt ??= now;
      states.set(derived, current);
      for (const s of states.values()) {
        await tx.projectStageState.upsert({
          where: { projectId_stage: { projectId: core.id, stage: s.stage } },
          create: { projectId: core.id, stage: s.stage, startedAt: s.startedAt, completedAt: s.completedAt, notApplicable: s.notApplicable, notApplicableReason: s.notApplicableReason },
          update: { startedAt: s.startedAt, completedAt: s.completedAt },
        });
      }
      await tx.mspProject.update({ where: { id: core.id }, data: { stage: derived, stageEnteredAt: now, lastActivityAt: now } });
      await this.audit.record(
        {
          federationId: core.federationId,
          actorId: actor.userId,
          action: "project.stage",
          targetType: "MspProject",
          targetId: core.id,
          projectId: core.id,
          summary: { from: core.stage, to: derived, direction: move.kind, reason: input.reason?.trim() || null },
        },
        tx,
      );
      return core.id;
    });
  }

  async setApplicability(actor: Actor, input: SetStageApplicabilityInput): Promise<string> {
    return this.repo.client.$transaction(async (tx) => {
      const loaded = await this.load(actor, input.projectId, tx);
      const { core } = loaded;
      if (!can(actor, "project.advance", { kind: "project", federationId: core.federationId, projectId: core.id })) throw forbidden();
      if (!NOT_APPLICABLE_STAGES.includes(input.stage)) {
        throw badUserInput([{ field: "stage", code: "STAGE.ALWAYS_APPLICABLE", message: `L'étape « ${STAGE_LABELS[input.stage]} » ne peut pas être marquée non applicable.` }]);
      }
      const reason = input.reason?.trim() ?? "";
      if (input.notApplicable && !reason) {
        throw badUserInput([{ field: "reason", code: "STAGE.REASON_REQUIRED", message: "Indiquez pourquoi cette étape ne s'applique pas (ex. MSP multi-site « hors les murs »)." }]);
      }
      await tx.projectStageState.upsert({
        where: { projectId_stage: { projectId: core.id, stage: input.stage } },
        create: { projectId: core.id, stage: input.stage, notApplicable: input.notApplicable, notApplicableReason: input.notApplicable ? reason : null },
        update: { notApplicable: input.notApplicable, notApplicableReason: input.notApplicable ? reason : null },
      });
      const states = loaded.states.map((s) => (s.stage === input.stage ? { ...s, notApplicable: input.notApplicable } : s));
      if (!states.some((s) => s.stage === input.stage)) states.push({ stage: input.stage, startedAt: null, completedAt: null, notApplicable: input.notApplicable, notApplicableReason: null });
      for (const s of states.filter((x) => x.stage !== input.stage)) {
        await tx.projectStageState.upsert({
          where: { projectId_stage: { projectId: core.id, stage: s.stage } },
          create: { projectId: core.id, stage: s.stage, startedAt: s.startedAt, completedAt: s.completedAt, notApplicable: s.notApplicable, notApplicableReason: s.notApplicableReason },
          update: {},
        });
      }
      const derived = deriveCurrentStage(Object.fromEntries(states.map((s) => [s.stage, { completedAt: s.completedAt, notApplicable: s.notApplicable }])));
      const now = new Date();
      await tx.mspProject.update({
        where: { id: core.id },
        data: { stage: derived, lastActivityAt: now, ...(derived !== core.stage ? { stageEnteredAt: now } : {}) },
      });
      await this.audit.record(
        {
          federationId: core.federationId,
          actorId: actor.userId,
          action: "project.stage.applicability",
          targetType: "MspProject",
          targetId: core.id,
          projectId: core.id,
          summary: { stage: input.stage, notApplicable: input.notApplicable, reason: reason || null, from: core.stage, to: derived },
        },
        tx,
      );
      return core.id;
    });
  }

  /** An MSP member of the project (or staff on their behalf) submits a milestone: one transaction with its files. */
  async submit(actor: Actor, submitted: SubmitMilestoneInput): Promise<SubmissionModel> {
    const input = { ...submitted, fileIds: submitted.fileIds ?? [], fields: submitted.fields ?? [] };
    // Files are checked before the transaction (they were committed by their upload): inside it, every read must
    // go through the transaction (the embedded database has a single connection).
    const core0 = await this.repo.findProject(projectScope(actor), input.projectId);
    if (!core0) throw notFound("Projet");
    if (!can(actor, "project.submit", { kind: "project", federationId: core0.federationId, projectId: core0.id })) throw forbidden();
    const files = await this.files.findAttachable(actor, core0.id, [...new Set(input.fileIds)]);
    const created = await this.repo.client.$transaction(async (tx) => {
      const loaded = await this.load(actor, input.projectId, tx);
      const { core } = loaded;
      if (!can(actor, "project.submit", { kind: "project", federationId: core.federationId, projectId: core.id })) throw forbidden();
      if (core.status === "ABANDONED") {
        throw badUserInput([{ field: "projectId", code: "SUBMISSION.PROJECT_ABANDONED", message: "Ce projet est abandonné : aucun dépôt n'est possible." }]);
      }
      const def = findMilestone(input.milestoneKey, loaded.custom);
      if (!def) throw badUserInput([{ field: "milestoneKey", code: "SUBMISSION.UNKNOWN_MILESTONE", message: "Ce jalon n'existe pas dans le catalogue de la fédération." }]);
      const fields = validateMilestoneFields(def, input.fields, new Date());
      const errors: FieldProblem[] = fields.ok ? [] : [...fields.error];
      const comment = input.comment?.trim() || null;
      if (input.fileIds.length === 0 && input.fields.length === 0 && !comment) {
        errors.push({ field: "fileIds", code: "SUBMISSION.EMPTY", message: "Joignez au moins un document, ou renseignez le formulaire du jalon." });
      }
      if (!fields.ok || errors.length) throw badUserInput(errors);
      const submission = await tx.submission.create({
        data: {
          federationId: core.federationId,
          projectId: core.id,
          milestoneKey: def.key,
          comment,
          fields: fields.value,
          authorId: actor.userId,
          files: { create: files.map((f) => ({ fileId: f.id })) },
        },
        select: { id: true },
      });
      await tx.mspProject.update({ where: { id: core.id }, data: { lastActivityAt: new Date() } });
      await this.audit.record(
        {
          federationId: core.federationId,
          actorId: actor.userId,
          action: "milestone.submit",
          targetType: "Submission",
          targetId: submission.id,
          projectId: core.id,
          summary: { milestoneKey: def.key, milestoneLabel: def.label, files: files.map((f) => f.originalName), comment },
        },
        tx,
      );
      return { id: submission.id, custom: loaded.custom };
    });
    return this.submissionById(created.id, created.custom);
  }

  async review(actor: Actor, input: ReviewMilestoneInput): Promise<SubmissionModel> {
    const found = await this.repo.submission(input.submissionId);
    // Scope first: a submission of a project the actor cannot see does not exist for them.
    const core = found ? await this.repo.findProject(projectScope(actor), found.projectId) : null;
    if (!found || !core) throw notFound("Dépôt");
    if (!can(actor, "project.review", { kind: "project", federationId: core.federationId, projectId: core.id })) throw forbidden();
    if (found.status !== "SUBMITTED") {
      throw badUserInput([{ field: "submissionId", code: "SUBMISSION.ALREADY_REVIEWED", message: "Ce dépôt a déjà été relu." }]);
    }
    const comment = input.comment?.trim() || null;
    if (input.decision === "REQUEST_CHANGES" && !comment) {
      throw badUserInput([{ field: "comment", code: "REVIEW.COMMENT_REQUIRED", message: "Expliquez à l'équipe ce qu'il faut modifier." }]);
    }
    const custom = await this.repo.customMilestones([core.federationId]);
    await this.repo.client.$transaction(async (tx) => {
      const now = new Date();
      // Only a still-pending submission changes: two reviewers at once cannot both decide.
      const updated = await tx.submission.updateMany({
        where: { id: found.id, status: "SUBMITTED" },
        data: { status: input.decision === "APPROVE" ? "APPROVED" : "CHANGES_REQUESTED", reviewerId: actor.userId, reviewComment: comment, reviewedAt: now },
      });
      if (updated.count !== 1) throw badUserInput([{ field: "submissionId", code: "SUBMISSION.ALREADY_REVIEWED", message: "Ce dépôt a déjà été relu." }]);
      await tx.mspProject.update({ where: { id: core.id }, data: { lastActivityAt: now } });
      await this.audit.record(
        {
          federationId: core.federationId,
          actorId: actor.userId,
          action: "milestone.review",
          targetType: "Submission",
          targetId: found.id,
          projectId: core.id,
          summary: { milestoneKey: found.milestoneKey, milestoneLabel: findMilestone(found.milestoneKey, custom)?.label ?? found.milestoneKey, decision: input.decision, comment },
        },
        tx,
      );
    });
    return this.submissionById(found.id, custom);
  }

  private async submissionById(id: string, custom: readonly MilestoneDefinition[]): Promise<SubmissionModel> {
    const row = await this.repo.submission(id);
    if (!row) throw notFound("Dépôt");
    const [model] = await this.submissionModels([row], custom);
    if (!model) throw notFound("Dépôt");
    return model;
  }

  async addTeamMember(actor: Actor, input: AddTeamMemberInput): Promise<TeamMemberModel> {
    const core = await this.repo.findProject(projectScope(actor), input.projectId);
    if (!core) throw notFound("Projet");
    if (!can(actor, "project.team.manage", { kind: "project", federationId: core.federationId, projectId: core.id })) throw forbidden();
    const v = validateTeamMemberInput(input, { partial: false, now: new Date() });
    if (!v.ok) throw badUserInput([...v.error]);
    const m = v.value;
    return this.repo.client.$transaction(async (tx) => {
      const row = await tx.teamMember.create({
        data: {
          federationId: core.federationId,
          projectId: core.id,
          fullName: m.fullName ?? "",
          profession: m.profession ?? "AUTRE",
          rpps: m.rpps ?? null,
          adeli: m.adeli ?? null,
          role: m.role ?? "MEMBER",
          isAssociate: m.isAssociate ?? false,
          joinedAt: m.joinedAt ?? new Date(),
        },
      });
      await tx.mspProject.update({ where: { id: core.id }, data: { lastActivityAt: new Date() } });
      await this.audit.record(
        { federationId: core.federationId, actorId: actor.userId, action: "team.add", targetType: "TeamMember", targetId: row.id, projectId: core.id, summary: { fullName: row.fullName, profession: row.profession, role: row.role } },
        tx,
      );
      return toTeamModel(row);
    });
  }

  async updateTeamMember(actor: Actor, input: UpdateTeamMemberInput): Promise<TeamMemberModel> {
    const existing = await this.repo.teamMember(input.id);
    const core = existing ? await this.repo.findProject(projectScope(actor), existing.projectId) : null;
    if (!existing || !core) throw notFound("Membre de l'équipe");
    if (!can(actor, "project.team.manage", { kind: "project", federationId: core.federationId, projectId: core.id })) throw forbidden();
    const { id: _id, ...changes } = input;
    const v = validateTeamMemberInput(
      { ...changes, joinedAt: changes.joinedAt ?? isoDate(existing.joinedAt) ?? undefined, leftAt: changes.leftAt === undefined ? isoDate(existing.leftAt) : changes.leftAt },
      { partial: true, now: new Date() },
    );
    if (!v.ok) throw badUserInput([...v.error]);
    const m = v.value;
    return this.repo.client.$transaction(async (tx) => {
      const row = await tx.teamMember.update({
        where: { id: existing.id },
        data: {
          ...(m.fullName !== undefined ? { fullName: m.fullName } : {}),
          ...(m.profession !== undefined ? { profession: m.profession } : {}),
          ...(input.rpps !== undefined ? { rpps: m.rpps ?? null } : {}),
          ...(input.adeli !== undefined ? { adeli: m.adeli ?? null } : {}),
          ...(m.role !== undefined ? { role: m.role } : {}),
          ...(m.isAssociate !== undefined ? { isAssociate: m.isAssociate } : {}),
          ...(m.joinedAt !== undefined ? { joinedAt: m.joinedAt } : {}),
          ...(input.leftAt !== undefined ? { leftAt: m.leftAt ?? null } : {}),
        },
      });
      await tx.mspProject.update({ where: { id: core.id }, data: { lastActivityAt: new Date() } });
      await this.audit.record(
        { federationId: core.federationId, actorId: actor.userId, action: row.leftAt && !existing.leftAt ? "team.leave" : "team.update", targetType: "TeamMember", targetId: row.id, projectId: core.id, summary: { fullName: row.fullName, profession: row.profession, leftAt: isoDate(row.leftAt) } },
        tx,
      );
      return toTeamModel(row);
    });
  }

  async addMilestoneDefinition(actor: Actor, input: AddMilestoneDefinitionInput): Promise<MilestoneDefinitionModel> {
    if (!can(actor, "milestone.define", { kind: "federation", federationId: actor.federationId })) throw forbidden();
    const existing = await this.repo.customMilestones([actor.federationId]);
    const v = validateCustomMilestone(input, existing.map((e) => e.key));
    if (!v.ok) throw badUserInput([...v.error]);
    const row = await this.repo.client.milestoneDefinition.create({
      data: { federationId: actor.federationId, key: v.value.key, stage: v.value.stage, label: v.value.label, description: v.value.description, required: v.value.required, createdById: actor.userId },
    });
    await this.audit.record({ federationId: actor.federationId, actorId: actor.userId, action: "milestone.define", targetType: "MilestoneDefinition", targetId: row.id, summary: { key: row.key, stage: row.stage, label: row.label, required: row.required } });
    return { key: row.key, stage: row.stage, label: row.label, description: row.description, required: row.required, isCustom: true, fields: [] };
  }
}

function toTeamModel(m: TeamRow): TeamMemberModel {
  return {
    id: m.id,
    fullName: m.fullName,
    profession: m.profession as TeamMemberModel["profession"],
    rpps: m.rpps,
    adeli: m.adeli,
    role: m.role as TeamMemberModel["role"],
    isAssociate: m.isAssociate,
    joinedAt: isoDate(m.joinedAt) ?? "",
    leftAt: isoDate(m.leftAt),
  };
}
