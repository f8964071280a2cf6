import { Injectable } from "@nestjs/common";
import { departementsRef } from "@maillage/db";
import { ACI_RULE_SETS, can, FIRST_PERIOD_YEAR, MSP_SIZE_BAND_LABELS, type Actor, type MspSizeBand } from "@maillage/domain";

import { badUserInput, forbidden, type FieldProblem } from "../../common/errors.js";
import { DashboardsRepository } from "./dashboards.repository.js";
import type { ResultsDashboardFilter } from "./dto/results-dashboard.filter.js";
import type { ResultsDashboard } from "./models/results-dashboard.model.js";

let aciLabels: Map<string, string> | undefined;
/** French labels of ACI indicator codes, from every rule set (the newest rule set's label wins: it comes last). */
function aciIndicatorLabel(code: string): string {
  aciLabels ??= new Map(Object.values(ACI_RULE_SETS).flatMap((rs) => rs.indicators.map((i) => [i.code, i.label] as const)));
  return aciLabels.get(code) ?? code;
}

let knownDepartements: Set<string> | undefined;

/**
 * Dashboards of results (issue "Results of running MSPs", item 7): aggregates of the APPROVED periods of the
 * signed-in staff member's federation, computed in SQL (dashboards.sql.ts).
 *
 * Who: the whole-federation view is for the actors whose project scope is the whole federation (federation admins
 * and chargés, `projectScope` of @maillage/domain, DOMAIN.md §10.2); an MSP member (scope: one project) and a
 * researcher (scope: none — disclosure-controlled aggregates come with the research issue, §6.3) are refused.
 */
@Injectable()
export class DashboardsService {
  constructor(private readonly repository: DashboardsRepository) {}

  /** The federation the actor may aggregate over; FORBIDDEN for anyone else. */
  federationOf(actor: Actor): string {
    if (!can(actor, "results.overview")) throw forbidden("Les tableaux de bord sont réservés à l'équipe de la fédération.");
    return actor.federationId;
  }

  /** Checks the filter (BAD_USER_INPUT with every problem) and returns it without duplicates. */
  checkFilter(filter: ResultsDashboardFilter | null | undefined, now = new Date()): Required<{ [K in keyof ResultsDashboardFilter]-?: NonNullable<ResultsDashboardFilter[K]> }> {
    const years = [...new Set(filter?.years ?? [])].sort((a, b) => a - b);
    const departements = [...new Set((filter?.departements ?? []).map((d) => d.trim().toUpperCase()))].sort();
    const problems: FieldProblem[] = [];
    const lastYear = now.getUTCFullYear();
    const outOfRange = years.filter((y) => y < FIRST_PERIOD_YEAR || y > lastYear);
    if (outOfRange.length) {
      problems.push({
        field: "filter.years",
        code: "DASHBOARD.YEAR_OUT_OF_RANGE",
        message: `Année hors de la période couverte (${FIRST_PERIOD_YEAR} à ${lastYear}) : ${outOfRange.join(", ")}.`,
      });
    }
    knownDepartements ??= new Set(departementsRef().map((d) => d.code));
    const unknown = departements.filter((d) => !knownDepartements?.has(d));
    if (unknown.length) {
      problems.push({ field: "filter.departements", code: "DASHBOARD.UNKNOWN_DEPARTEMENT", message: `Département inconnu : ${unknown.join(", ")}.` });
    }
    if (problems.length) throw badUserInput(problems);
    return {
      years,
      programmes: [...new Set(filter?.programmes ?? [])],
      departements,
      sizeBands: [...new Set(filter?.sizeBands ?? [])],
    };
  }

  async resultsDashboard(actor: Actor, filter: ResultsDashboardFilter | null | undefined): Promise<ResultsDashboard> {
    const federationId = this.federationOf(actor);
    const data = await this.repository.resultsDashboard(federationId, this.checkFilter(filter));
    return {
      illustrative: data.totals.illustrative,
      availableYears: data.availableYears,
      totals: data.totals,
      byYear: data.byYear,
      byDepartement: data.byDepartement,
      bySizeBand: data.bySizeBand.map((r) => ({ ...r, sizeBand: r.sizeBand as MspSizeBand, sizeBandLabel: MSP_SIZE_BAND_LABELS[r.sizeBand as MspSizeBand] ?? r.sizeBand })),
      byExperiment: data.byExperiment.map((r) => ({ ...r, experiment: r.experiment as "PEPS" | "IPEP" | "NONE" })),
      pepsVsFeeForService: { years: data.pepsYears, points: data.pepsPoints },
      aciIndicators: data.aciIndicators.map((r) => ({ ...r, label: aciIndicatorLabel(r.code), achievedShare: r.mspCount > 0 ? r.achievedCount / r.mspCount : 0 })),
    };
  }
}
