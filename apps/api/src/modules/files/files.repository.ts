import { Injectable } from "@nestjs/common";
import type { Prisma } from "@maillage/db";
import type { ProjectScope } from "@maillage/domain";

import { isUuid } from "../../common/ids.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { scopeWhere } from "../projects/projects.repository.js";

export type StoredFileRow = {
  id: string;
  federationId: string;
  projectId: string | null;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
};

export type StoredFileWrite = Omit<StoredFileRow, "id"> & { uploadedById: string };

const storedFileSelect = {
  id: true,
  federationId: true,
  projectId: true,
  sha256: true,
  size: true,
  contentType: true,
  originalName: true,
} satisfies Prisma.StoredFileSelect;


/** Stored files are reached only through a project in the actor's scope, filtered in SQL. */
function fileScopeWhere(scope: ProjectScope): Prisma.StoredFileWhereInput | null {
  const projects = scopeWhere(scope);
  if (!projects || scope.kind === "none") return null;
  return { federationId: scope.federationId, project: { is: projects } };
}

@Injectable()
export class FilesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The project if it exists within the scope; null otherwise (no existence leak). */
  async findProjectInScope(scope: ProjectScope, id: string): Promise<{ id: string; federationId: string } | null> {
    const scoped = scopeWhere(scope);
    if (!scoped || !isUuid(id)) return null;
    return this.prisma.client.mspProject.findFirst({ where: { AND: [scoped, { id }] }, select: { id: true, federationId: true } });
  }

  /** Inserts the row and runs `alsoDo` (the audit event) in the same transaction. */
  async create(data: StoredFileWrite, alsoDo: (tx: Prisma.TransactionClient, row: StoredFileRow) => Promise<void>): Promise<StoredFileRow> {
    return this.prisma.client.$transaction(async (tx) => {
      const row = await tx.storedFile.create({ data, select: storedFileSelect });
      await alsoDo(tx, row);
      return row;
    });
  }

  /** The file if its project is in the scope; null otherwise (also for a malformed id). */
  async findInScope(scope: ProjectScope, id: string): Promise<StoredFileRow | null> {
    const scoped = fileScopeWhere(scope);
    if (!scoped || !isUuid(id)) return null;
    return this.prisma.client.storedFile.findFirst({ where: { AND: [scoped, { id }] }, select: storedFileSelect });
  }

  /** Those of `ids` (UUIDs) that are files of `projectId`, within the scope. */
  async findManyOfProject(scope: ProjectScope, projectId: string, ids: string[]): Promise<StoredFileRow[]> {
    const scoped = fileScopeWhere(scope);
    if (!scoped || !isUuid(projectId) || ids.length === 0) return [];
    return this.prisma.client.storedFile.findMany({ where: { AND: [scoped, { projectId, id: { in: ids } }] }, select: storedFileSelect });
  }
}
