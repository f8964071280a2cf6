import { type PatientMixShares, patientMixFromShares, type PepsCoefficientTable, type PepsPatientGroup } from "@maillage/domain";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { parseCount, parseDecimal } from "../utils/format";
import { ageBandLabel } from "../utils/labels";

/** The quick entry's texts (percentages typed 0–100). */
export type QuickEntryValues = {
  totalPatients: string;
  ageShares: Record<string, string>;
  womenShare: string;
  aldShare: string;
  multiAldShare: string;
  precariteShare: string;
};

/**
 * Defaults of the quick entry (💡 a rural Nouvelle-Aquitaine patientèle of about 4,000 MT patients: 22 % in ALD,
 * 9 % with C2S or AME) — placeholders for a first simulation, to replace by the team's own figures.
 */
export function defaultQuickEntry(table: PepsCoefficientTable): QuickEntryValues {
  const typical: Record<string, string> = { "0-6": "6", "7-15": "9", "16-44": "29", "45-64": "27", "65-74": "14", "75-84": "10", "85+": "5" };
  const even = String(Math.round(1000 / table.ageBands.length) / 10);
  const fitsTable = table.ageBands.every((b) => b.band in typical) && table.ageBands.length === Object.keys(typical).length;
  return {
    totalPatients: "4000",
    ageShares: Object.fromEntries(table.ageBands.map((b) => [b.band, fitsTable ? (typical[b.band] ?? even) : even])),
    womenShare: "52",
    aldShare: "22",
    multiAldShare: "30",
    precariteShare: "9",
  };
}

type Props = {
  table: PepsCoefficientTable;
  initial: QuickEntryValues;
  /** Called with the expanded grid when the entry is valid. */
  onFill: (groups: PepsPatientGroup[]) => void;
};

const percentOf = (text: string): number => {
  const value = parseDecimal(text);
  return value === null ? Number.NaN : value / 100;
};

/** The quick entry as the domain's shares (0..1); unreadable texts become NaN, which the domain reports. */
export function sharesOf(values: QuickEntryValues): PatientMixShares {
  return {
    totalPatients: parseCount(values.totalPatients) ?? Number.NaN,
    ageShares: Object.fromEntries(Object.entries(values.ageShares).map(([band, text]) => [band, percentOf(text)])),
    womenShare: percentOf(values.womenShare),
    aldShare: percentOf(values.aldShare),
    multiAldShare: percentOf(values.multiAldShare),
    precariteShare: percentOf(values.precariteShare),
  };
}

/** Quick entry: a total and shares, spread over the detailed grid by the domain's `patientMixFromShares`. */
export function QuickEntryForm({ table, initial, onFill }: Props) {
  const [values, setValues] = useState<QuickEntryValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [filled, setFilled] = useState(false);

  const set = (patch: Partial<QuickEntryValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setFilled(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = patientMixFromShares(table, sharesOf(values));
    if (!result.ok) {
      setErrors(Object.fromEntries(result.error.map((err) => [err.field, err.message])));
      setFilled(false);
      return;
    }
    setErrors({});
    setFilled(true);
    onFill(result.value);
  };

  const percentField = (id: string, label: string, field: "womenShare" | "aldShare" | "multiAldShare" | "precariteShare", hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={values[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", errors[field] ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        onChange={(e) => set({ [field]: e.target.value })}
      />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={errors[field]} />
    </div>
  );

  return (
    <form className="form" aria-labelledby="quick-entry-title" onSubmit={submit} noValidate>
      <div className="simulator-fields">
        <div className="field">
          <label htmlFor="quick-total">Patients médecin traitant de l’équipe</label>
          <input
            id="quick-total"
            type="text"
            inputMode="numeric"
            value={values.totalPatients}
            aria-invalid={errors.totalPatients ? true : undefined}
            aria-describedby={errors.totalPatients ? "quick-total-error" : undefined}
            onChange={(e) => set({ totalPatients: e.target.value })}
          />
          <FieldError id="quick-total-error" message={errors.totalPatients} />
        </div>
        {percentField("quick-women", "Part de femmes (%)", "womenShare")}
        {percentField("quick-ald", "Part de patients en ALD (%)", "aldShare")}
        {percentField("quick-multi-ald", "Dont 2 ALD ou plus (% des patients en ALD)", "multiAldShare")}
        {percentField("quick-precarite", "Part de patients C2S ou AME (%)", "precariteShare")}
      </div>
      <fieldset className="simulator-age-shares" aria-describedby={errors.ageShares ? "quick-age-error" : "quick-age-hint"}>
        <legend>Répartition par tranche d’âge (%)</legend>
        <p className="field__hint" id="quick-age-hint">
          Les parts doivent totaliser 100 %.
        </p>
        <div className="simulator-fields">
          {table.ageBands.map((b) => {
            const key = `ageShares.${b.band}`;
            const id = `quick-age-${b.band.replace(/[^0-9a-z]/gi, "_")}`;
            return (
              <div className="field" key={b.band}>
                <label htmlFor={id}>{ageBandLabel(table, b.band)}</label>
                <input
                  id={id}
                  type="text"
                  inputMode="decimal"
                  value={values.ageShares[b.band] ?? ""}
                  aria-invalid={errors[key] || errors.ageShares ? true : undefined}
                  aria-describedby={errors[key] ? `${id}-error` : undefined}
                  onChange={(e) => set({ ageShares: { ...values.ageShares, [b.band]: e.target.value } })}
                />
                <FieldError id={`${id}-error`} message={errors[key]} />
              </div>
            );
          })}
        </div>
        <FieldError id="quick-age-error" message={errors.ageShares} />
      </fieldset>
      <p className="field__hint">
        La saisie rapide suppose que l’âge, le sexe, les ALD et la précarité sont indépendants : ajustez ensuite la
        grille détaillée avec la répartition réelle de votre patientèle.
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Répartir dans la grille
        </button>
        <p role="status" className="muted">
          {filled ? "Grille détaillée mise à jour." : ""}
        </p>
      </div>
    </form>
  );
}
