import type { PepsForfait, ResultsReferenceData } from "@maillage/domain";
import { PEPS_SCOPES } from "@maillage/domain";
import { emptyGroupRow, emptyIndicatorRow, emptySplitRow, type PepsDraft, sortedPepsTables } from "../utils/drafts";
import { ILLUSTRATIVE_TABLE_LABEL, PEPS_SCOPE_LABELS } from "../utils/labels";
import { formatDecimal, formatEur, formatShare, numberFromText } from "../utils/numbers";
import { IllustrativeBadge } from "./illustrative-badge";
import { QualityIndicatorsGrid } from "./quality-indicators-grid";
import { CheckboxField, GroupError, InputField, SelectField, usePeriodForm } from "./period-form-fields";

type PepsFormProps = {
  values: PepsDraft;
  referenceData: ResultsReferenceData;
  /** The live computation (null while the computed fields are incomplete or invalid). */
  forfait: PepsForfait | null;
};

const SEX_OPTIONS = [
  { value: "F", label: "Femmes" },
  { value: "M", label: "Hommes" },
];

/**
 * PEPS period form (DOMAIN.md §4.4): the coefficient table, the scope, the patient mix by age band × sex × ALD ×
 * précarité, the days in scope, quality, the forfait received, the fee-for-service equivalent and the internal split,
 * with the forfait computed per group beside them.
 */
export function PepsForm({ values, referenceData, forfait }: PepsFormProps) {
  const { setAt } = usePeriodForm();
  const table = referenceData.pepsTables[values.tableId];
  const tables = sortedPepsTables(referenceData);
  const ald = table?.aldCoefficients ?? [];
  const lastAld = ald[ald.length - 1]?.count;
  const aldOptions = ald.map((entry) => ({
    value: String(entry.count),
    label: entry.count === lastAld && entry.count > 0 ? `${entry.count} et plus` : String(entry.count),
  }));
  const bandOptions = (table?.ageBands ?? []).map((band) => ({ value: band.band, label: `${band.band} ans` }));
  const mixTotal = values.groups.reduce((sum, g) => {
    const n = numberFromText(g.patients);
    return sum + (typeof n === "number" ? n : 0);
  }, 0);
  const splitTotal = values.internalSplit.reduce((sum, line) => {
    const n = numberFromText(line.amountEur);
    return sum + (typeof n === "number" ? n : 0);
  }, 0);
  const received = numberFromText(values.forfaitReceivedEur);

  return (
    <>
      <fieldset className="results-section">
        <legend>Référentiel et périmètre</legend>
        <div className="form-grid">
          <SelectField
            path="tableId"
            label="Table de coefficients"
            options={tables.map((t) => ({ value: t.id, label: t.illustrative ? `${t.label} (${ILLUSTRATIVE_TABLE_LABEL})` : t.label }))}
            hint="Table fournie par la CPAM à l’équipe ; les coefficients officiels ne sont pas publics."
          />
          <SelectField
            path="scope"
            label="Périmètre"
            options={PEPS_SCOPES.map((scope) => ({ value: scope, label: PEPS_SCOPE_LABELS[scope] }))}
          />
        </div>
        {table?.illustrative && <IllustrativeBadge />}
      </fieldset>

      <fieldset className="results-section">
        <legend>Patients par groupe</legend>
        <p className="field__hint">
          Une ligne par combinaison de tranche d’âge, sexe, nombre d’ALD et précarité (C2S ou AME). Le forfait de
          chaque groupe se calcule au fil de la saisie.
        </p>
        <div className="table-wrapper" role="region" aria-label="Patients par groupe" tabIndex={0}>
          <table className="table results-grid">
            <thead>
              <tr>
                <th scope="col">Tranche d’âge</th>
                <th scope="col">Sexe</th>
                <th scope="col">ALD</th>
                <th scope="col">Précarité (C2S / AME)</th>
                <th scope="col">Patients</th>
                <th scope="col">Forfait calculé</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {values.groups.map((group, index) => {
                const n = index + 1;
                const computed = forfait?.byGroup[index];
                return (
                  <tr key={group.key}>
                    <td>
                      <SelectField hideLabel path={`groups[${index}].ageBand`} label={`Tranche d’âge du groupe ${n}`} options={bandOptions} />
                    </td>
                    <td>
                      <SelectField hideLabel path={`groups[${index}].sex`} label={`Sexe du groupe ${n}`} options={SEX_OPTIONS} />
                    </td>
                    <td>
                      <SelectField hideLabel path={`groups[${index}].aldCount`} label={`Nombre d’ALD du groupe ${n}`} options={aldOptions} />
                    </td>
                    <td>
                      <CheckboxField hideLabel path={`groups[${index}].precarite`} label={`Précarité (C2S / AME) du groupe ${n}`} />
                    </td>
                    <td>
                      <InputField hideLabel kind="number" path={`groups[${index}].patients`} label={`Patients du groupe ${n}`} />
                      <GroupError path={`groups[${index}]`} />
                    </td>
                    <td className="results-amount" data-testid={`forfait-groupe-${n}`}>
                      {computed ? formatEur(computed.forfaitEur) : <span className="muted">—</span>}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--link"
                        onClick={() => setAt("groups", values.groups.filter((_, i) => i !== index))}
                        aria-label={`Supprimer le groupe ${n}`}
                      >
                        Supprimer
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <GroupError path="groups" />
        <button
          type="button"
          className="button button--small"
          onClick={() => setAt("groups", [...values.groups, emptyGroupRow(referenceData, values.tableId)])}
        >
          Ajouter un groupe
        </button>
        <div className="form-grid">
          <InputField
            kind="number"
            path="patientele"
            label="Patientèle du périmètre"
            hint={`Somme des groupes : ${formatDecimal(mixTotal)} patients. Les deux doivent être égales.`}
          />
          <InputField kind="number" path="daysInScope" label="Jours dans le périmètre" hint="Jours où les patients étaient couverts par le forfait." />
          <InputField kind="number" path="daysInPeriod" label="Jours de la période" hint="365, ou 366 une année bissextile." />
        </div>
      </fieldset>

      <fieldset className="results-section">
        <legend>Qualité</legend>
        <InputField
          kind="number"
          path="qualityScore"
          label="Score qualité (de 0 à 1)"
          hint="1 = tous les objectifs qualité atteints ; le bonus qualité en dépend linéairement (barème non publié)."
        />
        <QualityIndicatorsGrid rows={values.qualityIndicators} onAdd={() => setAt("qualityIndicators", [...values.qualityIndicators, emptyIndicatorRow()])} />
      </fieldset>

      <fieldset className="results-section">
        <legend>Montants de la période</legend>
        <div className="form-grid">
          <InputField kind="number" path="forfaitReceivedEur" label="Forfait reçu" suffix="€" hint="Montant versé par l’Assurance Maladie pour la période." />
          <InputField
            kind="number"
            path="feeForServiceEquivalentEur"
            label="Équivalent paiement à l’acte"
            suffix="€"
            hint="Ce qu’auraient rapporté les actes des mêmes patients sur la période (sert au plafonnement)."
          />
        </div>
      </fieldset>

      <fieldset className="results-section">
        <legend>Répartition interne du forfait</legend>
        <p className="field__hint">Selon le règlement intérieur de l’équipe ; le total doit égaler le forfait reçu (à l’euro près).</p>
        {values.internalSplit.length > 0 && (
          <ul className="plain-list results-rows">
            {values.internalSplit.map((line, index) => (
              <li key={line.key} className="results-row">
                <InputField path={`internalSplit[${index}].label`} label={`Bénéficiaire ${index + 1}`} />
                <InputField kind="number" path={`internalSplit[${index}].amountEur`} label={`Montant ${index + 1}`} suffix="€" />
                <button
                  type="button"
                  className="button button--small button--link"
                  onClick={() => setAt("internalSplit", values.internalSplit.filter((_, i) => i !== index))}
                  aria-label={`Supprimer la ligne de répartition ${index + 1}`}
                >
                  Supprimer
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button button--small" onClick={() => setAt("internalSplit", [...values.internalSplit, emptySplitRow()])}>
          Ajouter une ligne de répartition
        </button>
        {values.internalSplit.length > 0 && (
          <p className="results-running-total" aria-live="polite">
            Total réparti : <strong>{formatEur(splitTotal)}</strong>
            {typeof received === "number" && (
              <>
                {" "}
                sur {formatEur(received)} reçus
                {Math.abs(splitTotal - received) > 1 && <> — reste {formatEur(received - splitTotal)}</>}
              </>
            )}
          </p>
        )}
        <GroupError path="internalSplit" />
      </fieldset>

      <PepsComputation forfait={forfait} values={values} illustrative={table?.illustrative ?? false} capRate={table?.feeForServiceCapRate ?? null} />
    </>
  );
}

type PepsComputationProps = {
  forfait: PepsForfait | null;
  values: PepsDraft;
  illustrative: boolean;
  capRate: number | null;
};

/** The live PEPS computation beside what was received (DOMAIN.md §4.4: forfait, précarité, quality bonus, cap). */
export function PepsComputation({ forfait, values, illustrative, capRate }: PepsComputationProps) {
  const received = numberFromText(values.forfaitReceivedEur);
  const ffs = numberFromText(values.feeForServiceEquivalentEur);
  return (
    <section className="results-computation" aria-labelledby="peps-computation-title" aria-live="polite">
      <h2 id="peps-computation-title">Calcul du forfait</h2>
      {illustrative && <IllustrativeBadge />}
      {forfait ? (
        <dl className="details results-figures">
          <div>
            <dt>Forfait de base (somme des groupes)</dt>
            <dd>{formatEur(forfait.baseEur)}</dd>
          </div>
          <div>
            <dt>Majoration précarité</dt>
            <dd>{formatEur(forfait.precariteEur)}</dd>
          </div>
          <div>
            <dt>Bonus qualité</dt>
            <dd>{formatEur(forfait.qualityBonusEur)}</dd>
          </div>
          <div>
            <dt>Plafonnement</dt>
            <dd>
              {forfait.capped ? `− ${formatEur(forfait.capReductionEur)}` : "Non atteint"}
              {capRate !== null && (
                <span className="details__note">Plafond : équivalent paiement à l’acte + {formatShare(capRate)}</span>
              )}
            </dd>
          </div>
          <div className="results-figures__total">
            <dt>Forfait calculé</dt>
            <dd>{formatEur(forfait.totalEur)}</dd>
          </div>
          <div>
            <dt>Par patient</dt>
            <dd>{formatEur(forfait.perPatientEur)}</dd>
          </div>
          <div>
            <dt>Forfait reçu</dt>
            <dd>{typeof received === "number" ? formatEur(received) : <span className="muted">Non renseigné</span>}</dd>
          </div>
          {typeof received === "number" && (
            <div>
              <dt>Écart reçu − calculé</dt>
              <dd>{formatEur(received - forfait.totalEur)}</dd>
            </div>
          )}
          <div>
            <dt>Équivalent paiement à l’acte</dt>
            <dd>{typeof ffs === "number" ? formatEur(ffs) : <span className="muted">Non renseigné</span>}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">Le calcul s’affiche dès que la table, les groupes, les jours, le score qualité et l’équivalent paiement à l’acte sont valides.</p>
      )}
    </section>
  );
}
