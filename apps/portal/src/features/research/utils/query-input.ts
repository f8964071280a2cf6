import type { ResearchAggregateInput, ResearchDimension, ResearchMeasure } from "../types";

/** At most three dimensions per query (issue "Research access", item 6; the API refuses more). */
export const MAX_DIMENSIONS = 3;

export const RESEARCH_DIMENSIONS: readonly ResearchDimension[] = ["YEAR", "REGION", "DEPARTEMENT", "RURALITY", "SIZE_BAND", "EXPERIMENT", "YEARS_SINCE_ACI"];

/** What the query builder holds; `groupBy` is in the order chosen (rows, columns, then tables). */
export type QueryDraft = {
  measure: ResearchMeasure | "";
  indicatorCode: string;
  groupBy: ResearchDimension[];
  filters: Partial<Record<ResearchDimension, string[]>>;
};

export const EMPTY_DRAFT: QueryDraft = { measure: "", indicatorCode: "", groupBy: [], filters: {} };

export type DraftProblem = { field: "measure" | "indicatorCode" | "groupBy"; message: string };

/** The input the API expects, or the problems to fix first (French). */
export function toAggregateInput(draft: QueryDraft, needsIndicator: boolean): { input: ResearchAggregateInput } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  if (!draft.measure) problems.push({ field: "measure", message: "Choisissez une mesure." });
  if (needsIndicator && !draft.indicatorCode) problems.push({ field: "indicatorCode", message: "Choisissez l’indicateur de cette mesure." });
  if (draft.groupBy.length > MAX_DIMENSIONS) problems.push({ field: "groupBy", message: `Trois dimensions au maximum.` });
  if (problems.length > 0 || !draft.measure) return { problems };
  const filters = RESEARCH_DIMENSIONS.flatMap((dimension) => {
    const values = draft.filters[dimension] ?? [];
    return values.length > 0 ? [{ dimension, values: [...values].sort() }] : [];
  });
  return {
    input: {
      measure: draft.measure,
      ...(needsIndicator && draft.indicatorCode ? { indicatorCode: draft.indicatorCode } : {}),
      groupBy: [...draft.groupBy],
      ...(filters.length > 0 ? { filters } : {}),
    },
  };
}

const isDimension = (value: unknown): value is ResearchDimension => typeof value === "string" && (RESEARCH_DIMENSIONS as readonly string[]).includes(value);
const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : []);

/**
 * The filters of a past query (`ResearchQueryRecord.filters`, a JSON object), read leniently: either
 * `{ YEAR: ["2024"] }`, `{ filters: [{ dimension, values }] }` or a list of `{ dimension, values }`; an
 * `indicatorCode` beside them is kept.
 */
export function draftFiltersOf(json: unknown): { filters: QueryDraft["filters"]; indicatorCode: string } {
  const filters: QueryDraft["filters"] = {};
  let indicatorCode = "";
  const readList = (list: unknown[]) => {
    for (const item of list) {
      if (typeof item !== "object" || item === null) continue;
      const { dimension, values } = item as { dimension?: unknown; values?: unknown };
      if (isDimension(dimension)) filters[dimension] = stringList(values);
    }
  };
  if (Array.isArray(json)) readList(json);
  else if (typeof json === "object" && json !== null) {
    for (const [key, value] of Object.entries(json)) {
      if (key === "indicatorCode" && typeof value === "string") indicatorCode = value;
      else if (key === "filters" && Array.isArray(value)) readList(value);
      else if (isDimension(key)) filters[key] = stringList(value);
    }
  }
  for (const d of RESEARCH_DIMENSIONS) if (filters[d]?.length === 0) delete filters[d];
  return { filters, indicatorCode };
}

/**
 * The REST export of an answer: `GET /research/queries/<queryId>.csv|.xlsx` downloads the stored answer of one of
 * the caller's own queries (the very cells shown, same masks, same perturbed values; nothing is asked again, no
 * budget is spent). Asking a new question as a file is `POST /research/aggregate.csv|.xlsx` (scripts).
 */
export function exportUrl(queryId: string, format: "csv" | "xlsx"): string {
  return `/research/queries/${encodeURIComponent(queryId)}.${format}`;
}
