import { formatCount } from "../../../shared/format";
import { DEPARTEMENT_TILES } from "../utils/departement-tiles";

type MapRow = { departementCode: string; mspCount: number };

/**
 * MSPs by département as a tile-grid cartogram (one square per département, near its real place; see
 * utils/departement-tiles.ts and docs/adr/0007-charts.md). The colour is the number of MSPs; départements outside
 * the federation are dimmed. The same figures are in the « Par département » table, for screen readers.
 */
export function DepartementMap({ rows, federationCodes }: { rows: readonly MapRow[]; federationCodes: ReadonlySet<string> }) {
  const counts = new Map(rows.map((r) => [r.departementCode, r.mspCount]));
  const max = Math.max(1, ...rows.map((r) => r.mspCount));
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / max) * 3.999)));
  const summary = rows.length
    ? `Carte des MSP par département : ${rows.map((r) => `${r.departementCode} ${formatCount(r.mspCount, "MSP", "MSP")}`).join(", ")}.`
    : "Carte des MSP par département : aucune MSP pour ces filtres.";
  return (
    <figure className="dashboard-map">
      <div className="dashboard-map__grid" role="img" aria-label={summary}>
        {DEPARTEMENT_TILES.map(([code, name, col, row]) => {
          const count = counts.get(code) ?? 0;
          const inFederation = federationCodes.has(code);
          return (
            <div
              key={code}
              className={`dashboard-map__tile dashboard-map__tile--l${level(count)}${inFederation ? "" : " dashboard-map__tile--outside"}`}
              style={{ gridColumn: col + 1, gridRow: row + 1 }}
              title={`${name} (${code}) : ${formatCount(count, "MSP", "MSP")}`}
              data-code={code}
            >
              <span>{code}</span>
            </div>
          );
        })}
      </div>
      <figcaption>
        MSP par département (carte en tuiles : un carré par département, placé près de sa position réelle ; outre-mer sur la dernière ligne).
        <span className="dashboard-map__legend" aria-hidden="true">
          <span className="dashboard-map__tile dashboard-map__tile--l0" /> 0
          <span className="dashboard-map__tile dashboard-map__tile--l1" /> peu
          <span className="dashboard-map__tile dashboard-map__tile--l4" /> {max}
        </span>
      </figcaption>
    </figure>
  );
}
