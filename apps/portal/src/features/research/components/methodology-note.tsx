import type { ResearchPerturbation, ResearchThresholds } from "../types";
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

/** The noise added on top of the perturbation (differential privacy), when the deployment adds any. */
export function NoiseNote({ noise }: { noise: { mechanism: string; epsilon: number } | null }) {
  if (!noise) return null;
  const mechanism = /laplace/i.test(noise.mechanism) ? "mécanisme de Laplace" : /gauss/i.test(noise.mechanism) ? "mécanisme gaussien" : noise.mechanism;
  return (
    <p className="research-notice research-notice--noise">
      En plus de la perturbation, un bruit de confidentialité différentielle a été ajouté aux valeurs publiées ({mechanism}, ε ={" "}
      {formatEpsilon(noise.epsilon)}) : les marges peuvent ne pas être exactement la somme des cases.
    </p>
  );
}

/**
 * « Valeurs perturbées », beside the table: every published value of an answer is perturbed (permanent cell-key
 * perturbation, and permanent noise on each MSP-year's contribution to amounts). The API's French description says
 * what and how much; counts of MSPs are multiples of `countBase`. A note in words, not a colour.
 */
export function PerturbationNote({ perturbation }: { perturbation: ResearchPerturbation }) {
  const { countBase } = perturbation;
  return (
    <div className="research-notice research-notice--perturbed" role="note" aria-label="Valeurs perturbées">
      <p>
        <strong>Valeurs perturbées.</strong> {perturbation.description}
      </p>
      {countBase !== null && countBase > 1 && (
        <p>
          Les nombres de MSP publiés sont tous des multiples de {integer.format(countBase)} (écart d’au plus {integer.format(countBase - 1)} avec le nombre
          exact).
        </p>
      )}
      <p>Une même case a toujours la même valeur ; chaque case étant perturbée, les marges ne sont pas toujours exactement la somme des cases.</p>
    </div>
  );
}

/**
 * The API's methodology of the answer, then what every answer follows, for researchers: the permanent
 * perturbation (DOMAIN.md §6.3: cell key, contribution noise; counts of MSPs in multiples of 3) and the secret
 * statistique rules with the thresholds applied to this answer (R1, R4, R2), R8 (every query logged).
 */
export function MethodologyNote({ methodology, dataVersion, thresholds: t }: { methodology: string; dataVersion: string; thresholds: ResearchThresholds }) {
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
        Chaque chiffre publié est perturbé, de façon permanente : une même case a toujours la même valeur, quelle que soit la personne qui la demande
        et quelle que soit la façon de formuler la question. La différence de deux cases reste elle aussi perturbée : aucune combinaison de
        requêtes, même mises en commun entre plusieurs personnes, ne donne un chiffre exact sur une MSP. Les nombres de MSP sont publiés en
        multiples de 3.
      </p>
      <p>
        Règles du secret statistique appliquées à chaque réponse : les effectifs inférieurs à {integer.format(t.minPatients)} sont masqués ; une case
        construite à partir de moins de {integer.format(t.minContributors)} MSP est masquée ; une case dont une seule MSP représente plus de{" "}
        {percent.format(t.dominanceShare)} du total est masquée ; un masquage complémentaire empêche de retrouver une case masquée par somme ou par
        différence avec les autres cases et les marges. Vous n’avez accès à aucune donnée individuelle : ni MSP, ni professionnel, ni patient.
        Chaque requête est journalisée.
      </p>
      <p className="muted">Version des données : {dataVersion}</p>
    </div>
  );
}
