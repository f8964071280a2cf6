import type { ApolloCache } from "@apollo/client";

/** Project fields that a pipeline change (submission, review, stage move, team) may make stale. */
export type PipelineField =
  | "checklist"
  | "nextSteps"
  | "milestoneProgress"
  | "stageStates"
  | "submissions"
  | "team"
  | "timeline"
  | "lastActivityAt";

/** What each change makes stale (the fields a mutation answers with are fresh already). */
export const STALE_AFTER = {
  stageMove: ["checklist", "nextSteps", "timeline"],
  submission: ["checklist", "nextSteps", "submissions", "timeline", "lastActivityAt"],
  review: ["checklist", "nextSteps", "milestoneProgress", "submissions", "timeline", "lastActivityAt"],
  team: ["team", "timeline", "lastActivityAt"],
} as const satisfies Record<string, readonly PipelineField[]>;

/** Root lists computed from every project's pipeline. */
const DERIVED_ROOT_FIELDS = ["board", "alerts", "projects"] as const;

/**
 * Forgets what a pipeline change made stale. Queries on screen that read those fields fetch them again
 * (Apollo refetches a watched query whose cached data became incomplete); others refetch when next shown.
 */
export function refreshProjectCache(
  cache: ApolloCache,
  projectId: string,
  fields: readonly PipelineField[],
  { keepBoard = false }: { keepBoard?: boolean } = {},
): void {
  const id = cache.identify({ __typename: "Project", id: projectId });
  if (id) {
    for (const fieldName of fields) cache.evict({ id, fieldName });
  }
  for (const fieldName of DERIVED_ROOT_FIELDS) {
    // The board refetches itself after a move (it shows the move meanwhile).
    if (!(keepBoard && fieldName === "board")) cache.evict({ id: "ROOT_QUERY", fieldName });
  }
  cache.gc();
}

/** After a catalogue change: every cached checklist (and what derives from it) may miss the new milestone. */
export function refreshAllChecklists(cache: ApolloCache): void {
  const cached = cache.extract() as Record<string, unknown>;
  for (const id of Object.keys(cached)) {
    if (!id.startsWith("Project:")) continue;
    for (const fieldName of ["checklist", "nextSteps", "milestoneProgress"] as const) cache.evict({ id, fieldName });
  }
  cache.evict({ id: "ROOT_QUERY", fieldName: "board" });
  cache.gc();
}
