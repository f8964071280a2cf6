import type { ProjectStage } from "../../../gql/graphql";
import { PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";

type StepState = "done" | "current" | "upcoming";

const STEP_SUFFIX: Record<StepState, string> = {
  done: " (étape franchie)",
  current: " (étape en cours)",
  upcoming: "",
};

/** The lifecycle as an ordered list of the 11 stages, the current one highlighted. */
export function StageProgress({ stage }: { stage: ProjectStage }) {
  const currentIndex = PROJECT_STAGES.indexOf(stage);
  return (
    <div className="stage-progress">
      <p className="stage-progress__summary">
        Étape {currentIndex + 1} sur {PROJECT_STAGES.length} : <strong>{STAGE_LABELS[stage]}</strong>
      </p>
      <ol className="stage-progress__steps" aria-label="Étapes du projet">
        {PROJECT_STAGES.map((step, index) => {
          const state: StepState = index < currentIndex ? "done" : index === currentIndex ? "current" : "upcoming";
          return (
            <li
              key={step}
              className={`stage-step stage-step--${state}`}
              aria-current={state === "current" ? "step" : undefined}
            >
              <span className="stage-step__marker" aria-hidden="true">
                {state === "done" ? "✓" : index + 1}
              </span>
              <span className="stage-step__label">
                {STAGE_LABELS[step]}
                <span className="visually-hidden">{STEP_SUFFIX[state]}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
