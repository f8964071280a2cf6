import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import type { ProjectStage } from "../../../gql/graphql";
import { describeError, getUnmetRequirements, type UnmetRequirement } from "../../../shared/graphql-errors";
import { ADVANCE_PROJECT_STAGE } from "../graphql/advance-project-stage.mutation";
import { refreshProjectCache, STALE_AFTER } from "../utils/refresh-project-cache";

export type StageMoveOutcome =
  | { ok: true; stage: ProjectStage }
  | { ok: false; requirements: UnmetRequirement[]; message: string };

type MoveInput = { projectId: string; toStage: ProjectStage; reason?: string };

/**
 * Moves a project to another stage (`advanceProjectStage`). A refusal is returned, not thrown: the gates'
 * unmet requirements (French messages), or a French sentence for other failures.
 */
export function useMoveProjectStage({ keepBoard = false }: { keepBoard?: boolean } = {}) {
  const [advance, { loading }] = useMutation(ADVANCE_PROJECT_STAGE);

  const move = useCallback(
    async ({ projectId, toStage, reason }: MoveInput): Promise<StageMoveOutcome> => {
      try {
        const { data } = await advance({
          variables: { input: { projectId, toStage, ...(reason ? { reason } : {}) } },
          update(cache) {
            refreshProjectCache(cache, projectId, STALE_AFTER.stageMove, { keepBoard });
          },
        });
        return { ok: true, stage: data?.advanceProjectStage.stage ?? toStage };
      } catch (error) {
        return { ok: false, requirements: getUnmetRequirements(error), message: describeError(error) };
      }
    },
    [advance, keepBoard],
  );

  return { move, isMoving: loading };
}
