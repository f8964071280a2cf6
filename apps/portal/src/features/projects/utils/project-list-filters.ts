import type { ProjectFilter, ProjectStage, ProjectStatus } from "../../../gql/graphql";
import { isProjectStage, isProjectStatus } from "../../../shared/labels";

/** The list filters as the page holds them; the URL query string is their source of truth. */
export type ProjectListFilters = {
  stages: ProjectStage[];
  statuses: ProjectStatus[];
  departementCodes: string[];
  chargeId: string | null;
  mine: boolean;
  text: string;
};

/** French query-string keys, so a filtered list can be bookmarked and shared. */
export const FILTER_PARAMS = {
  stages: "etape",
  statuses: "statut",
  departementCodes: "departement",
  chargeId: "charge",
  mine: "portefeuille",
  text: "q",
} as const satisfies Record<keyof ProjectListFilters, string>;

export const EMPTY_FILTERS: ProjectListFilters = {
  stages: [],
  statuses: [],
  departementCodes: [],
  chargeId: null,
  mine: false,
  text: "",
};

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Reads the filters from a query string, dropping values the API would reject. */
export function parseFilters(params: URLSearchParams): ProjectListFilters {
  return {
    stages: unique(params.getAll(FILTER_PARAMS.stages).filter(isProjectStage)),
    statuses: unique(params.getAll(FILTER_PARAMS.statuses).filter(isProjectStatus)),
    departementCodes: unique(params.getAll(FILTER_PARAMS.departementCodes).filter((code) => code !== "")),
    chargeId: params.get(FILTER_PARAMS.chargeId) || null,
    mine: params.get(FILTER_PARAMS.mine) === "1",
    text: (params.get(FILTER_PARAMS.text) ?? "").trim(),
  };
}

export function filtersToSearchParams(filters: ProjectListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const stage of filters.stages) params.append(FILTER_PARAMS.stages, stage);
  for (const status of filters.statuses) params.append(FILTER_PARAMS.statuses, status);
  for (const code of filters.departementCodes) params.append(FILTER_PARAMS.departementCodes, code);
  if (filters.chargeId) params.set(FILTER_PARAMS.chargeId, filters.chargeId);
  if (filters.mine) params.set(FILTER_PARAMS.mine, "1");
  if (filters.text.trim()) params.set(FILTER_PARAMS.text, filters.text.trim());
  return params;
}

/** The `ProjectFilter` input: only the criteria that are set. */
export function toProjectFilter(filters: ProjectListFilters): ProjectFilter {
  const filter: ProjectFilter = {};
  if (filters.stages.length > 0) filter.stages = filters.stages;
  if (filters.statuses.length > 0) filter.statuses = filters.statuses;
  if (filters.departementCodes.length > 0) filter.departementCodes = filters.departementCodes;
  if (filters.mine) filter.mine = true;
  else if (filters.chargeId) filter.chargeId = filters.chargeId;
  if (filters.text.trim()) filter.text = filters.text.trim();
  return filter;
}

export function hasActiveFilters(filters: ProjectListFilters): boolean {
  return Object.keys(toProjectFilter(filters)).length > 0;
}
