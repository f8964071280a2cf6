import { Injectable } from "@nestjs/common";
import type { Prisma } from "@maillage/db";
import type { MilestoneDefinition, ProjectStage, ProjectScope } from "@maillage/domain";

import { isUuid } from "../../common/ids.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { scopeWhere } from "../projects/projects.repository.js";

export type Tx = Prisma.TransactionClient;

export type SubmissionRow = {
  id: string;
  projectId: string;
  milestoneKey: string;
  status: "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED";
  comment: string | null;
  fields: Record<string, string>;
  authorId: string;
  createdAt: Date;
  reviewerId: string | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
  files: { id: string; originalName: string; contentType: string; size: number; sha256: string; createdAt: Date }[];
};

export type TeamRow = {
  id: string;
  projectId: string;
  fullName: string;
  profession: string;
  rpps: string | null;
  adeli: string | null;
  role: string;
  isAssociate: boolean;
  joinedAt: Date;
  leftAt: Date | null;
};

export type StageStateRow = { stage: ProjectStage; startedAt: Date | null; completedAt: Date | null; notApplicable: boolean; notApplicableReason: string | null };

export type ProjectCore = {
  id: string;
  federationId: string;
  stage: ProjectStage;
  status: "ACTIVE" | "ON_HOLD" | "ABANDONED";
  legalForm: "ASSOCIATION_1901" | "SISA" | null;
  stageEnteredAt: Date;
};

const submissionInclude = {
  files: { select: { file: { select: { id: true, originalName: true, contentType: true, size: true, sha256: true, createdAt: true } } } },
} satisfies Prisma.SubmissionInclude;

const toSubmission = (s: Prisma.SubmissionGetPayload<{ include: typeof submissionInclude }>): SubmissionRow => ({
  id: s.id,
  projectId: s.projectId,
  milestoneKey: s.milestoneKey,
  status: s.status,
  comment: s.comment,
  fields: (s.fields ?? {}) as Record<string, string>,
  authorId: s.authorId,
  createdAt: s.createdAt,
  reviewerId: s.reviewerId,
  reviewComment: s.reviewComment,
  reviewedAt: s.reviewedAt,
  files: s.files.map((f) => f.file),
});

/** Prisma access for the pipeline: stage states, submissions, team, custom milestones, timeline. */
@Injectable()
export class PipelineRepository {
  constructor(private readonly prisma: PrismaService) {}

  get client() {
    return this.prisma.client;
  }

  /** The project's core columns, if it is in the scope. */
  async findProject(scope: ProjectScope, id: string, db: Tx | PrismaService["client"] = this.prisma.client): Promise<ProjectCore | null> {
    const scoped = scopeWhere(scope);
    if (!scoped || !isUuid(id)) return null;
    return db.mspProject.findFirst({
      where: { AND: [scoped, { id }] },
      select: { id: true, federationId: true, stage: true, status: true, legalForm: true, stageEnteredAt: true },
    });
  }

  stageStates(projectId: string, db: Tx | PrismaService["client"] = this.prisma.client): Promise<StageStateRow[]> {
    return db.projectStageState.findMany({
      where: { projectId },
      select: { stage: true, startedAt: true, completedAt: true, notApplicable: true, notApplicableReason: true },
    });
  }

  async submissions(projectId: string, db: Tx | PrismaService["client"] = this.prisma.client): Promise<SubmissionRow[]> {
    const rows = await db.submission.findMany({ where: { projectId }, include: submissionInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    return rows.map(toSubmission);
  }

  async submission(id: string): Promise<(SubmissionRow & { federationId: string }) | null> {
    if (!isUuid(id)) return null;
    const s = await this.prisma.client.submission.findUnique({ where: { id }, include: submissionInclude });
    return s ? { ...toSubmission(s), federationId: s.federationId } : null;
  }

  team(projectId: string, db: Tx | PrismaService["client"] = this.prisma.client): Promise<TeamRow[]> {
    return db.teamMember.findMany({ where: { projectId }, orderBy: [{ leftAt: { sort: "desc", nulls: "first" } }, { fullName: "asc" }] });
  }

  teamMember(id: string): Promise<(TeamRow & { federationId: string }) | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.client.teamMember.findUnique({ where: { id } });
  }

  async customMilestones(federationIds: string[], db: Tx | PrismaService["client"] = this.prisma.client): Promise<(MilestoneDefinition & { federationId: string })[]> {
    const rows = await db.milestoneDefinition.findMany({
      where: { federationId: { in: federationIds } },
      orderBy: [{ createdAt: "asc" }, { key: "asc" }],
    });
    return rows.map((r) => ({
      federationId: r.federationId,
      key: r.key,
      stage: r.stage,
      label: r.label,
      description: r.description,
      required: r.required,
      fields: [],
      isCustom: true,
      recurring: false,
    }));
  }

  async people(ids: string[]): Promise<Map<string, { id: string; displayName: string }>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.prisma.client.user.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r]));
  }

  timeline(projectId: string, first: number) {
    return this.prisma.client.auditEvent.findMany({
      where: { projectId },
      orderBy: { id: "desc" },
      take: first,
      select: { id: true, action: true, actorId: true, createdAt: true, summary: true },
    });
  }

  /** Projects of the board, in the scope, with the latest status of every (project, milestone). */
  async board(scope: ProjectScope, where: Prisma.MspProjectWhereInput) {
    const scoped = scopeWhere(scope);
    if (!scoped) return { projects: [], latest: [] as { projectId: string; milestoneKey: string; status: string }[] };
    const projects = await this.prisma.client.mspProject.findMany({
      relationLoadStrategy: "join",
      where: { AND: [scoped, where] },
      select: {
        id: true,
        federationId: true,
        name: true,
        communeName: true,
        departementCode: true,
        stage: true,
        status: true,
        stageEnteredAt: true,
        lastActivityAt: true,
        charge: { select: { displayName: true } },
      },
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      take: 5000,
    });
    // The latest submission of each milestone of these projects, in one statement whatever their number.
    const latest =
      scope.kind === "none"
        ? []
        : await this.prisma.client.$queryRaw<{ projectId: string; milestoneKey: string; status: string }[]>`
            SELECT DISTINCT ON (s."projectId", s."milestoneKey") s."projectId"::text AS "projectId", s."milestoneKey", s."status"::text AS "status"
            FROM "Submission" s
            WHERE s."federationId" = ${scope.federationId}::uuid
              AND (${scope.kind === "project" ? scope.projectId : null}::uuid IS NULL OR s."projectId" = ${scope.kind === "project" ? scope.projectId : null}::uuid)
            ORDER BY s."projectId", s."milestoneKey", s."createdAt" DESC, s."id" DESC`;
    return { projects, latest };
  }
}
