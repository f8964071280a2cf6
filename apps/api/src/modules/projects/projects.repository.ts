import { Injectable } from "@nestjs/common";
import type { Prisma } from "@maillage/db";
import type { ProjectScope, ProjectStage, ProjectStatus } from "@maillage/domain";

import { isUuid } from "../../common/ids.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import type { ProjectModel } from "./models/project.model.js";

export type ProjectListFilter = {
  stages?: ProjectStage[];
  statuses?: ProjectStatus[];
  departementCodes?: string[];
  chargeId?: string;
  /** Already normalized (normalizeSearchText). */
  searchText?: string;
};

export type ProjectWrite = {
  name?: string;
  communeCode?: string;
  communeName?: string;
  cogYear?: number;
  departementCode?: string;
  searchText?: string;
  chargeId?: string | null;
  status?: ProjectStatus;
  statusReason?: string | null;
  legalForm?: "ASSOCIATION_1901" | "SISA" | null;
  lastActivityAt?: Date;
};

export const projectInclude = {
  departement: { select: { code: true, name: true, region: { select: { code: true, name: true } } } },
  charge: { select: { id: true, displayName: true, email: true, role: true } },
} satisfies Prisma.MspProjectInclude;

/**
 * The scope filter, applied in SQL to every project query: a forgotten check returns nothing rather than
 * everything (ARCHITECTURE.md, "Security model"). Null means the actor may see no project at all.
 */
export function scopeWhere(scope: ProjectScope): Prisma.MspProjectWhereInput | null {
  switch (scope.kind) {
    case "none":
      return null;
    case "federation":
      return { federationId: scope.federationId };
    case "project":
      return { federationId: scope.federationId, id: scope.projectId };
  }
}

@Injectable()
export class ProjectsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One page in (name, id) order, after the keyset cursor, plus the total count of matching projects. */
  async list(
    scope: ProjectScope,
    filter: ProjectListFilter,
    page: { first: number; after: [string, string] | null },
  ): Promise<{ rows: ProjectModel[]; totalCount: number; hasNextPage: boolean }> {
    const scoped = scopeWhere(scope);
    if (!scoped) return { rows: [], totalCount: 0, hasNextPage: false };
    const where: Prisma.MspProjectWhereInput = {
      AND: [
        scoped,
        filter.stages?.length ? { stage: { in: filter.stages } } : {},
        filter.statuses?.length ? { status: { in: filter.statuses } } : {},
        filter.departementCodes?.length ? { departementCode: { in: filter.departementCodes } } : {},
        filter.chargeId ? { chargeId: filter.chargeId } : {},
        filter.searchText ? { searchText: { contains: filter.searchText } } : {},
      ],
    };
    const after = page.after;
    const pageWhere: Prisma.MspProjectWhereInput = after
      ? { AND: [where, { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] }] }
      : where;
    const [rows, totalCount] = await Promise.all([
      this.prisma.client.mspProject.findMany({
        relationLoadStrategy: "join",
        where: pageWhere,
        include: projectInclude,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: page.first + 1,
      }),
      this.prisma.client.mspProject.count({ where }),
    ]);
    return { rows: rows.slice(0, page.first), totalCount, hasNextPage: rows.length > page.first };
  }

  /** The project if it exists within the scope; null otherwise (no existence leak). */
  async findInScope(scope: ProjectScope, id: string): Promise<ProjectModel | null> {
    const scoped = scopeWhere(scope);
    if (!scoped || !isUuid(id)) return null;
    return this.prisma.client.mspProject.findFirst({ relationLoadStrategy: "join", where: { AND: [scoped, { id }] }, include: projectInclude });
  }

  async create(federationId: string, data: Required<Pick<ProjectWrite, "name" | "communeCode" | "communeName" | "cogYear" | "departementCode" | "searchText" | "chargeId">>): Promise<ProjectModel> {
    return this.prisma.client.mspProject.create({
      data: { ...data, federationId },
      include: projectInclude,
    });
  }

  async update(id: string, data: ProjectWrite): Promise<ProjectModel> {
    return this.prisma.client.mspProject.update({ where: { id }, data, include: projectInclude });
  }
}
