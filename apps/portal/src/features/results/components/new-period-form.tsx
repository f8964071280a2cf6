import { useMutation } from "@apollo/client/react";
import { FIRST_PERIOD_YEAR, type Programme } from "@maillage/domain";
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { SAVE_RESULT_PERIOD } from "../graphql/save-result-period.mutation";
import { PROGRAMME_DESCRIPTIONS, PROGRAMME_LABELS, PROGRAMME_ORDER } from "../utils/labels";
import { type PeriodRecord, periodPath } from "../utils/period-record";

/**
 * « Nouvelle période »: a programme and a year (not in the future, from 2015 — DOMAIN.md §3.1). The period is created
 * as an empty draft, then its form opens.
 */
export function NewPeriodForm({ projectId, existing, today = new Date() }: { projectId: string; existing: readonly Pick<PeriodRecord, "id" | "programme" | "year">[]; today?: Date }) {
  const id = useId();
  const navigate = useNavigate();
  const currentYear = today.getFullYear();
  const [programme, setProgramme] = useState<Programme>("ACI");
  const [year, setYear] = useState(String(currentYear - 1));
  const [yearError, setYearError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SAVE_RESULT_PERIOD, { refetchQueries: ["ProjectResultPeriods"] });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const value = Number(year);
    if (!Number.isInteger(value) || value < FIRST_PERIOD_YEAR || value > currentYear) {
      setYearError(`L’année doit être comprise entre ${FIRST_PERIOD_YEAR} et ${currentYear}.`);
      return;
    }
    const duplicate = existing.find((p) => p.programme === programme && p.year === value);
    if (duplicate) {
      setYearError(`La période ${PROGRAMME_LABELS[programme]} ${value} existe déjà.`);
      return;
    }
    setYearError(undefined);
    try {
      const result = await save({ variables: { input: { projectId, programme, year: value, inputs: {} } } });
      const created = result.data?.saveResultPeriod;
      if (created) void navigate(periodPath(projectId, created.id));
    } catch (error) {
      const fieldErrors = getFieldErrors(error);
      if (fieldErrors["year"]) setYearError(fieldErrors["year"]);
      else setFormError(describeError(error));
    }
  }

  return (
    <section className="card results-new" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Nouvelle période</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <form className="inline-form" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <div className="field">
          <label htmlFor={`${id}-programme`}>Dispositif</label>
          <select id={`${id}-programme`} value={programme} onChange={(e) => setProgramme(e.target.value as Programme)}>
            {PROGRAMME_ORDER.map((p) => (
              <option key={p} value={p}>
                {PROGRAMME_LABELS[p]} — {PROGRAMME_DESCRIPTIONS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>Année</label>
          <input
            id={`${id}-year`}
            type="number"
            min={FIRST_PERIOD_YEAR}
            max={currentYear}
            step={1}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            aria-invalid={yearError ? true : undefined}
            aria-describedby={yearError ? `${id}-year-error` : undefined}
          />
          <FieldError id={`${id}-year-error`} message={yearError} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading && <Spinner />} Créer la période
          </button>
        </div>
      </form>
    </section>
  );
}
