import type { Programme, ResultsReferenceData } from "@maillage/domain";
import { parsePath } from "./paths";

/** French names of the fields, for the list of what is missing before submission. */
const TOP_LEVEL: Readonly<Record<Programme, Readonly<Record<string, string>>>> = {
  PEPS: {
    tableId: "Table de coefficients",
    scope: "Périmètre",
    patientele: "Patientèle du périmètre",
    groups: "Patients par groupe",
    daysInScope: "Jours dans le périmètre",
    daysInPeriod: "Jours de la période",
    qualityScore: "Score qualité",
    qualityIndicators: "Indicateurs qualité",
    forfaitReceivedEur: "Forfait reçu",
    feeForServiceEquivalentEur: "Équivalent paiement à l’acte",
    internalSplit: "Répartition interne",
  },
  IPEP: {
    parametersId: "Paramètres IPEP",
    groupement: "Groupement",
    patients: "Patientèle du groupement",
    gainLevelPerPatientEur: "Gain sur le niveau de dépenses",
    gainEvolutionPerPatientEur: "Gain sur l’évolution des dépenses",
    soclePoints: "Points des indicateurs socles",
    aLaCartePoints: "Points des indicateurs à la carte",
    patientExperiencePoints: "Points expérience patient",
    enteredModulationRate: "Taux de modulation notifié",
    qualityIndicators: "Indicateurs qualité",
    incentiveReceivedEur: "Intéressement reçu",
  },
  ACI: {
    ruleSetId: "Version de l’ACI",
    patientele: "Patientèle médecin traitant",
    associatedProfessionals: "Professionnels de santé associés",
    contractStart: "Date de signature du contrat",
    isNewStructure: "Structure nouvelle",
    precarite: "Précarité",
    achievements: "Indicateurs",
    amountReceivedEur: "Montant reçu",
  },
};

const ROW_FIELDS: Readonly<Record<string, string>> = {
  ageBand: "tranche d’âge",
  sex: "sexe",
  aldCount: "nombre d’ALD",
  precarite: "précarité",
  patients: "patients",
  code: "code",
  label: "libellé",
  value: "valeur",
  amountEur: "montant",
};

const ROW_NAMES: Readonly<Record<string, string>> = {
  groups: "Groupe",
  qualityIndicators: "Indicateur qualité",
  internalSplit: "Ligne de répartition",
};

const PRECARITE_FIELDS: Readonly<Record<string, string>> = {
  c2sRate: "taux C2S de la structure",
  ameRate: "taux AME de la structure",
  nationalC2sRate: "taux C2S national",
  nationalAmeRate: "taux AME national",
};

const ACHIEVEMENT_FIELDS: Readonly<Record<string, string>> = {
  achieved: "atteint",
  units: "unités",
  level: "niveau d’atteinte",
  withIpa: "avec IPA",
};

/** `groups[2].patients` → « Groupe 3 — patients »; `achievements.HORAIRES_SNP.units` → « Horaires… — unités ». */
export function describeField(programme: Programme, path: string, ref: ResultsReferenceData): string {
  if (path === "year") return "Année";
  if (path === "inputs") return "Saisie";
  const [head, second, third] = parsePath(path);
  const top = typeof head === "string" ? TOP_LEVEL[programme][head] : undefined;
  if (typeof second === "number" && typeof head === "string") {
    const row = `${ROW_NAMES[head] ?? top ?? head} ${second + 1}`;
    return typeof third === "string" ? `${row} — ${ROW_FIELDS[third] ?? third}` : row;
  }
  if (head === "precarite" && typeof second === "string") return `Précarité — ${PRECARITE_FIELDS[second] ?? second}`;
  if (head === "achievements" && typeof second === "string") {
    const label =
      Object.values(ref.aciRuleSets)
        .flatMap((rs) => rs.indicators)
        .find((i) => i.code === second)?.label ?? second;
    return typeof third === "string" ? `${label} — ${ACHIEVEMENT_FIELDS[third] ?? third}` : label;
  }
  return top ?? path;
}
