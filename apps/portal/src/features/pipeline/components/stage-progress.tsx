import type { ProjectStage, ProjectStagesFragment } from "../../../gql/graphql";
import { formatDate } from "../../../shared/format";
import { PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";

type StageStateRow = ProjectStagesFragment["stageStates"][number];

type StepState = "done" | "current" | "upcoming" | "not-applicable";

const STEP_SUFFIX: Record<StepState, string> = {
  done: " (étape franchie)",
  current: " (étape en cours)",
  upcoming: "",
  "not-applicable": " (non applicable)",
};

type StageProgressProps = {
  stage: ProjectStage;
  /** The stages' dates once loaded; until then the list is drawn from the current stage alone. */
  stageStates?: readonly StageStateRow[] | undefined;
};

function stepStateOf(step: ProjectStage, index: number, currentIndex: number, state: StageStateRow | undefined): StepState {
  if (state) {
    if (state.notApplicable) return "not-applicable";
    if (state.isCurrent) return "current";
    return state.completedAt ? "done" : "upcoming";
  }
  return index < currentIndex ? "done" : index === currentIndex ? "current" : "upcoming";
}

/** The lifecycle as an ordered list of the 11 stages: dates of the completed ones, the current one highlighted. */
export function StageProgress({ stage, stageStates }: StageProgressProps) {
  const byStage = new Map(stageStates?.map((state) => [state.stage, state]));
  const currentStage = stageStates?.find((state) => state.isCurrent)?.stage ?? stage;
  const currentIndex = PROJECT_STAGES.indexOf(currentStage);
  return (
    <div className="stage-progress">
      <p className="stage-progress__summary">
        Étape {currentIndex + 1} sur {PROJECT_STAGES.length} : <strong>{STAGE_LABELS[currentStage]}</strong>
      </p>
      <ol className="stage-progress__steps" aria-label="Étapes du projet">
        {PROJECT_STAGES.map((step, index) => {
          const state = byStage.get(step);
          const stepState = stepStateOf(step, index, currentIndex, state);
          return (
            <li
              key={step}
              className={`stage-step stage-step--${stepState}`}
              aria-current={stepState === "current" ? "step" : undefined}
            >
              <span className="stage-step__marker" aria-hidden="true">
                {stepState === "done" ? "✓" : stepState === "not-applicable" ? "–" : index + 1}
              </span>
              <span className="stage-step__label">
                {STAGE_LABELS[step]}
                <span className="visually-hidden">{STEP_SUFFIX[stepState]}</span>
                {stepState === "done" && state?.completedAt && (
                  <span className="stage-step__date">
                    Franchie le <time dateTime={state.completedAt}>{formatDate(state.completedAt)}</time>
                  </span>
                )}
                {stepState === "current" && state?.startedAt && (
                  <span className="stage-step__date">
                    Depuis le <time dateTime={state.startedAt}>{formatDate(state.startedAt)}</time>
                  </span>
                )}
                {stepState === "not-applicable" && (
                  <span className="stage-step__date">
                    Non applicable{state?.notApplicableReason ? ` : ${state.notApplicableReason}` : ""}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
