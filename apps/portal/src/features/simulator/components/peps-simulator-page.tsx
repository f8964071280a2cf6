import { ILLUSTRATIVE_PEPS_TABLE, patientMixFromShares, simulatePeps, type PepsCoefficientTable, type PepsPatientGroup } from "@maillage/domain";
import { useMemo, useState } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { formatCoefficient, formatShare, formatSignedPercent, parseDecimal } from "../utils/format";
import { ageBandLabel, aldLabel } from "../utils/labels";
import { groupsFromValues, type MixValues, valuesFromGroups } from "../utils/mix";
import { PatientMixGrid } from "./patient-mix-grid";
import { defaultQuickEntry, QuickEntryForm, sharesOf } from "./quick-entry-form";
import { SimulationResults } from "./simulation-results";
import "../simulator.css";

/** The grid of the default quick entry (what a first visit shows). */
function initialGrid(table: PepsCoefficientTable): MixValues {
  const mix = patientMixFromShares(table, sharesOf(defaultQuickEntry(table)));
  return valuesFromGroups(table, mix.ok ? mix.value : []);
}

/**
 * « Simulateur PEPS »: what a team would receive under the PEPS forfait (DOMAIN.md §4.4) compared with its current
 * fee-for-service income, for its patient mix. Computed in the browser by the domain's `simulatePeps`; nothing is
 * stored. The coefficient table is the illustrative one until official tables are imported (reference data).
 */
export function PepsSimulatorPage({ table = ILLUSTRATIVE_PEPS_TABLE }: { table?: PepsCoefficientTable }) {
  useDocumentTitle("Simulateur PEPS");
  const quickInitial = useMemo(() => defaultQuickEntry(table), [table]);
  const [values, setValues] = useState<MixValues>(() => initialGrid(table));
  const [feeForService, setFeeForService] = useState("");
  const [quality, setQuality] = useState("80");

  const mix = useMemo(() => groupsFromValues(table, values), [table, values]);
  const total = mix.groups.reduce((sum, g) => sum + g.patients, 0);
  const ffs = parseDecimal(feeForService);
  const qualityValue = parseDecimal(quality);
  const ffsError = feeForService.trim() !== "" && (ffs === null || ffs < 0) ? "Saisissez un montant en euros, positif ou nul (par exemple 450 000)." : undefined;
  const qualityError = qualityValue === null || qualityValue < 0 || qualityValue > 100 ? "Saisissez un pourcentage entre 0 et 100." : undefined;

  const outcome = useMemo(() => {
    if (mix.invalid.length > 0 || ffs === null || ffs < 0 || qualityValue === null || qualityValue < 0 || qualityValue > 100) return null;
    return simulatePeps(table, { groups: mix.groups, qualityScore: qualityValue / 100, feeForServiceEur: ffs });
  }, [table, mix, ffs, qualityValue]);

  const fill = (groups: PepsPatientGroup[]) => setValues(valuesFromGroups(table, groups));

  return (
    <section aria-labelledby="simulator-title" className="simulator">
      <h1 id="simulator-title">Simulateur PEPS</h1>
      <p>
        Le PEPS (paiement en équipe de professionnels de santé en ville) remplace le paiement à l’acte des médecins
        généralistes par un forfait annuel par patient médecin traitant, ajusté selon l’âge, le sexe, les affections de
        longue durée (ALD) et la précarité, puis modulé par la qualité et plafonné par rapport à l’acte. Estimez ce que
        votre équipe percevrait pour l’ensemble de sa patientèle médecin traitant.
      </p>
      {table.illustrative && (
        <p className="simulator-notice" role="note">
          <strong>Table illustrative — valeurs fictives.</strong> Les coefficients officiels des forfaits PEPS ne sont
          pas publics : les montants ci-dessous illustrent le mécanisme et ne constituent pas une estimation de ce que
          verserait l’Assurance Maladie.
        </p>
      )}
      <details className="card simulator-table">
        <summary>Coefficients utilisés : {table.label}</summary>
        <dl className="details">
          <dt>Forfait de base</dt>
          <dd>{formatCoefficient(table.basePerPatientEur)} € par patient et par an</dd>
          <dt>Âge</dt>
          <dd>{table.ageBands.map((b) => `${ageBandLabel(table, b.band)} : ${formatCoefficient(b.coefficient)}`).join(" ; ")}</dd>
          {table.sexCoefficients && (
            <>
              <dt>Sexe</dt>
              <dd>
                femmes : {formatCoefficient(table.sexCoefficients.F)} ; hommes : {formatCoefficient(table.sexCoefficients.M)}
              </dd>
            </>
          )}
          <dt>ALD</dt>
          <dd>{table.aldCoefficients.map((a) => `${aldLabel(table, a.count)} : ${formatCoefficient(a.coefficient)}`).join(" ; ")}</dd>
          <dt>Précarité (C2S/AME)</dt>
          <dd>{formatCoefficient(table.precariteCoefficient)}</dd>
          <dt>Bonus qualité maximal</dt>
          <dd>{formatShare(table.qualityBonusMaxRate)} du forfait</dd>
          <dt>Plafond</dt>
          <dd>{table.feeForServiceCapRate === null ? "aucun" : `${formatSignedPercent(table.feeForServiceCapRate)} par rapport au paiement à l’acte (à vérifier)`}</dd>
        </dl>
      </details>

      <section aria-labelledby="quick-entry-title" className="card">
        <h2 id="quick-entry-title">Saisie rapide</h2>
        <QuickEntryForm table={table} initial={quickInitial} onFill={fill} />
      </section>

      <section aria-labelledby="grid-title" className="card">
        <h2 id="grid-title">Patientèle détaillée</h2>
        <p className="muted">Nombre de patients médecin traitant de l’équipe dans chaque case.</p>
        <PatientMixGrid table={table} values={values} invalid={mix.invalid} total={total} onChange={(key, text) => setValues((v) => ({ ...v, [key]: text }))} />
      </section>

      <section aria-labelledby="income-title" className="card">
        <h2 id="income-title">Situation actuelle et hypothèse de qualité</h2>
        <div className="simulator-fields">
          <div className="field">
            <label htmlFor="simulator-ffs">Paiement à l’acte actuel pour ces patients (€ par an)</label>
            <input
              id="simulator-ffs"
              type="text"
              inputMode="decimal"
              value={feeForService}
              aria-invalid={ffsError ? true : undefined}
              aria-describedby={`simulator-ffs-hint${ffsError ? " simulator-ffs-error" : ""}`}
              onChange={(e) => setFeeForService(e.target.value)}
            />
            <p className="field__hint" id="simulator-ffs-hint">
              Honoraires des médecins généralistes pour leurs patients médecin traitant sur un an : ce que le forfait
              remplacerait.
            </p>
            <FieldError id="simulator-ffs-error" message={ffsError} />
          </div>
          <div className="field">
            <label htmlFor="simulator-quality">Hypothèse de score qualité (%)</label>
            <input
              id="simulator-quality"
              type="text"
              inputMode="decimal"
              value={quality}
              aria-invalid={qualityError ? true : undefined}
              aria-describedby={`simulator-quality-hint${qualityError ? " simulator-quality-error" : ""}`}
              onChange={(e) => setQuality(e.target.value)}
            />
            <p className="field__hint" id="simulator-quality-hint">
              Le barème du bonus qualité n’est pas publié (à vérifier) : le simulateur applique un bonus proportionnel
              au score, jusqu’à {formatShare(table.qualityBonusMaxRate)} du forfait.
            </p>
            <FieldError id="simulator-quality-error" message={qualityError} />
          </div>
        </div>
      </section>

      <section aria-labelledby="results-title" className="simulator-results">
        <h2 id="results-title">Résultat de la simulation (par an)</h2>
        {table.illustrative && <p className="badge simulator-badge">Table illustrative — valeurs fictives</p>}
        {outcome === null ? (
          <div className="state state--empty" role="status">
            <p className="state__title">
              {mix.invalid.length > 0
                ? "Corrigez la grille de la patientèle pour voir le résultat."
                : feeForService.trim() === ""
                  ? "Indiquez le paiement à l’acte actuel pour comparer avec le forfait."
                  : "Corrigez les champs signalés pour voir le résultat."}
            </p>
          </div>
        ) : !outcome.ok ? (
          <div className="state state--error" role="alert">
            <p className="state__title">La simulation n’a pas pu être calculée</p>
            <ul>
              {outcome.error.map((e) => (
                <li key={`${e.field}-${e.code}`}>{e.message}</li>
              ))}
            </ul>
          </div>
        ) : (
          <SimulationResults table={table} simulation={outcome.value} />
        )}
      </section>
    </section>
  );
}
