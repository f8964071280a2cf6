import { useMutation } from "@apollo/client/react";
import { type FormEvent, Fragment, useId, useState } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { formatDate, formatDay } from "../../../shared/format";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import {
  ACI_AXES,
  ACI_AXIS_LABELS,
  ACI_TYPE_LABELS,
  type ApiAciIndicator,
  type ApiAciRuleSet,
  formatDecimal,
  formatEur,
  isToVerify,
  numberFromText,
  textFromNumber,
  ToVerifyBadge,
} from "../../results";
import { UPDATE_ACI_INDICATOR } from "../graphql/update-aci-indicator.mutation";

type IndicatorRow = ApiAciIndicator & { edited?: boolean; verifiedAt?: string | null; verifiedByName?: string | null };
type RuleSetRow = Omit<ApiAciRuleSet, "indicators"> & { source: string; indicators: readonly IndicatorRow[] };

/**
 * ACI rule sets (DOMAIN.md §3.1 versions, §3.5 rows and flags). Rows flagged 🟡/🔶/⚠️ show « à vérifier »; a federation
 * admin may correct their points against the official text and mark them verified (who and when are shown).
 */
export function AciRuleSetsSection({ ruleSets, canEdit }: { ruleSets: readonly RuleSetRow[]; canEdit: boolean }) {
  const id = useId();
  const [message, setMessage] = useState("");
  return (
    <section className="card results-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Versions de l’ACI</h2>
      <LiveStatus message={message} />
      {ruleSets.map((ruleSet) => (
        <div key={ruleSet.code} className="results-subsection">
          <h3>
            {ruleSet.label} <span className="muted">({ruleSet.code})</span>
          </h3>
          <p className="muted">
            En vigueur depuis le {formatDay(ruleSet.validFrom)} · {formatEur(ruleSet.pointValueEur)} le point · patientèle de référence{" "}
            {formatDecimal(ruleSet.referencePatients)} patients
          </p>
          {ACI_AXES.map((axis) => {
            const rows = ruleSet.indicators.filter((i) => i.axis === axis);
            if (rows.length === 0) return null;
            return (
              <div key={axis} className="table-wrapper" role="region" aria-label={`${ruleSet.code} — ${ACI_AXIS_LABELS[axis]}`} tabIndex={0}>
                <table className="table">
                  <caption>{ACI_AXIS_LABELS[axis]}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Indicateur</th>
                      <th scope="col">Type</th>
                      <th scope="col">Points fixes</th>
                      <th scope="col">Points variables (pour 4 000 patients)</th>
                      <th scope="col">Unités max.</th>
                      <th scope="col">Fiabilité</th>
                      {canEdit && (
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <AciIndicatorRowView key={row.code} ruleSetCode={ruleSet.code} row={row} canEdit={canEdit} onSaved={setMessage} />
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

function AciIndicatorRowView({
  ruleSetCode,
  row,
  canEdit,
  onSaved,
}: {
  ruleSetCode: string;
  row: IndicatorRow;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const editable = canEdit && isToVerify(row.flag);
  return (
    <Fragment>
      <tr>
        <th scope="row">
          {row.label}
          <span className="details__note">{row.code}</span>
        </th>
        <td>{ACI_TYPE_LABELS[row.type as keyof typeof ACI_TYPE_LABELS] ?? row.type}</td>
        <td>{formatDecimal(row.fixedPoints)}</td>
        <td>{formatDecimal(row.variablePointsPer4000)}</td>
        <td>{row.maxUnits ?? "—"}</td>
        <td>
          {isToVerify(row.flag) ? <ToVerifyBadge flag={row.flag} /> : <span className="badge badge--approved">Confirmé</span>}
          {row.edited && <span className="details__note">Valeurs modifiées par la fédération</span>}
          {row.verifiedAt && (
            <span className="details__note">
              Vérifié{row.verifiedByName ? ` par ${row.verifiedByName}` : ""} le {formatDate(row.verifiedAt)}
            </span>
          )}
          <span className="details__note">{row.source}</span>
        </td>
        {canEdit && (
          <td>
            {editable && !isEditing && (
              <button type="button" className="button button--small" onClick={() => setIsEditing(true)} aria-label={`Modifier « ${row.label} »`}>
                Modifier
              </button>
            )}
          </td>
        )}
      </tr>
      {isEditing && (
        <tr>
          <td colSpan={7}>
            <AciIndicatorEditForm
              ruleSetCode={ruleSetCode}
              row={row}
              onDone={(message) => {
                setIsEditing(false);
                if (message) onSaved(message);
              }}
            />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function AciIndicatorEditForm({ ruleSetCode, row, onDone }: { ruleSetCode: string; row: IndicatorRow; onDone: (message: string) => void }) {
  const id = useId();
  const [fixed, setFixed] = useState(textFromNumber(row.fixedPoints));
  const [variable, setVariable] = useState(textFromNumber(row.variablePointsPer4000));
  const [markVerified, setMarkVerified] = useState(false);
  const [errors, setErrors] = useState<{ fixedPoints?: string; variablePointsPer4000?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UPDATE_ACI_INDICATOR, { refetchQueries: ["ResultsReferenceData"], awaitRefetchQueries: true });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const fixedPoints = numberFromText(fixed);
    const variablePointsPer4000 = numberFromText(variable);
    const found: typeof errors = {};
    if (typeof fixedPoints !== "number" || fixedPoints < 0) found.fixedPoints = "Les points fixes doivent être un nombre positif ou nul.";
    if (typeof variablePointsPer4000 !== "number" || variablePointsPer4000 < 0) {
      found.variablePointsPer4000 = "Les points variables doivent être un nombre positif ou nul.";
    }
    setErrors(found);
    if (typeof fixedPoints !== "number" || typeof variablePointsPer4000 !== "number" || Object.keys(found).length > 0) return;
    try {
      await update({ variables: { input: { ruleSetCode, code: row.code, fixedPoints, variablePointsPer4000, markVerified } } });
      onDone(markVerified ? `« ${row.label} » est enregistré et marqué comme vérifié.` : `« ${row.label} » est enregistré.`);
    } catch (error) {
      const fieldErrors = getFieldErrors(error);
      const next = { fixedPoints: fieldErrors["fixedPoints"], variablePointsPer4000: fieldErrors["variablePointsPer4000"] };
      if (next.fixedPoints || next.variablePointsPer4000) setErrors(next);
      else setFormError(fieldErrors["code"] ?? describeError(error));
    }
  }

  return (
    <form className="inline-form inline-form--compact" noValidate onSubmit={(e) => void handleSubmit(e)} aria-label={`Modifier « ${row.label} »`}>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-fixed`}>Points fixes</label>
        <input
          id={`${id}-fixed`}
          inputMode="decimal"
          value={fixed}
          onChange={(e) => setFixed(e.target.value)}
          aria-invalid={errors.fixedPoints ? true : undefined}
          aria-describedby={errors.fixedPoints ? `${id}-fixed-error` : undefined}
          autoFocus
        />
        <FieldError id={`${id}-fixed-error`} message={errors.fixedPoints} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-variable`}>Points variables (pour 4 000 patients)</label>
        <input
          id={`${id}-variable`}
          inputMode="decimal"
          value={variable}
          onChange={(e) => setVariable(e.target.value)}
          aria-invalid={errors.variablePointsPer4000 ? true : undefined}
          aria-describedby={errors.variablePointsPer4000 ? `${id}-variable-error` : undefined}
        />
        <FieldError id={`${id}-variable-error`} message={errors.variablePointsPer4000} />
      </div>
      <div className="field field--checkbox">
        <input id={`${id}-verified`} type="checkbox" checked={markVerified} onChange={(e) => setMarkVerified(e.target.checked)} />
        <label htmlFor={`${id}-verified`}>Marquer comme vérifié</label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading && <Spinner />} Enregistrer
        </button>
        <button type="button" className="button button--link" onClick={() => onDone("")}>
          Annuler
        </button>
      </div>
    </form>
  );
}
