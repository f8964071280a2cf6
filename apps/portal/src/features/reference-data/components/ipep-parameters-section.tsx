import { useId } from "react";
import { type ApiIpepParameters, formatDecimal, formatShare } from "../../results";

const MODULATION_LABELS: Readonly<Record<string, string>> = {
  NONE: "Aucune (taux 1)",
  USER_ENTERED: "Taux saisi d’après la notification de la CPAM",
  LINEAR: "Linéaire selon le score",
};

/** IPEP intéressement parameters (DOMAIN.md §5.2 ✅ coefficients; quality modulation ⚠️), read-only. */
export function IpepParametersSection({ parameters }: { parameters: readonly ApiIpepParameters[] }) {
  const id = useId();
  return (
    <section className="card results-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Paramètres IPEP</h2>
      {parameters.length === 0 ? (
        <p className="muted">Aucun paramètre.</p>
      ) : (
        parameters.map((p) => (
          <div key={p.code} className="results-subsection">
            <h3>{p.code}</h3>
            <dl className="details">
              <div>
                <dt>Coefficient sur l’écart (C écart)</dt>
                <dd>{formatDecimal(p.cEcart)}</dd>
              </div>
              <div>
                <dt>Coefficient sur l’évolution (C évolution)</dt>
                <dd>{formatDecimal(p.cEvolution)}</dd>
              </div>
              <div>
                <dt>Part partagée (C partage)</dt>
                <dd>{formatShare(p.shareOfSavings)}</dd>
              </div>
              <div>
                <dt>Expérience patient (points au plus)</dt>
                <dd>{formatDecimal(p.patientExperienceMaxPoints)}</dd>
              </div>
              <div>
                <dt>Modulation qualité</dt>
                <dd>
                  {MODULATION_LABELS[p.modulation.kind] ?? p.modulation.kind}
                  {p.modulation.kind === "LINEAR" && typeof p.modulation.maxScore === "number" && (
                    <span className="details__note">
                      0 sous {formatDecimal(p.modulation.minimumScore ?? 0)} points, plein à {formatDecimal(p.modulation.maxScore)} points
                    </span>
                  )}
                </dd>
              </div>
            </dl>
          </div>
        ))
      )}
    </section>
  );
}
