import type { PepsCoefficientTable } from "@maillage/domain";
import { formatNumber } from "../../../shared/format";
import { ageBandLabel, aldCounts, aldLabel, precariteLabel, SEX_LABELS } from "../utils/labels";
import { cellKey, type MixValues, PRECARITE, SEXES } from "../utils/mix";

type Props = {
  table: PepsCoefficientTable;
  values: MixValues;
  invalid: readonly string[];
  total: number;
  onChange: (key: string, text: string) => void;
};

/** The detailed patient mix: one row per age band and sex, one column per ALD count and précarité. */
export function PatientMixGrid({ table, values, invalid, total, onChange }: Props) {
  const alds = aldCounts(table);
  const bad = new Set(invalid);
  return (
    <>
      <div className="table-wrapper" role="region" aria-label="Grille de la patientèle" tabIndex={0}>
        <table className="table simulator-grid">
          <caption className="visually-hidden">Patients médecin traitant par tranche d’âge, sexe, nombre d’ALD et précarité</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Tranche d’âge et sexe
              </th>
              {alds.map((n) => (
                <th scope="colgroup" colSpan={PRECARITE.length} key={n}>
                  {aldLabel(table, n)}
                </th>
              ))}
            </tr>
            <tr>
              {alds.flatMap((n) =>
                PRECARITE.map((p) => (
                  <th scope="col" key={`${n}-${p}`}>
                    {precariteLabel(p)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {table.ageBands.flatMap((band) =>
              SEXES.map((sex) => (
                <tr key={`${band.band}-${sex}`}>
                  <th scope="row">
                    {ageBandLabel(table, band.band)} — {SEX_LABELS[sex].toLowerCase()}
                  </th>
                  {alds.flatMap((aldCount) =>
                    PRECARITE.map((precarite) => {
                      const key = cellKey({ ageBand: band.band, sex, aldCount, precarite });
                      return (
                        <td key={key}>
                          <input
                            type="text"
                            inputMode="numeric"
                            className="simulator-grid__input"
                            aria-label={`${ageBandLabel(table, band.band)}, ${SEX_LABELS[sex].toLowerCase()}, ${aldLabel(table, aldCount)}, ${precariteLabel(precarite)}`}
                            aria-invalid={bad.has(key) ? true : undefined}
                            value={values[key] ?? ""}
                            onChange={(e) => onChange(key, e.target.value)}
                          />
                        </td>
                      );
                    }),
                  )}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <p className="result-count" role="status">
        {bad.size > 0
          ? `${formatNumber(bad.size)} case(s) ne contiennent pas un nombre entier de patients.`
          : `Total : ${formatNumber(total)} patients`}
      </p>
    </>
  );
}
