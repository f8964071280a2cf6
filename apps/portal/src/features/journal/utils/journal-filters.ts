import type { AuditEventFilterInput } from "../../../gql/graphql";

/** The filters of the « Journal » as the page holds them; the URL query string is their source of truth. */
export type JournalFilters = {
  /** A user id. */
  actorId: string;
  /** An action key (e.g. `user.invite`), never shown to the user. */
  action: string;
  /** Days `yyyy-mm-dd`, both included. */
  from: string;
  to: string;
};

/** French query-string keys, so a filtered journal can be bookmarked and shared. */
export const JOURNAL_FILTER_PARAMS = {
  actorId: "personne",
  action: "action",
  from: "du",
  to: "au",
} as const satisfies Record<keyof JournalFilters, string>;

export const EMPTY_JOURNAL_FILTERS: JournalFilters = { actorId: "", action: "", from: "", to: "" };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION_KEY = /^[a-z_.]{2,60}$/;

const FILTER_KEYS = Object.keys(JOURNAL_FILTER_PARAMS) as (keyof JournalFilters)[];

/** Reads the filters from a query string, dropping values the API would reject. */
export function parseJournalFilters(params: URLSearchParams): JournalFilters {
  const read = (key: keyof JournalFilters) => (params.get(JOURNAL_FILTER_PARAMS[key]) ?? "").trim();
  const action = read("action");
  const from = read("from");
  const to = read("to");
  return {
    actorId: read("actorId"),
    action: ACTION_KEY.test(action) ? action : "",
    from: ISO_DAY.test(from) ? from : "",
    to: ISO_DAY.test(to) ? to : "",
  };
}

export function journalFiltersToSearchParams(filters: JournalFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) params.set(JOURNAL_FILTER_PARAMS[key], value);
  }
  return params;
}

/** The `AuditEventFilterInput`: only the criteria that are set. */
export function toAuditEventFilter(filters: JournalFilters): AuditEventFilterInput {
  const filter: AuditEventFilterInput = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function hasActiveJournalFilters(filters: JournalFilters): boolean {
  return Object.keys(toAuditEventFilter(filters)).length > 0;
}

/** The CSV export of the journal with the same filters (a plain link: the session cookie goes with it). */
export function auditCsvHref(filters: JournalFilters): string {
  const query = new URLSearchParams(toAuditEventFilter(filters) as Record<string, string>).toString();
  return `/exports/audit.csv${query ? `?${query}` : ""}`;
}
