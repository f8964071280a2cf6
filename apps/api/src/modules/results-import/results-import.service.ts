import { Injectable } from "@nestjs/common";
import {
  can,
  evaluatePeriodCandidate,
  ID_HEADER,
  parsePeriodSheet,
  periodSheetTemplate,
  projectScope,
  PROGRAMMES,
  rejectedWithMessage,
  YEAR_HEADER,
  type Actor,
  type PeriodCandidate,
  type Programme,
  type SheetLineError,
} from "@maillage/domain";

import { isUuid } from "../../common/ids.js";
import type { SheetTable } from "../../common/spreadsheet.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { AuditService } from "../audit/audit.service.js";
import { scopeWhere } from "../projects/projects.repository.js";
import { ReferenceDataService } from "../reference-data/reference-data.service.js";
import { importErrors, ImportRouteError } from "./results-import.errors.js";

export const IMPORT_MODES = ["ALL_OR_NOTHING", "VALID_ROWS"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type ImportLineReport = {
  line: number;
  status: "OK" | "REJECTED";
  projectName: string | null;
  year: number | null;
  errors: { column: string | null; message: string }[];
};

/** The answer of POST /results/import: counts of lines (accepted, rejected), periods written (imported), and every line. */
export type ImportReport = {
  dryRun: boolean;
  mode: ImportMode;
  programme: Programme;
  accepted: number;
  rejected: number;
  imported: number;
  /** Lines with nothing to import (only the MSP and the template's pre-filled cells). */
  ignored: number;
  lines: ImportLineReport[];
};

/** Stages at which an MSP reports yearly results: the ACI is signed (DOMAIN.md §2.5, §3.2) or it runs. */
const REPORTING_STAGES = ["SIGNATURE_ACI", "EN_FONCTIONNEMENT"] as const;

const MESSAGES = {
  unknownProject: "MSP inconnue : vérifiez l'identifiant (celui du modèle téléchargé).",
  locked: "Période transmise ou validée : non modifiable.",
} as const;

/**
 * Only federation staff import (the federation transcribes the spreadsheets it receives, issue "Results of running
 * MSPs"); per project the domain policy decides: `results.edit` (chargés) or `results.approve` (admins, who decide on
 * periods and so may also enter them for their federation).
 */
const isStaff = (actor: Actor): boolean => can(actor, "results.overview");

type Target = { kind: "project"; federationId: string; projectId: string };
const mayImportFor = (actor: Actor, target: Target): boolean =>
  isStaff(actor) && (can(actor, "results.edit", target) || can(actor, "results.approve", target));

export const parseProgramme = (value: unknown): Programme => {
  if (typeof value === "string" && (PROGRAMMES as readonly string[]).includes(value)) return value as Programme;
  throw importErrors.badInput("Indiquez le dispositif : programme=PEPS, IPEP ou ACI.");
};

/**
 * Import of result periods from CSV/XLSX (issue "Results of running MSPs"): the domain reads the sheet
 * (`parsePeriodSheet`) and validates and computes each period (`evaluatePeriodCandidate`, DOMAIN.md §3.4, §4.4, §5.2);
 * this service checks who may write which MSP, refuses periods already submitted or approved, and writes every period
 * with its outputs in one transaction with an audit event each, plus one summary event.
 */
@Injectable()
export class ResultsImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  assertStaff(actor: Actor): void {
    if (!isStaff(actor)) throw importErrors.forbidden();
  }

  /** The template of a programme, pre-filled with the caller's federation's MSPs that report results (id + name). */
  async template(actor: Actor, programme: Programme): Promise<{ headers: string[]; rows: (string | number | null)[][] }> {
    this.assertStaff(actor);
    const scoped = scopeWhere(projectScope(actor));
    if (!scoped) throw importErrors.forbidden();
    const projects = await this.prisma.client.mspProject.findMany({
      where: { AND: [scoped, { federationId: actor.federationId, stage: { in: [...REPORTING_STAGES] }, status: { not: "ABANDONED" } }] },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const ref = await this.referenceData.forFederation(actor.federationId);
    return periodSheetTemplate(programme, ref, projects);
  }

  async import(
    actor: Actor,
    options: { programme: Programme; mode: ImportMode; dryRun: boolean; fileName: string },
    table: SheetTable,
    now = new Date(),
  ): Promise<ImportReport> {
    this.assertStaff(actor);
    const { programme, mode, dryRun } = options;
    const parsed = parsePeriodSheet(programme, table);
    const fileErrors = parsed.errors.filter((e) => e.line === 1 || (parsed.lines.length === 0 && e.column === null));
    if (fileErrors.length > 0) {
      throw importErrors.badInput(fileErrors.map((e) => e.message).join(" "), fileErrors);
    }
    const scoped = scopeWhere(projectScope(actor));
    if (!scoped) throw importErrors.forbidden();
    const ids = [...new Set(parsed.lines.map((l) => l.projectId).filter(isUuid))];

    try {
      return await this.prisma.client.$transaction(
        async (tx) => {
          const projects = await tx.mspProject.findMany({ where: { AND: [scoped, { id: { in: ids } }] }, select: { id: true, name: true, federationId: true } });
          const allowed = new Map(
            projects.filter((p) => mayImportFor(actor, { kind: "project", federationId: p.federationId, projectId: p.id })).map((p) => [p.id, p]),
          );
          const existing = await tx.resultPeriod.findMany({
            where: { programme, projectId: { in: [...allowed.keys()] } },
            select: { id: true, projectId: true, year: true, status: true },
          });
          const existingByKey = new Map(existing.map((e) => [`${e.projectId}|${e.year}`, e]));
          const existingOf = (c: PeriodCandidate) => existingByKey.get(`${c.projectId}|${c.year}`);
          const ref = await this.referenceData.forFederation(actor.federationId, { tx });

          const errors: SheetLineError[] = [...parsed.errors];
          for (const l of parsed.lines) {
            if (l.projectId !== "" && !allowed.has(l.projectId)) errors.push({ line: l.line, column: ID_HEADER, message: MESSAGES.unknownProject });
          }
          type Ready = { candidate: PeriodCandidate; inputs: object; outputs: object; referenceId: string; existingId: string | null };
          const ready: Ready[] = [];
          for (const candidate of parsed.periods) {
            if (!allowed.has(candidate.projectId)) continue;
            const current = existingOf(candidate);
            if (current && (current.status === "SUBMITTED" || current.status === "APPROVED")) {
              errors.push({ line: candidate.lines[0] ?? 0, column: YEAR_HEADER, message: MESSAGES.locked });
              continue;
            }
            const evaluated = evaluatePeriodCandidate(programme, candidate, ref, now);
            if (!evaluated.ok) {
              errors.push(...evaluated.error);
              continue;
            }
            const { inputs, outputs, referenceId } = evaluated.value;
            ready.push({ candidate, inputs: inputs as object, outputs: outputs as object, referenceId, existingId: current?.id ?? null });
          }
          // A rejected period rejects all its lines.
          const errorLines = new Set(errors.map((e) => e.line));
          for (const c of parsed.periods) {
            const bad = c.lines.find((l) => errorLines.has(l));
            if (bad === undefined) continue;
            for (const l of c.lines) if (!errorLines.has(l)) errors.push({ line: l, column: null, message: rejectedWithMessage(bad) });
          }
          const byLine = new Map<number, { column: string | null; message: string }[]>();
          for (const e of errors) {
            const list = byLine.get(e.line) ?? [];
            list.push({ column: e.column, message: e.message });
            byLine.set(e.line, list);
          }
          const rejectedLines = new Set(byLine.keys());
          const lines: ImportLineReport[] = parsed.lines.map((l) => ({
            line: l.line,
            status: rejectedLines.has(l.line) ? "REJECTED" : "OK",
            projectName: allowed.get(l.projectId)?.name ?? null,
            year: l.year,
            errors: byLine.get(l.line) ?? [],
          }));
          const accepted = lines.filter((l) => l.status === "OK").length;
          const rejected = lines.length - accepted;
          const toWrite = ready.filter((r) => r.candidate.lines.every((l) => !rejectedLines.has(l)));
          const write = !dryRun && (mode === "VALID_ROWS" || rejected === 0);
          let imported = 0;
          if (write) {
            for (const r of toWrite) {
              const project = allowed.get(r.candidate.projectId);
              if (!project) continue;
              let id: string;
              if (r.existingId) {
                // Only from an editable status: a period submitted meanwhile aborts the whole import.
                const changed = await tx.resultPeriod.updateMany({
                  where: { id: r.existingId, status: { in: ["DRAFT", "RETURNED"] } },
                  data: { inputs: r.inputs, outputs: r.outputs, ruleSetId: r.referenceId, status: "DRAFT" },
                });
                if (changed.count !== 1) throw importErrors.conflict();
                id = r.existingId;
              } else {
                const created = await tx.resultPeriod.create({
                  data: {
                    federationId: project.federationId,
                    projectId: project.id,
                    programme,
                    year: r.candidate.year,
                    inputs: r.inputs,
                    outputs: r.outputs,
                    ruleSetId: r.referenceId,
                  },
                  select: { id: true },
                });
                id = created.id;
              }
              imported++;
              await this.audit.record(
                {
                  federationId: project.federationId,
                  actorId: actor.userId,
                  action: "results.import",
                  targetType: "ResultPeriod",
                  targetId: id,
                  projectId: project.id,
                  summary: { programme, year: r.candidate.year, created: r.existingId === null, ruleSetId: r.referenceId, lines: r.candidate.lines, fileName: options.fileName },
                },
                tx,
              );
            }
          }
          if (!dryRun) {
            await this.audit.record(
              {
                federationId: actor.federationId,
                actorId: actor.userId,
                action: "results.import",
                targetType: "ResultsImport",
                summary: { programme, mode, fileName: options.fileName, accepted, rejected, imported, ignored: parsed.ignoredLines.length },
              },
              tx,
            );
          }
          return { dryRun, mode, programme, accepted, rejected, imported, ignored: parsed.ignoredLines.length, lines };
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    } catch (error) {
      if (error instanceof ImportRouteError) throw error;
      // Two imports creating the same period at once: the unique (project, programme, year) refuses the second.
      if ((error as { code?: unknown }).code === "P2002") throw importErrors.conflict();
      throw error;
    }
  }
}
