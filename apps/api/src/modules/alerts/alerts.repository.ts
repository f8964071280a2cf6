import { randomUUID } from "node:crypto";

import { Injectable } from "@nestjs/common";
import type { Prisma } from "@maillage/db";
import type { AlertDraft, AlertKind, AlertProjectSnapshot, ProjectScope } from "@maillage/domain";

import { PrismaService } from "../../prisma/prisma.service.js";
import type { ProjectModel } from "../projects/models/project.model.js";
import { projectInclude, scopeWhere } from "../projects/projects.repository.js";

/** The milestone whose submissions carry the ACI evidence of one year (field "year"). */
const ACI_EVIDENCE_MILESTONE = "ACI_JUSTIFICATIFS";

export type AlertRow = {
  id: string;
  kind: AlertKind;
  dueAt: Date | null;
  message: string;
  createdAt: Date;
  resolvedAt: Date | null;
  project: ProjectModel;
};

export type AlertListFilter = {
  kinds?: AlertKind[];
  projectId?: string;
  includeResolved: boolean;
  /** Only the alerts of projects whose chargé is this user. */
  chargeId?: string;
};

/** Keyset position in (dueAt nulls last, createdAt, id) order. */
export type AlertCursor = { dueAt: Date | null; createdAt: Date; id: string };

export type SyncCounts = { opened: number; updated: number; resolved: number };

const alertKey = (a: { projectId: string; kind: string; key: string }) => `${a.projectId}\u0000${a.kind}\u0000${a.key}`;

/** A submission's `fields` column as strings only (anything else is ignored). */
function stringFields(json: Prisma.JsonValue): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) if (typeof v === "string") out[k] = v;
  return out;
}

@Injectable()
export class AlertsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * What the alert rules need to know about every project (or one federation's), in five queries whatever
   * the number of projects: projects, pending submissions, the latest approved submission of each
   * (project, milestone), the years of ACI evidence submitted, and the result periods with their status.
   */
  async loadSnapshots(federationId?: string): Promise<AlertProjectSnapshot[]> {
    const fed = federationId ? { federationId } : {};
    const db = this.prisma.client;
    const [projects, pending, approved, evidence, periods] = await Promise.all([
      db.mspProject.findMany({
        where: { ...fed, status: { in: ["ACTIVE", "ON_HOLD", "ABANDONED"] } },
        select: { id: true, federationId: true, name: true, stage: true, status: true, lastActivityAt: true },
        orderBy: { id: "asc" },
      }),
      db.submission.findMany({
        where: { ...fed, status: "SUBMITTED" },
        select: { id: true, projectId: true, milestoneKey: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
      // Latest approved per (project, milestone): DISTINCT ON in one statement.
      db.submission.findMany({
        where: { ...fed, status: "APPROVED" },
        distinct: ["projectId", "milestoneKey"],
        select: { projectId: true, milestoneKey: true, fields: true },
        orderBy: [{ projectId: "asc" }, { milestoneKey: "asc" }, { createdAt: "desc" }, { id: "desc" }],
      }),
      db.submission.findMany({
        where: { ...fed, milestoneKey: ACI_EVIDENCE_MILESTONE, status: { in: ["SUBMITTED", "APPROVED"] } },
        select: { projectId: true, fields: true },
      }),
      db.resultPeriod.findMany({
        where: fed,
        select: { projectId: true, programme: true, year: true, status: true },
        orderBy: [{ projectId: "asc" }, { year: "asc" }, { programme: "asc" }],
      }),
    ]);

    type Building = Omit<AlertProjectSnapshot, "pendingSubmissions" | "approvedFields" | "resultPeriods"> & {
      pendingSubmissions: { id: string; milestoneKey: string; createdAt: Date }[];
      approvedFields: Record<string, Record<string, string>>;
      resultPeriods: NonNullable<AlertProjectSnapshot["resultPeriods"]>[number][];
    };
    const snapshots = new Map<string, Building>();
    const years = new Map<string, Set<number>>();
    for (const p of projects) {
      snapshots.set(p.id, {
        projectId: p.id,
        federationId: p.federationId,
        name: p.name,
        stage: p.stage,
        status: p.status,
        lastActivityAt: p.lastActivityAt,
        pendingSubmissions: [],
        approvedFields: {},
        submittedEvidenceYears: [],
        resultPeriods: [],
      });
      years.set(p.id, new Set());
    }
    for (const s of pending) snapshots.get(s.projectId)?.pendingSubmissions.push({ id: s.id, milestoneKey: s.milestoneKey, createdAt: s.createdAt });
    for (const s of approved) {
      const snapshot = snapshots.get(s.projectId);
      if (snapshot && !(s.milestoneKey in snapshot.approvedFields)) snapshot.approvedFields[s.milestoneKey] = stringFields(s.fields);
    }
    for (const r of periods) snapshots.get(r.projectId)?.resultPeriods.push({ programme: r.programme, year: r.year, status: r.status });
    for (const s of evidence) {
      const year = Number(stringFields(s.fields).year);
      if (Number.isInteger(year)) years.get(s.projectId)?.add(year);
    }
    return [...snapshots.values()].map((s) => ({ ...s, submittedEvidenceYears: [...(years.get(s.projectId) ?? [])].sort((a, b) => a - b) }));
  }

  /**
   * Makes the stored alerts match `drafts`, in one transaction and a constant number of statements: new ones
   * are inserted (or a resolved one reopened), open ones get their message and due date updated, and open
   * alerts no longer produced are resolved at `now`. With `federationId`, only that federation's alerts are
   * touched (the drafts must all belong to it).
   */
  async sync(drafts: readonly AlertDraft[], now: Date, federationId?: string): Promise<SyncCounts> {
    const wanted = new Map<string, AlertDraft>();
    for (const d of drafts) {
      if (federationId && d.federationId !== federationId) throw new Error(`alert draft of federation ${d.federationId} in a refresh of ${federationId}`);
      wanted.set(alertKey(d), d);
    }
    return this.prisma.client.$transaction(async (tx) => {
      const open = await tx.alert.findMany({
        where: { resolvedAt: null, ...(federationId ? { federationId } : {}) },
        select: { id: true, projectId: true, kind: true, key: true, message: true, dueAt: true },
      });
      const openByKey = new Map(open.map((a) => [alertKey(a), a]));
      const toResolve = open.filter((a) => !wanted.has(alertKey(a))).map((a) => a.id);
      const toWrite: AlertDraft[] = [];
      let opened = 0;
      let updated = 0;
      for (const [key, d] of wanted) {
        const current = openByKey.get(key);
        if (!current) {
          opened++;
          toWrite.push(d);
        } else if (current.message !== d.message || (current.dueAt?.getTime() ?? null) !== (d.dueAt?.getTime() ?? null)) {
          updated++;
          toWrite.push(d);
        }
      }
      if (toResolve.length) await tx.alert.updateMany({ where: { id: { in: toResolve } }, data: { resolvedAt: now } });
      if (toWrite.length) {
        const rows = JSON.stringify(
          toWrite.map((d) => ({
            id: randomUUID(),
            federationId: d.federationId,
            projectId: d.projectId,
            kind: d.kind,
            key: d.key,
            dueAt: d.dueAt ? d.dueAt.toISOString() : null,
            message: d.message,
          })),
        );
        // A resolved alert whose condition is back is reopened as new (createdAt = now): one row per key.
        await tx.$executeRaw`
          INSERT INTO "Alert" ("id", "federationId", "projectId", "kind", "key", "dueAt", "message", "createdAt")
          SELECT x."id"::uuid, x."federationId"::uuid, x."projectId"::uuid, x."kind"::"AlertKind", x."key", x."dueAt"::timestamptz, x."message", ${now.toISOString()}::timestamptz
          FROM jsonb_to_recordset(${rows}::jsonb) AS x("id" text, "federationId" text, "projectId" text, "kind" text, "key" text, "dueAt" text, "message" text)
          ON CONFLICT ("projectId", "kind", "key") DO UPDATE SET
            "message" = EXCLUDED."message",
            "dueAt" = EXCLUDED."dueAt",
            "createdAt" = CASE WHEN "Alert"."resolvedAt" IS NULL THEN "Alert"."createdAt" ELSE EXCLUDED."createdAt" END,
            "resolvedAt" = NULL`;
      }
      return { opened, updated, resolved: toResolve.length };
    });
  }

  /** One page of the alerts whose project is in `scope`, with their project (one statement), and the total. */
  async list(
    scope: ProjectScope,
    filter: AlertListFilter,
    page: { first: number; after: AlertCursor | null },
  ): Promise<{ rows: AlertRow[]; totalCount: number; hasNextPage: boolean }> {
    const scoped = scopeWhere(scope);
    if (!scoped || scope.kind === "none") return { rows: [], totalCount: 0, hasNextPage: false };
    const projectWhere: Prisma.MspProjectWhereInput = { AND: [scoped, filter.chargeId ? { chargeId: filter.chargeId } : {}] };
    const where: Prisma.AlertWhereInput = {
      AND: [
        // The alert's own federation too: the same tenancy twice, and the (federationId, resolvedAt) index.
        { federationId: scope.federationId, project: projectWhere },
        filter.includeResolved ? {} : { resolvedAt: null },
        filter.kinds?.length ? { kind: { in: filter.kinds } } : {},
        filter.projectId ? { projectId: filter.projectId } : {},
      ],
    };
    const after = page.after;
    const pageWhere: Prisma.AlertWhereInput = after ? { AND: [where, afterCursor(after)] } : where;
    const [rows, totalCount] = await Promise.all([
      this.prisma.client.alert.findMany({
        relationLoadStrategy: "join",
        where: pageWhere,
        select: { id: true, kind: true, dueAt: true, message: true, createdAt: true, resolvedAt: true, project: { include: projectInclude } },
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
        take: page.first + 1,
      }),
      this.prisma.client.alert.count({ where }),
    ]);
    return { rows: rows.slice(0, page.first), totalCount, hasNextPage: rows.length > page.first };
  }
}

/** Rows strictly after the cursor in (dueAt asc nulls last, createdAt asc, id asc) order. */
function afterCursor(c: AlertCursor): Prisma.AlertWhereInput {
  const tail: Prisma.AlertWhereInput = { OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }] };
  if (c.dueAt === null) return { AND: [{ dueAt: null }, tail] };
  return { OR: [{ dueAt: { gt: c.dueAt } }, { AND: [{ dueAt: c.dueAt }, tail] }, { dueAt: null }] };
}
