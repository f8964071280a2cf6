import type { CommuneRef } from "@maillage/db";
import { mspSizeBand, type ContributorRecord, type RecordKeys } from "@maillage/domain";

import { aciSeniority, ruralityClass, type ResearchApiDimension, type ResearchMeasure } from "./research.catalog.js";
import type { ResearchPeriodRow } from "./research.repository.js";

type MspYear = {
  projectId: string;
  year: number;
  rows: Partial<Record<ResearchPeriodRow["programme"], ResearchPeriodRow>>;
  any: ResearchPeriodRow;
};

/**
 * One contributor record per MSP and year (the unit of the statistics), from its approved periods: its dimension
 * values and its contribution to the asked measure. An MSP-year without the measure's programme does not contribute
 * to the measure (it still counts in MSP_COUNT).
 */
export type ResearchRecord = ContributorRecord & { readonly federationId: string };

export function contributorRecords(
  rows: readonly ResearchPeriodRow[],
  measure: ResearchMeasure,
  communes: ReadonlyMap<string, CommuneRef>,
  keysOf: (projectId: string, year: number) => RecordKeys,
): ResearchRecord[] {
  const byKey = new Map<string, MspYear>();
  for (const row of rows) {
    const key = `${row.projectId}|${row.year}`;
    const entry = byKey.get(key) ?? { projectId: row.projectId, year: row.year, rows: {}, any: row };
    entry.rows[row.programme] = row;
    byKey.set(key, entry);
  }
  const records: ResearchRecord[] = [];
  for (const e of byKey.values()) {
    const { ACI: aci, PEPS: peps, IPEP: ipep } = e.rows;
    const patientele = aci?.patients ?? Math.max(...Object.values(e.rows).map((r) => r?.patients ?? 0));
    const contractYear = aci?.contractStart ? Number(aci.contractStart.slice(0, 4)) : null;
    const dimensions: Record<ResearchApiDimension, string> = {
      YEAR: String(e.year),
      REGION: e.any.regionCode,
      DEPARTEMENT: e.any.departementCode,
      RURALITY: ruralityClass(communes.get(e.any.communeCode)?.population ?? 0),
      SIZE_BAND: mspSizeBand(patientele),
      EXPERIMENT: peps && ipep ? "PEPS_IPEP" : peps ? "PEPS" : ipep ? "IPEP" : "AUCUNE",
      YEARS_SINCE_ACI: aciSeniority(e.year, Number.isFinite(contractYear) ? contractYear : null),
    };
    const professionals = Math.max(1, e.any.professionals);
    const contribution = contributionOf(measure, { aci, peps, ipep, patientele, professionals });
    records.push({
      unitId: e.projectId,
      federationId: e.any.federationId,
      dimensions,
      contributions: contribution ? { [measure]: contribution } : {},
      keys: keysOf(e.projectId, e.year),
    });
  }
  // Stable order, so that everything downstream is deterministic.
  return records.sort((a, b) => (a.unitId === b.unitId ? Number(a.dimensions.YEAR) - Number(b.dimensions.YEAR) : a.unitId < b.unitId ? -1 : 1));
}

function contributionOf(
  measure: ResearchMeasure,
  p: { aci?: ResearchPeriodRow | undefined; peps?: ResearchPeriodRow | undefined; ipep?: ResearchPeriodRow | undefined; patientele: number; professionals: number },
): { value: number; denominator?: number; professionals?: number } | null {
  switch (measure) {
    case "MSP_COUNT":
      return { value: 1 };
    case "PATIENTS":
      return { value: p.patientele };
    case "PEPS_FORFAIT_TOTAL":
      return p.peps ? { value: p.peps.computedEur ?? 0, professionals: p.professionals } : null;
    case "PEPS_FORFAIT_PER_PATIENT":
      return p.peps ? { value: p.peps.computedEur ?? 0, denominator: p.peps.patients ?? 0, professionals: p.professionals } : null;
    case "IPEP_INCENTIVE_TOTAL":
      return p.ipep ? { value: p.ipep.computedEur ?? 0, professionals: p.professionals } : null;
    case "IPEP_INCENTIVE_PER_PATIENT":
      return p.ipep ? { value: p.ipep.computedEur ?? 0, denominator: p.ipep.patients ?? 0, professionals: p.professionals } : null;
    case "ACI_AMOUNT_TOTAL":
      return p.aci ? { value: p.aci.computedEur ?? 0 } : null;
    case "ACI_INDICATOR_MEAN":
      // Share of MSPs reaching the indicator: numerator = reached (or the level reached), denominator = 1 MSP.
      return p.aci && p.aci.indicator !== null ? { value: p.aci.indicator, denominator: 1 } : null;
    case "IPEP_INDICATOR_MEAN":
      return p.ipep && p.ipep.indicator !== null ? { value: p.ipep.indicator, denominator: 1 } : null;
  }
}
