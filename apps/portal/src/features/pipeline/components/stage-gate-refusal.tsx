import { useEffect, useRef } from "react";
import type { UnmetRequirement } from "../../../shared/graphql-errors";

type StageGateRefusalProps = {
  /** E.g. « Impossible de passer à l’étape « Validation ARS » ». */
  title: string;
  requirements: readonly UnmetRequirement[];
  onClose?: () => void;
  /** Moves the focus to the message (after a keyboard action whose target went away). */
  shouldFocus?: boolean;
};

/** Why a stage move was refused: every unmet requirement, in French, announced at once. */
export function StageGateRefusal({ title, requirements, onClose, shouldFocus = false }: StageGateRefusalProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shouldFocus) ref.current?.focus();
  }, [shouldFocus]);

  return (
    <div className="gate-refusal" role="alert" tabIndex={-1} ref={ref}>
      <p className="gate-refusal__title">{title}</p>
      {requirements.length > 0 && (
        <>
          <p>
            {requirements.length > 1
              ? `${requirements.length} conditions ne sont pas remplies :`
              : "Une condition n’est pas remplie :"}
          </p>
          <ul className="gate-refusal__list">
            {requirements.map((requirement, index) => (
              <li key={`${requirement.key}-${index}`}>{requirement.message}</li>
            ))}
          </ul>
        </>
      )}
      {onClose && (
        <button type="button" className="button button--small" onClick={onClose}>
          Fermer
        </button>
      )}
    </div>
  );
}
