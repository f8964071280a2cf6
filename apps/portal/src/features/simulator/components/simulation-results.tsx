import type { PepsCoefficientTable, PepsSimulation } from "@maillage/domain";
import { formatNumber } from "../../../shared/format";
import { formatCoefficient, formatEuros, formatEurosPrecise, formatShare, formatSignedEuros, formatSignedPercent } from "../utils/format";
import { ageBandLabel, aldLabel, SEX_LABELS } from "../utils/labels";
import { downloadCsv, simulationCsv } from "../utils/simulation-csv";

type Props = { table: PepsCoefficientTable; simulation: PepsSimulation };

/** The comparison (cards), the cap effect, and the per-group detail with its CSV export. */
export function SimulationResults({ table, simulation: s }: Props) {
  const groups = s.groups.filter((g) => g.patients > 0);
  const capRate = table.feeForServiceCapRate;
  const gain = s.differenceEur >= 0;
  return (
    <>
      <ul className="simulator-cards" aria-label="Comparaison annuelle">
        <li className="card simulator-card">
          <p className="simulator-card__label">Forfait PEPS estimé</p>
          <p className="simulator-card__value">{formatEuros(s.pepsEur)}</p>
          <p className="muted">soit {formatEurosPrecise(s.pepsPerPatientEur)} par patient et par an</p>
        </li>
        <li className="card simulator-card">
          <p className="simulator-card__label">Paiement à l’acte actuel</p>
          <p className="simulator-card__value">{formatEuros(s.feeForServiceEur)}</p>
          <p className="muted">soit {formatEurosPrecise(s.feeForServicePerPatientEur)} par patient et par an</p>
        </li>
        <li className={`card simulator-card ${gain ? "simulator-card--gain" : "simulator-card--loss"}`}>
          <p className="simulator-card__label">Écart avec l’acte</p>
          <p className="simulator-card__value">{formatSignedEuros(s.differenceEur)}</p>
          <p className="muted">
            {s.differenceRate === null ? "Pas de montant à l’acte à comparer" : `${formatSignedPercent(s.differenceRate)} par rapport à l’acte`}
          </p>
        </li>
        <li className="card simulator-card">
          <p className="simulator-card__label">Effet du plafond</p>
          {capRate === null || s.capEur === null ? (
            <p className="simulator-card__value simulator-card__value--small">Aucun plafond dans cette table</p>
          ) : s.capped ? (
            <>
              <p className="simulator-card__value">{formatSignedEuros(-s.capReductionEur)}</p>
              <p className="muted">
                Forfait plafonné à {formatEuros(s.capEur)} ({formatSignedPercent(capRate)} de l’acte) au lieu de {formatEuros(s.uncappedEur)}
              </p>
            </>
          ) : (
            <>
              <p className="simulator-card__value simulator-card__value--small">Plafond non atteint</p>
              <p className="muted">
                Plafond : {formatEuros(s.capEur)} ({formatSignedPercent(capRate)} de l’acte)
              </p>
            </>
          )}
        </li>
      </ul>

      <dl className="details simulator-breakdown" aria-label="Décomposition du forfait">
        <dt>Forfait de base</dt>
        <dd>{formatEuros(s.baseEur)}</dd>
        <dt>Majoration précarité (C2S/AME)</dt>
        <dd>{formatEuros(s.precariteEur)}</dd>
        <dt>Bonus qualité</dt>
        <dd>{formatEuros(s.qualityBonusEur)}</dd>
        <dt>Réduction due au plafond</dt>
        <dd>{formatEuros(s.capReductionEur)}</dd>
        <dt>Forfait PEPS</dt>
        <dd>{formatEuros(s.pepsEur)}</dd>
      </dl>

      <div className="page-header">
        <h3 id="simulator-groups-title">Détail par groupe de patients</h3>
        <button
          type="button"
          className="button"
          disabled={groups.length === 0}
          onClick={() => downloadCsv("simulation-peps.csv", simulationCsv(table, s))}
        >
          Exporter
        </button>
      </div>
      {groups.length === 0 ? (
        <div className="state state--empty">
          <p className="state__title">Aucun patient dans la grille</p>
        </div>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="simulator-groups-title" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Tranche d’âge</th>
                <th scope="col">Sexe</th>
                <th scope="col">ALD</th>
                <th scope="col">C2S/AME</th>
                <th scope="col" className="numeric">
                  Patients
                </th>
                <th scope="col" className="numeric">
                  Coefficient
                </th>
                <th scope="col" className="numeric">
                  Forfait par patient
                </th>
                <th scope="col" className="numeric">
                  Forfait du groupe
                </th>
                <th scope="col" className="numeric">
                  Part
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.ageBand}|${g.sex}|${g.aldCount}|${g.precarite}`}>
                  <th scope="row">{ageBandLabel(table, g.ageBand)}</th>
                  <td>{SEX_LABELS[g.sex]}</td>
                  <td>{aldLabel(table, g.aldCount)}</td>
                  <td>{g.precarite ? "Oui" : "Non"}</td>
                  <td className="numeric">{formatNumber(g.patients)}</td>
                  <td className="numeric">{formatCoefficient(g.coefficient)}</td>
                  <td className="numeric">{formatEurosPrecise(g.perPatientEur)}</td>
                  <td className="numeric">{formatEuros(g.forfaitEur)}</td>
                  <td className="numeric">{formatShare(g.share)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Total avant bonus qualité et plafond
                </th>
                <td className="numeric">{formatNumber(s.patients)}</td>
                <td />
                <td />
                <td className="numeric">{formatEuros(s.baseEur + s.precariteEur)}</td>
                <td className="numeric">{formatShare(1)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
