import type { ResearchThresholds } from "../types";
import { formatEpsilon } from "../utils/format-value";

const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("fr-FR");

/**
 * The thresholds the API applied to this answer, in French (DOMAIN.md §6.2, §6.3; docs/research.md): R1 patients
 * < 11 masked (✅ CASD/PMSI), R4 fewer than 3 MSPs and dominance > 85 % (✅ INSEE), R3 rate bases (🔶), R5 income
 * of fewer than 11 professionals (💡 threshold), R2 protection level (🟡/💡). The values come from the API
 * (configuration), never from the portal.
 */
export function ThresholdsList({ thresholds: t }: { thresholds: ResearchThresholds }) {
  const rows: [string, string][] = [
    ["Effectifs de patients", `masqués en dessous de ${integer.format(t.minPatients)} (de 1 à ${integer.format(t.minPatients - 1)})`],
    ["MSP par case", `au moins ${integer.format(t.minContributors)}`],
    ["Dominance", `une MSP ne doit pas dépasser ${percent.format(t.dominanceShare)} du total`],
    ["Taux et moyennes", `numérateur d’au moins ${integer.format(t.minRateNumerator)} et dénominateur d’au moins ${integer.format(t.minRateDenominator)}`],
    ["Revenus de professionnels", `au moins ${integer.format(t.minProfessionals)} professionnels par case`],
    ["Protection des cases masquées", `incertitude d’au moins ${percent.format(t.protectionPercent / 100)} de leur valeur`],
  ];
  return (
    <dl className="research-thresholds">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The noise added to the answer (differential privacy), when the deployment adds any. */
export function NoiseNote({ noise }: { noise: { mechanism: string; epsilon: number } | null }) {
  if (!noise) return null;
  const mechanism = /laplace/i.test(noise.mechanism) ? "mécanisme de Laplace" : /gauss/i.test(noise.mechanism) ? "mécanisme gaussien" : noise.mechanism;
  return (
    <p className="research-notice research-notice--noise">
      Un bruit aléatoire a été ajouté aux valeurs publiées ({mechanism}, ε = {formatEpsilon(noise.epsilon)}) : les marges peuvent ne pas être
      exactement la somme des cases.
    </p>
  );
}

/** The API's methodology of the answer, then the rules every answer follows (DOMAIN.md §6.3 R1–R5, R8). */
export function MethodologyNote({ methodology, dataVersion }: { methodology: string; dataVersion: string }) {
  const paragraphs = methodology
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="research-methodology">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <p>
        Règles du secret statistique appliquées à chaque réponse : les effectifs inférieurs à 11 sont masqués ; une case construite à
        partir de moins de 3 MSP est masquée ; une case dont une seule MSP représente plus de 85 % du total est masquée ; un masquage
        complémentaire empêche de retrouver une case masquée par somme ou par différence avec les autres cases et les marges, y compris
        en combinant vos requêtes successives. Vous n’avez accès à aucune donnée individuelle : ni MSP, ni professionnel, ni patient.
        Chaque requête est journalisée.
      </p>
      <p className="muted">Version des données : {dataVersion}</p>
    </div>
  );
}
