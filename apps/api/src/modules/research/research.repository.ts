import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

/** One approved result period of an opted-in federation, with what the research dimensions need. */
export type ResearchPeriodRow = {
  periodId: string;
  /** Always true from `periods`; `periodsChangedSince` also returns periods that left APPROVED (unlocked). */
  approved: boolean;
  projectId: string;
  federationId: string;
  year: number;
  programme: "PEPS" | "IPEP" | "ACI";
  patients: number | null;
  computedEur: number | null;
  indicator: number | null;
  contractStart: string | null;
  communeCode: string;
  departementCode: string;
  regionCode: string;
  professionals: number;
};

/**
 * The research side reads approved (hence locked) periods of the federations that opted in, and nothing else
 * (issue "Research access", item 1). One statement, read once per data version (the service filters the records).
 */
const PERIODS_SELECT = `
SELECT rp.id::text AS "periodId", rp.status = 'APPROVED' AS approved, rp."projectId"::text AS "projectId", rp."federationId"::text AS "federationId", rp.year, rp.programme::text AS programme,
  (rp.outputs->'summary'->>'patients')::float8 AS patients,
  (rp.outputs->'summary'->>'computedEur')::float8 AS "computedEur",
  CASE WHEN $1::text IS NULL THEN NULL ELSE (rp.outputs->'summary'->'indicators'->>$1::text)::float8 END AS indicator,
  CASE WHEN rp.programme = 'ACI' THEN rp.inputs->>'contractStart' END AS "contractStart",
  p."communeCode", p."departementCode", d."regionCode", coalesce(tm.n, 0) AS professionals
FROM "ResultPeriod" rp
JOIN "Federation" f ON f.id = rp."federationId" AND f."researchOptIn"
JOIN "MspProject" p ON p.id = rp."projectId"
JOIN "Departement" d ON d.code = p."departementCode"
LEFT JOIN (SELECT "projectId", count(*)::int AS n FROM "TeamMember" WHERE "leftAt" IS NULL GROUP BY "projectId") tm ON tm."projectId" = rp."projectId"`;

export const RESEARCH_PERIODS_SQL = `${PERIODS_SELECT}
WHERE rp.status = 'APPROVED'`;

/** The periods of opted-in federations changed since a time ($2), whatever their status now. */
const RESEARCH_PERIODS_CHANGED_SQL = `${PERIODS_SELECT}
WHERE rp."updatedAt" >= $2::timestamptz`;

/** Changes whenever the data behind any answer may have changed (approval, unlock, opt-in). */
export const RESEARCH_DATA_VERSION_SQL = `
SELECT count(*)::int AS n, coalesce(max(rp."updatedAt"), 'epoch'::timestamptz)::text AS last,
  coalesce(string_agg(DISTINCT rp."federationId"::text, ','), '') AS federations
FROM "ResultPeriod" rp
JOIN "Federation" f ON f.id = rp."federationId" AND f."researchOptIn"
WHERE rp.status = 'APPROVED'`;

@Injectable()
export class ResearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every approved period of the opted-in federations, with the value of `indicatorCode` when one is asked: one JSON
   * text for all the rows (decoding thousands of rows through the driver costs more than the scan itself).
   */
  periods(indicatorCode: string | null): Promise<ResearchPeriodRow[]> {
    return this.asJson(RESEARCH_PERIODS_SQL, indicatorCode);
  }

  /** The periods changed since `since` (a `dataVersion` time), approved or not any more: what a new version adds. */
  periodsChangedSince(indicatorCode: string | null, since: string): Promise<ResearchPeriodRow[]> {
    return this.asJson(RESEARCH_PERIODS_CHANGED_SQL, indicatorCode, since);
  }

  private async asJson(sql: string, ...params: unknown[]): Promise<ResearchPeriodRow[]> {
    const rows = await this.prisma.client.$queryRawUnsafe<{ rows: string | null }[]>(`SELECT coalesce(json_agg(r), '[]')::text AS rows FROM (${sql}) r`, ...params);
    return JSON.parse(rows[0]?.rows ?? "[]") as ResearchPeriodRow[];
  }

  async dataVersion(): Promise<string> {
    const rows = await this.prisma.client.$queryRawUnsafe<{ n: number; last: string; federations: string }[]>(RESEARCH_DATA_VERSION_SQL);
    const row = rows[0];
    return row ? `${row.n}|${row.last}|${row.federations}` : "0";
  }
}
