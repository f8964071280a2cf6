import { Injectable } from "@nestjs/common";
import {
  can,
  clampPageSize,
  decodeCursor,
  encodeCursor,
  normalizeSearchText,
  projectScope,
  validateProjectInput,
  type Actor,
  type FieldError,
} from "@maillage/domain";
import { COG_YEAR } from "@maillage/db";

import { badUserInput, forbidden, notFound } from "../../common/errors.js";
import { AuditService } from "../audit/audit.service.js";
import { TerritoriesService } from "../territories/territories.service.js";
import { UsersRepository } from "../users/users.repository.js";
import type { CreateProjectInput, UpdateProjectInput } from "./dto/project.inputs.js";
import type { ProjectFilter } from "./dto/projects.args.js";
import type { ProjectConnectionModel, ProjectModel } from "./models/project.model.js";
import { ProjectsRepository, type ProjectWrite } from "./projects.repository.js";

/** What the text filter matches: the project's name and its commune, accent- and case-insensitive. */
const searchTextOf = (name: string, communeName: string) => normalizeSearchText(`${name} ${communeName}`);

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly territories: TerritoriesService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, filter: ProjectFilter | undefined, first: number, after: string | undefined): Promise<ProjectConnectionModel> {
    let cursor: [string, string] | null = null;
    if (after) {
      const decoded = decodeCursor(after);
      if (!decoded || decoded.length !== 2 || typeof decoded[0] !== "string" || typeof decoded[1] !== "string") {
        throw badUserInput([{ field: "after", code: "INVALID_CURSOR", message: "Curseur de pagination invalide." }]);
      }
      cursor = [decoded[0], decoded[1]];
    }
    const text = filter?.text ? normalizeSearchText(filter.text) : "";
    const page = await this.projects.list(
      projectScope(actor),
      {
        stages: filter?.stages,
        statuses: filter?.statuses,
        departementCodes: filter?.departementCodes,
        chargeId: filter?.mine ? actor.userId : filter?.chargeId,
        searchText: text || undefined,
      },
      { first: clampPageSize(first, { default: 25, max: 100 }), after: cursor },
    );
    const edges = page.rows.map((node) => ({ node, cursor: encodeCursor([node.name, node.id]) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** A project in the actor's scope; NOT_FOUND otherwise, whether it exists elsewhere or not. */
  async get(actor: Actor, id: string): Promise<ProjectModel> {
    const project = await this.projects.findInScope(projectScope(actor), id);
    if (!project) throw notFound("Projet");
    return project;
  }

  async create(actor: Actor, input: CreateProjectInput): Promise<ProjectModel> {
    if (!can(actor, "project.create", { kind: "federation", federationId: actor.federationId })) throw forbidden();
    const write = await this.validate(actor, input, false);
    write.searchText = searchTextOf(write.name ?? "", write.communeName ?? "");
    const created = await this.projects.create(actor.federationId, {
      name: write.name ?? "",
      communeCode: write.communeCode ?? "",
      communeName: write.communeName ?? "",
      cogYear: write.cogYear ?? COG_YEAR,
      departementCode: write.departementCode ?? "",
      searchText: write.searchText ?? "",
      chargeId: write.chargeId ?? null,
    });
    await this.audit.record({
      federationId: actor.federationId,
      actorId: actor.userId,
      action: "project.create",
      targetType: "MspProject",
      targetId: created.id,
      projectId: created.id,
      summary: { after: { name: created.name, communeCode: created.communeCode, chargeId: created.charge?.id ?? null } },
    });
    return created;
  }

  async update(actor: Actor, input: UpdateProjectInput): Promise<ProjectModel> {
    const existing = await this.get(actor, input.id);
    if (!can(actor, "project.update", { kind: "project", federationId: actor.federationId, projectId: existing.id })) throw forbidden();
    const write = await this.validate(actor, input, true);
    if (input.status !== undefined && input.status !== existing.status) {
      const reason = input.statusReason?.trim() ?? "";
      if (input.status !== "ACTIVE" && !reason) {
        throw badUserInput([{ field: "statusReason", code: "PROJECT.STATUS_REASON_REQUIRED", message: "Indiquez la raison de la mise en pause ou de l'abandon." }]);
      }
      write.status = input.status;
      write.statusReason = input.status === "ACTIVE" ? null : reason;
    }
    if (input.legalForm !== undefined) write.legalForm = input.legalForm;
    write.lastActivityAt = new Date();
    if (write.name !== undefined || write.communeName !== undefined) {
      write.searchText = searchTextOf(write.name ?? existing.name, write.communeName ?? existing.communeName);
    }
    const updated = await this.projects.update(existing.id, write);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const compare = {
      name: [existing.name, updated.name],
      communeCode: [existing.communeCode, updated.communeCode],
      chargeId: [existing.charge?.id ?? null, updated.charge?.id ?? null],
      status: [existing.status, updated.status],
      statusReason: [existing.statusReason, updated.statusReason],
      legalForm: [existing.legalForm, updated.legalForm],
    };
    for (const [key, [b, a]] of Object.entries(compare)) {
      if (b !== a) {
        before[key] = b;
        after[key] = a;
      }
    }
    await this.audit.record({
      federationId: actor.federationId,
      actorId: actor.userId,
      action: "project.update",
      targetType: "MspProject",
      targetId: updated.id,
      projectId: updated.id,
      summary: { before, after },
    });
    return updated;
  }

  /** Domain validation (every field, every error) plus the federation's own territory. */
  private async validate(actor: Actor, input: { name?: string; communeCode?: string; chargeId?: string | null }, partial: boolean): Promise<ProjectWrite> {
    const [staff, departements] = await Promise.all([
      input.chargeId ? this.users.listStaff(actor.federationId) : Promise.resolve([]),
      this.territories.federationDepartements(actor.federationId),
    ]);
    const staffIds = new Set(staff.map((s) => s.id));
    const result = validateProjectInput(input, {
      communeExists: (code) => this.territories.commune(code) !== undefined,
      isAssignableCharge: (id) => staffIds.has(id),
      partial,
    });
    const errors: FieldError[] = result.ok ? [] : [...result.error];
    const communeCode = result.ok ? result.value.communeCode : undefined;
    const commune = communeCode ? this.territories.commune(communeCode) : undefined;
    if (commune && !departements.some((d) => d.code === commune.departementCode)) {
      errors.push({ field: "communeCode", code: "PROJECT.COMMUNE_OUTSIDE_FEDERATION", message: "Cette commune n'est pas dans un département couvert par la fédération." });
    }
    if (!result.ok || errors.length) throw badUserInput(errors);
    const v = result.value;
    const write: ProjectWrite = {};
    if (v.name !== undefined) write.name = v.name;
    if (commune) {
      write.communeCode = commune.code;
      write.communeName = commune.name;
      write.departementCode = commune.departementCode;
      write.cogYear = COG_YEAR;
    }
    if (input.chargeId !== undefined) write.chargeId = v.chargeId ?? null;
    return write;
  }
}
