import { useMutation } from "@apollo/client/react";
import { evaluatePeriod, type FieldError as DomainFieldError, type ResultsReferenceData } from "@maillage/domain";
import { useId, useMemo, useState } from "react";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { formatDateTime } from "../../../shared/format";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { SUBMIT_RESULT_PERIOD } from "../graphql/period-decisions.mutation";
import { SAVE_RESULT_PERIOD } from "../graphql/save-result-period.mutation";
import { useUnsavedChangesGuard } from "../hooks/use-unsaved-changes-guard";
import { aciRuleSetOf, draftFromInputs, type PeriodDraft, previewRawInputs, toRawInputs } from "../utils/drafts";
import { describeField } from "../utils/field-labels";
import { isEditableStatus, PROGRAMME_DESCRIPTIONS, PROGRAMME_LABELS } from "../utils/labels";
import { fieldDomId, inputPathOf, setIn } from "../utils/paths";
import type { PeriodRecord } from "../utils/period-record";
import { AciForm } from "./aci-form";
import { IpepForm } from "./ipep-form";
import { PeriodDecisionActions } from "./period-decision-actions";
import { PeriodFormContext, type PeriodFormContextValue } from "./period-form-fields";
import { PeriodStatusBadge } from "./period-status-badge";
import { PepsForm } from "./peps-form";

/** Server errors about the period rather than one of its inputs. */
const PERIOD_LEVEL_FIELDS: ReadonlySet<string> = new Set(["id", "year", "programme", "projectId", "inputs"]);

type PeriodEditorProps = {
  period: PeriodRecord;
  referenceData: ResultsReferenceData;
  /** The MSP team of the project, or federation staff on its behalf (the server decides in the end). */
  canEdit: boolean;
  /** Federation admins approve, return and unlock. */
  canDecide: boolean;
  /** « Today » for the year check (tests pin it). */
  today?: Date;
};

/**
 * One period's form with its live computation: the domain's `evaluatePeriod` runs in the browser on every change with
 * the federation's reference data — the same code the server runs on submission (docs/results.md). A draft is saved
 * as typed, whatever its state; submission is possible once nothing is missing.
 */
export function PeriodEditor({ period, referenceData, canEdit, canDecide, today }: PeriodEditorProps) {
  const formId = `periode-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const { programme, year } = period;
  const [draft, setDraft] = useState<PeriodDraft>(() => draftFromInputs(programme, year, period.inputs, referenceData));
  const raw = useMemo(() => toRawInputs(draft), [draft]);
  const rawJson = JSON.stringify(raw);
  const [savedJson, setSavedJson] = useState(rawJson);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [save, { loading: isSaving }] = useMutation(SAVE_RESULT_PERIOD);
  const [submit, { loading: isSubmitting }] = useMutation(SUBMIT_RESULT_PERIOD);

  const isEditable = canEdit && isEditableStatus(period.status);
  const isDirty = isEditable && rawJson !== savedJson;
  const isBusy = isSaving || isSubmitting;
  const blocker = useUnsavedChangesGuard(isDirty);

  const validation = useMemo(() => evaluatePeriod(programme, year, raw, referenceData, today), [programme, year, raw, referenceData, today]);
  const preview = useMemo(
    () => evaluatePeriod(programme, year, previewRawInputs(draft), referenceData, today),
    [programme, year, draft, referenceData, today],
  );
  const errors: readonly DomainFieldError[] = validation.ok ? [] : validation.error;
  const errorsByField = useMemo(() => new Map(errors.map((e) => [e.field, e.message])), [errors]);
  const outputs = preview.ok ? preview.value.outputs : null;

  const context: PeriodFormContextValue = {
    formId,
    draft: draft.values,
    setAt: (path, value) => {
      setDraft((current) => ({ ...current, values: setIn(current.values, path, value) }) as PeriodDraft);
      setTouched((current) => new Set(current).add(path));
      setServerErrors((current) => {
        if (!(path in current)) return current;
        const { [path]: _removed, ...rest } = current;
        return rest;
      });
      setMessage("");
    },
    errorAt: (path) => serverErrors[path] ?? (showAllErrors || touched.has(path) ? errorsByField.get(path) : undefined),
    touch: (path) => setTouched((current) => (current.has(path) ? current : new Set(current).add(path))),
  };

  function showServerErrors(error: unknown) {
    const fieldErrors = getFieldErrors(error);
    const byPath: Record<string, string> = {};
    const general: string[] = [];
    for (const [field, text] of Object.entries(fieldErrors)) {
      if (!text) continue;
      // The period itself (its year, its id, its state) is not a field of the form: say it above the form.
      if (PERIOD_LEVEL_FIELDS.has(inputPathOf(field))) general.push(text);
      else byPath[inputPathOf(field)] = text;
    }
    setServerErrors(byPath);
    setShowAllErrors(true);
    if (general.length > 0) setFormError(general.join(" "));
    else setFormError(Object.keys(byPath).length > 0 ? "La fédération n’a pas accepté la saisie : corrigez les champs signalés." : describeError(error));
  }

  async function saveDraft(): Promise<boolean> {
    setFormError(null);
    setMessage("");
    try {
      await save({ variables: { input: { projectId: period.projectId, programme, year, inputs: raw } } });
      setSavedJson(rawJson);
      setShowAllErrors(true);
      setMessage("Brouillon enregistré.");
      return true;
    } catch (error) {
      showServerErrors(error);
      return false;
    }
  }

  async function submitPeriod() {
    if (errors.length > 0 || isBusy) return;
    if (isDirty && !(await saveDraft())) return;
    setFormError(null);
    try {
      await submit({ variables: { input: { id: period.id } } });
      setMessage("Période transmise à la fédération.");
    } catch (error) {
      showServerErrors(error);
    }
  }

  const missingListId = `${formId}-missing`;
  return (
    <article className="period-editor" aria-labelledby={`${formId}-title`}>
      <header className="page-header">
        <h1 id={`${formId}-title`}>
          {PROGRAMME_LABELS[programme]} {year}
          {period.project?.name && <span className="muted"> — {period.project.name}</span>}
        </h1>
        <PeriodStatusBadge status={period.status} />
      </header>
      <p className="page-intro">{PROGRAMME_DESCRIPTIONS[programme]}</p>
      {period.status === "RETURNED" && period.returnComment && (
        <div className="notice notice--warning">
          <p>
            <strong>Renvoyé par la fédération :</strong> {period.returnComment}
          </p>
        </div>
      )}
      {period.status === "SUBMITTED" && (
        <p className="notice">
          Transmis à la fédération{period.submittedAt && <> le {formatDateTime(period.submittedAt)}</>} : en attente de validation, la saisie
          n’est plus modifiable.
        </p>
      )}
      {period.status === "APPROVED" && (
        <p className="notice notice--success">
          Validé par la fédération{period.approvedAt && <> le {formatDateTime(period.approvedAt)}</>} : la période est verrouillée.
        </p>
      )}

      {canDecide && <PeriodDecisionActions period={period} />}

      <LiveStatus message={message} />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}

      <form
        className="form results-form"
        noValidate
        aria-label={`Saisie ${PROGRAMME_LABELS[programme]} ${year}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (isEditable && !isBusy) void saveDraft();
        }}
      >
        <PeriodFormContext value={context}>
          <fieldset disabled={!isEditable} className="results-form__body">
            <legend className="visually-hidden">{isEditable ? "Saisie de la période" : "Saisie de la période (lecture seule)"}</legend>
            {draft.programme === "PEPS" && (
              <PepsForm
                values={draft.values}
                referenceData={referenceData}
                forfait={outputs && "peps" in outputs ? outputs.peps : null}
              />
            )}
            {draft.programme === "IPEP" && (
              <IpepForm values={draft.values} referenceData={referenceData} incentive={outputs && "ipep" in outputs ? outputs.ipep : null} />
            )}
            {draft.programme === "ACI" && (
              <AciForm
                values={draft.values}
                year={year}
                referenceData={referenceData}
                ruleSet={aciRuleSetOf(draft.values, year, referenceData)}
                computation={outputs && "aci" in outputs ? outputs.aci : null}
              />
            )}
          </fieldset>
        </PeriodFormContext>

        {isEditable && (
          <div className="results-form__footer">
            {errors.length > 0 ? (
              <div className="results-missing" id={missingListId}>
                <p>
                  <strong>Avant de transmettre, complétez ou corrigez :</strong>
                </p>
                <ul aria-label="Ce qui manque avant de transmettre">
                  {errors.map((e) => (
                    <li key={`${e.field}-${e.code}`}>
                      <a href={`#${fieldDomId(formId, e.field)}`}>{describeField(programme, e.field, referenceData)}</a> : {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="results-ready" id={missingListId}>
                La saisie est complète : elle peut être transmise à la fédération.
              </p>
            )}
            <div className="form__actions">
              <button type="submit" className="button" disabled={isBusy}>
                {isSaving && <Spinner />} Enregistrer le brouillon
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={errors.length > 0 || isBusy}
                aria-describedby={missingListId}
                onClick={() => void submitPeriod()}
              >
                {isSubmitting && <Spinner />} Transmettre à la fédération
              </button>
              {isDirty && <span className="muted">Modifications non enregistrées</span>}
            </div>
          </div>
        )}
      </form>

      {blocker.state === "blocked" && (
        <div className="results-dialog" role="alertdialog" aria-modal="false" aria-labelledby={`${formId}-leave-title`}>
          <p id={`${formId}-leave-title`}>
            <strong>Des modifications ne sont pas enregistrées.</strong> Quitter la page les abandonne.
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" autoFocus onClick={() => blocker.reset()}>
              Rester sur la page
            </button>
            <button type="button" className="button" onClick={() => blocker.proceed()}>
              Quitter sans enregistrer
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
