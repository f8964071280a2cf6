import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { RESEARCH_BUDGET } from "../graphql/research-budget.query";
import { formatEpsilon } from "../utils/format-value";

/**
 * « Budget de confidentialité »: shown only when the deployment adds Laplace noise to answers (differential
 * privacy, docs/research.md): the ε left, spent and per query. Nothing is shown when noise is off.
 */
export function PrivacyBudgetPanel() {
  const id = useId();
  const { data } = useQuery(RESEARCH_BUDGET, { fetchPolicy: "cache-and-network", nextFetchPolicy: "cache-first" });
  const budget = data?.researchBudget;
  if (!budget || budget.mode !== "LAPLACE") return null;
  const exhausted = budget.epsilonRemaining < budget.epsilonPerQuery;
  return (
    <section className="card research-panel research-budget" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Budget de confidentialité</h2>
      <p>
        Les réponses sont bruitées (mécanisme de Laplace). Chaque nouvelle requête consomme ε = {formatEpsilon(budget.epsilonPerQuery)}.
      </p>
      <label htmlFor={`${id}-progress`} className="research-budget__label">
        ε restant : <strong>{formatEpsilon(budget.epsilonRemaining)}</strong> sur {formatEpsilon(budget.epsilonTotal)}
      </label>
      <progress id={`${id}-progress`} max={budget.epsilonTotal} value={budget.epsilonRemaining} className="research-budget__bar">
        {formatEpsilon(budget.epsilonRemaining)} sur {formatEpsilon(budget.epsilonTotal)}
      </progress>
      <p className="muted">Déjà consommé : ε = {formatEpsilon(budget.epsilonSpent)}.</p>
      {exhausted && (
        <p className="research-notice research-notice--warning" role="note">
          Budget épuisé : vous ne pouvez plus lancer de nouvelle requête bruitée.
        </p>
      )}
    </section>
  );
}
