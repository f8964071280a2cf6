import type { IpepIncentive, IpepParameters, ResultsReferenceData } from "@maillage/domain";
import { emptyIndicatorRow, type IpepDraft } from "../utils/drafts";
import { formatDecimal, formatEur, formatShare, numberFromText } from "../utils/numbers";
import { InputField, SelectField, usePeriodForm } from "./period-form-fields";
import { QualityIndicatorsGrid } from "./quality-indicators-grid";

type IpepFormProps = {
  values: IpepDraft;
  referenceData: ResultsReferenceData;
  incentive: IpepIncentive | null;
};

/** IPEP period form (DOMAIN.md §5.2 intéressement, §5.3 quality score). */
export function IpepForm({ values, referenceData, incentive }: IpepFormProps) {
  const { setAt } = usePeriodForm();
  const params = referenceData.ipepParameters[values.parametersId];
  const parameterIds = Object.keys(referenceData.ipepParameters);
  return (
    <>
      <fieldset className="results-section">
        <legend>Groupement</legend>
        <div className="form-grid">
          <SelectField
            path="parametersId"
            label="Paramètres IPEP"
            options={parameterIds.map((id) => ({ value: id, label: id }))}
          />
          <InputField path="groupement" label="Groupement" hint="MSP, CPTS, établissements… qui partagent la patientèle." />
          <InputField
            kind="number"
            path="patients"
            label="Patientèle du groupement"
            hint="Patientèle médecin traitant : plus de 5 000 patients (seul prérequis de l’appel de 2019)."
          />
        </div>
      </fieldset>

      <fieldset className="results-section">
        <legend>Gains d’efficience par patient</legend>
        <p className="field__hint">Un gain négatif compte pour 0, indépendamment pour chaque composante.</p>
        <div className="form-grid">
          <InputField kind="number" path="gainLevelPerPatientEur" label="Gain sur le niveau de dépenses (€ par patient)" suffix="€" />
          <InputField kind="number" path="gainEvolutionPerPatientEur" label="Gain sur l’évolution des dépenses (€ par patient)" suffix="€" />
        </div>
      </fieldset>

      <fieldset className="results-section">
        <legend>Score qualité</legend>
        <div className="form-grid">
          <InputField kind="number" path="soclePoints" label="Points des indicateurs socles" />
          <InputField kind="number" path="aLaCartePoints" label="Points des indicateurs à la carte" hint="0 si le groupement n’en a pas choisi." />
          <InputField
            kind="number"
            path="patientExperiencePoints"
            label="Points expérience patient"
            hint={`${formatDecimal(params?.patientExperienceMaxPoints ?? 20)} points au plus.`}
          />
          {params?.qualityModulation.kind === "USER_ENTERED" && (
            <InputField kind="number" path="enteredModulationRate" label="Taux de modulation notifié" suffix="%" hint="Taux indiqué par la notification de la CPAM." />
          )}
        </div>
        <QualityIndicatorsGrid rows={values.qualityIndicators} onAdd={() => setAt("qualityIndicators", [...values.qualityIndicators, emptyIndicatorRow()])} />
      </fieldset>

      <fieldset className="results-section">
        <legend>Montant reçu</legend>
        <InputField kind="number" path="incentiveReceivedEur" label="Intéressement reçu" suffix="€" hint="Laisser vide tant qu’il n’est pas versé." />
      </fieldset>

      <IpepComputation incentive={incentive} params={params ?? null} values={values} />
    </>
  );
}

/** The T-IPEP-1 style breakdown: C_partage × (C_écart × gain niveau + C_évolution × gain évolution) × patients. */
export function IpepComputation({ incentive, params, values }: { incentive: IpepIncentive | null; params: IpepParameters | null; values: IpepDraft }) {
  const level = numberFromText(values.gainLevelPerPatientEur);
  const evolution = numberFromText(values.gainEvolutionPerPatientEur);
  const patients = numberFromText(values.patients);
  const received = numberFromText(values.incentiveReceivedEur);
  return (
    <section className="results-computation" aria-labelledby="ipep-computation-title" aria-live="polite">
      <h2 id="ipep-computation-title">Calcul de l’intéressement</h2>
      {incentive && params && typeof level === "number" && typeof evolution === "number" && typeof patients === "number" ? (
        <>
          <p className="results-formula">
            {formatShare(params.shareOfSavings)} × ({formatDecimal(params.cEcart)} × {formatEur(Math.max(0, level))} +{" "}
            {formatDecimal(params.cEvolution)} × {formatEur(Math.max(0, evolution))}) = <strong>{formatEur(incentive.perPatientEur)}</strong> par patient
          </p>
          <dl className="details results-figures">
            <div>
              <dt>Montant par patient</dt>
              <dd>{formatEur(incentive.perPatientEur)}</dd>
            </div>
            <div>
              <dt>Montant brut ({formatDecimal(patients)} patients)</dt>
              <dd>{formatEur(incentive.grossEur)}</dd>
            </div>
            <div>
              <dt>Score qualité global</dt>
              <dd>{formatDecimal(incentive.qualityScore)} points</dd>
            </div>
            <div>
              <dt>Modulation qualité</dt>
              <dd>{formatShare(incentive.modulationRate)}</dd>
            </div>
            <div className="results-figures__total">
              <dt>Intéressement calculé</dt>
              <dd>{formatEur(incentive.totalEur)}</dd>
            </div>
            <div>
              <dt>Intéressement reçu</dt>
              <dd>{typeof received === "number" ? formatEur(received) : <span className="muted">Non renseigné</span>}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="muted">Le calcul s’affiche dès que la patientèle, les gains et les points qualité sont valides.</p>
      )}
    </section>
  );
}
