import type { AciComputation, AciIndicator, AciRuleSet, ResultsReferenceData } from "@maillage/domain";
import { ACI_ADVANCE_RATE } from "@maillage/domain";
import type { AciDraft } from "../utils/drafts";
import { ACI_AXES, ACI_AXIS_LABELS, ACI_TYPE_LABELS, ACI_TYPES } from "../utils/labels";
import { formatDecimal, formatEur, formatShare, numberFromText } from "../utils/numbers";
import { CheckboxField, InputField, SelectField } from "./period-form-fields";
import { ToVerifyBadge } from "./to-verify-badge";

type AciFormProps = {
  values: AciDraft;
  year: number;
  referenceData: ResultsReferenceData;
  /** The rule set the draft computes with (named, or in force in the year). */
  ruleSet: AciRuleSet | null;
  computation: AciComputation | null;
};

/** ACI period form (DOMAIN.md §3.3 indicator structure, §3.4 computation, §3.5 indicator table and its flags). */
export function AciForm({ values, year, referenceData, ruleSet, computation }: AciFormProps) {
  const defaultRuleSet = Object.values(referenceData.aciRuleSets)
    .filter((rs) => Number(rs.validFrom.slice(0, 4)) <= year)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  const pointsByCode = new Map(computation?.points.byIndicator.map((p) => [p.code, p.total]) ?? []);
  return (
    <>
      <fieldset className="results-section">
        <legend>Contrat et structure</legend>
        <div className="form-grid">
          <SelectField
            path="ruleSetId"
            label="Version de l’ACI"
            options={[
              { value: "", label: defaultRuleSet ? `Selon l’année (${defaultRuleSet.label})` : "Selon l’année" },
              ...Object.values(referenceData.aciRuleSets).map((rs) => ({ value: rs.id, label: rs.label })),
            ]}
          />
          <InputField
            kind="number"
            path="patientele"
            label="Patientèle médecin traitant"
            hint="Patients ayant déclaré un médecin traitant associé de la SISA."
          />
          <InputField kind="number" path="associatedProfessionals" label="Professionnels de santé associés" />
          <InputField kind="date" path="contractStart" label="Date de signature du contrat" />
          <CheckboxField
            path="isNewStructure"
            label="Structure nouvelle (projet de santé déposé moins d’un an avant la signature)"
            hint="Rémunération minimale garantie de 20 000 € les deux premières années civiles."
          />
        </div>
      </fieldset>

      <fieldset className="results-section">
        <legend>Majoration précarité</legend>
        <p className="field__hint">
          Taux de patients bénéficiaires de la C2S et de l’AME, de la structure et au niveau national ; laisser vide sans
          majoration. Méthode et plafond de 25 % à vérifier.
        </p>
        <div className="form-grid">
          <InputField kind="number" path="precarite.c2sRate" label="Taux C2S de la structure" suffix="%" />
          <InputField kind="number" path="precarite.nationalC2sRate" label="Taux C2S national" suffix="%" />
          <InputField kind="number" path="precarite.ameRate" label="Taux AME de la structure" suffix="%" />
          <InputField kind="number" path="precarite.nationalAmeRate" label="Taux AME national" suffix="%" />
        </div>
      </fieldset>

      <fieldset className="results-section">
        <legend>Indicateurs{ruleSet ? ` — ${ruleSet.label}` : ""}</legend>
        {ruleSet ? (
          ACI_AXES.map((axis) => {
            const ofAxis = ruleSet.indicators.filter((i) => i.axis === axis);
            if (ofAxis.length === 0) return null;
            return (
              <div key={axis} className="results-subsection">
                <h3>{ACI_AXIS_LABELS[axis]}</h3>
                {ACI_TYPES.map((type) => {
                  const rows = ofAxis.filter((i) => i.type === type);
                  if (rows.length === 0) return null;
                  return (
                    <div key={type} className="aci-type-group">
                      <h4>{ACI_TYPE_LABELS[type]}</h4>
                      <ul className="plain-list aci-checklist">
                        {rows.map((indicator) => (
                          <AciIndicatorRow
                            key={indicator.code}
                            indicator={indicator}
                            values={values}
                            points={pointsByCode.get(indicator.code)}
                          />
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            );
          })
        ) : (
          <p className="muted">Aucune version de l’ACI n’est en vigueur pour cette année.</p>
        )}
      </fieldset>

      <fieldset className="results-section">
        <legend>Montant reçu</legend>
        <InputField kind="number" path="amountReceivedEur" label="Montant reçu pour l’année" suffix="€" hint="Avance et solde ; laisser vide s’il n’est pas connu." />
      </fieldset>

      <AciComputationPanel computation={computation} ruleSet={ruleSet} values={values} />
    </>
  );
}

function AciIndicatorRow({ indicator, values, points }: { indicator: AciIndicator; values: AciDraft; points: number | undefined }) {
  const base = `achievements.${indicator.code}`;
  const achieved = values.achievements[indicator.code]?.achieved === true;
  return (
    <li className="aci-indicator">
      <div className="aci-indicator__main">
        <CheckboxField path={`${base}.achieved`} label={indicator.label} />
        <ToVerifyBadge flag={indicator.flag} />
        <span className="aci-indicator__points muted">
          {indicator.fixedPoints > 0 && `${formatDecimal(indicator.fixedPoints)} points fixes${indicator.maxUnits ? " par unité" : ""}`}
          {indicator.fixedPoints > 0 && indicator.variablePointsPer4000 > 0 && " + "}
          {indicator.variablePointsPer4000 > 0 && `${formatDecimal(indicator.variablePointsPer4000)} points pour 4 000 patients`}
          {indicator.perProfessional && ` + ${formatDecimal(indicator.perProfessional.points)} points par professionnel associé`}
        </span>
        {achieved && points !== undefined && <span className="aci-indicator__earned">{formatDecimal(points)} points</span>}
      </div>
      {achieved && (
        <div className="aci-indicator__details">
          {indicator.maxUnits !== undefined && (
            <InputField
              kind="number"
              path={`${base}.units`}
              label={`Nombre d’unités (${formatDecimal(indicator.maxUnits)} au plus)`}
              hint={indicator.minUnits ? `Rien en dessous de ${formatDecimal(indicator.minUnits)}.` : undefined}
            />
          )}
          <InputField kind="number" path={`${base}.level`} label="Niveau d’atteinte" suffix="%" hint="100 % si vide." />
          {indicator.ipaBonus && <CheckboxField path={`${base}.withIpa`} label="Avec un·e infirmier·ère en pratique avancée (IPA)" />}
        </div>
      )}
    </li>
  );
}

/** Points, euros, précarité, advance (60 %) and balance (DOMAIN.md §3.4); 0 € when a prerequisite is missing. */
export function AciComputationPanel({
  computation,
  ruleSet,
  values,
}: {
  computation: AciComputation | null;
  ruleSet: AciRuleSet | null;
  values: AciDraft;
}) {
  const received = numberFromText(values.amountReceivedEur);
  const labelOf = (code: string) => ruleSet?.indicators.find((i) => i.code === code)?.label ?? code;
  return (
    <section className="results-computation" aria-labelledby="aci-computation-title">
      <h2 id="aci-computation-title">Calcul de la rémunération</h2>
      {computation && !computation.prerequisitesMet && (
        <div className="notice notice--danger" role="alert">
          <p>
            <strong>Prérequis manquant : rémunération de 0 €.</strong> Sans les indicateurs du socle prérequis, aucune
            rémunération n’est due.
          </p>
          <ul>
            {computation.missingPrerequisites.map((code) => (
              <li key={code}>{labelOf(code)}</li>
            ))}
          </ul>
        </div>
      )}
      {computation ? (
        <dl className="details results-figures" aria-live="polite">
          <div>
            <dt>Points</dt>
            <dd>
              {formatDecimal(computation.points.total)}{" "}
              <span className="details__note">
                dont {formatDecimal(computation.points.fixed)} fixes et {formatDecimal(computation.points.variable)} variables
              </span>
            </dd>
          </div>
          <div>
            <dt>Montant brut ({ruleSet ? formatEur(ruleSet.pointValueEur) : "7 €"} le point)</dt>
            <dd>{formatEur(computation.grossEur)}</dd>
          </div>
          <div>
            <dt>Majoration précarité</dt>
            <dd>{formatShare(computation.precariteRate)}</dd>
          </div>
          <div className="results-figures__total">
            <dt>Rémunération calculée</dt>
            <dd>
              {formatEur(computation.netEur)}
              {computation.guaranteedMinimumApplied && <span className="details__note">Minimum garanti des structures nouvelles appliqué</span>}
            </dd>
          </div>
          <div>
            <dt>Avance ({formatShare(ACI_ADVANCE_RATE)})</dt>
            <dd>{formatEur(computation.advanceEur)}</dd>
          </div>
          <div>
            <dt>Solde</dt>
            <dd>{formatEur(computation.balanceEur)}</dd>
          </div>
          <div>
            <dt>Montant reçu</dt>
            <dd>{typeof received === "number" ? formatEur(received) : <span className="muted">Non renseigné</span>}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">Le calcul s’affiche dès que la patientèle, les professionnels associés et la date du contrat sont valides.</p>
      )}
    </section>
  );
}
