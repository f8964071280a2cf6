import type { IndicatorRow } from "../utils/drafts";
import { InputField, usePeriodForm } from "./period-form-fields";

/** Quality indicators as entered (code, label, %): the lists are not fixed by DOMAIN.md (§4.4 ⚠️, §5.3 ⚠️). */
export function QualityIndicatorsGrid({ rows, onAdd }: { rows: readonly IndicatorRow[]; onAdd: () => void }) {
  const { setAt } = usePeriodForm();
  return (
    <div className="results-subsection">
      <h3>Indicateurs qualité</h3>
      {rows.length === 0 ? (
        <p className="muted">Aucun indicateur saisi.</p>
      ) : (
        <ul className="plain-list results-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="results-row">
              <InputField path={`qualityIndicators[${index}].code`} label={`Code de l’indicateur ${index + 1}`} />
              <InputField path={`qualityIndicators[${index}].label`} label={`Libellé de l’indicateur ${index + 1}`} />
              <InputField kind="number" path={`qualityIndicators[${index}].value`} label={`Valeur de l’indicateur ${index + 1}`} suffix="%" />
              <button
                type="button"
                className="button button--small button--link"
                onClick={() => setAt("qualityIndicators", rows.filter((_, i) => i !== index))}
                aria-label={`Supprimer l’indicateur ${index + 1}`}
              >
                Supprimer
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--small" onClick={onAdd}>
        Ajouter un indicateur qualité
      </button>
    </div>
  );
}
