import { isRole } from "@maillage/domain";
import type { Role, UsersFilterInput, UserStatus } from "../../../gql/graphql";

/** The list filters as the page holds them; the URL query string is their source of truth. */
export type UserListFilters = {
  search: string;
  role: Role | null;
  status: UserStatus | null;
};

/** French query-string keys (like the projects list), so a filtered list can be bookmarked and shared. */
export const USER_FILTER_PARAMS = {
  search: "q",
  role: "role",
  status: "statut",
} as const satisfies Record<keyof UserListFilters, string>;

export const EMPTY_USER_FILTERS: UserListFilters = { search: "", role: null, status: null };

export const USER_STATUSES: readonly UserStatus[] = ["ACTIVE", "INVITED", "DEACTIVATED"];

export const isUserStatus = (value: unknown): value is UserStatus => (USER_STATUSES as readonly unknown[]).includes(value);

/** Reads the filters from a query string, dropping values the API would reject. */
export function parseUserFilters(params: URLSearchParams): UserListFilters {
  const role = params.get(USER_FILTER_PARAMS.role);
  const status = params.get(USER_FILTER_PARAMS.status);
  return {
    search: (params.get(USER_FILTER_PARAMS.search) ?? "").trim(),
    role: isRole(role) ? role : null,
    status: isUserStatus(status) ? status : null,
  };
}

export function userFiltersToSearchParams(filters: UserListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set(USER_FILTER_PARAMS.search, filters.search.trim());
  if (filters.role) params.set(USER_FILTER_PARAMS.role, filters.role);
  if (filters.status) params.set(USER_FILTER_PARAMS.status, filters.status);
  return params;
}

/** The `UsersFilterInput`: only the criteria that are set. */
export function toUsersFilter(filters: UserListFilters): UsersFilterInput {
  const filter: UsersFilterInput = {};
  if (filters.search.trim()) filter.search = filters.search.trim();
  if (filters.role) filter.role = filters.role;
  if (filters.status) filter.status = filters.status;
  return filter;
}

export function hasActiveUserFilters(filters: UserListFilters): boolean {
  return Object.keys(toUsersFilter(filters)).length > 0;
}
