import type { AciIndicator, AciRuleSet, AciRuleSetId } from "./aci.types.js";

const COMMON = {
  pointValueEur: 7, // §3.4 ✅ [S1]
  referencePatients: 4000, // §3.4 ✅ [S7][S12]
  newStructureMinimumEur: 20000, // §3.4 ✅ [S9][S10]
  precariteCapRate: 0.25, // §3.4 🔶 [S12]
} as const;

/** 12,000 € minimum advance: §2.5 🟡 [S7] (federation page) — configuration, to verify. */
const MINIMUM_ADVANCE_EUR_TO_VERIFY = 12000;

/** Coordination tiers: 1,700 per 4,000 up to 8,000 patients, then 1,100 (§3.5 🔶 [S28]). */
const COORDINATION_TIERS = [
  { upToPatients: 8000, pointsPer4000: 1700 },
  { upToPatients: Number.POSITIVE_INFINITY, pointsPer4000: 1100 },
] as const;

/** SI standard: 200 per associated PS up to 16, then 150 (§3.5 🔶 [S28]; principle ✅ [S11]). */
const SI_PER_PROFESSIONAL = { upTo: 16, points: 200, beyondPoints: 150 } as const;

/**
 * ACI 2017 + avenant 1 (JO 3 Aug 2022), one row per line of DOMAIN.md §3.5, each with its flag.
 * Multi-level rows are split into one code per level; reduced-amplitude variants of the opening
 * hours (780/740/680/650) and the SAS 100-point variant are expressed with `level` (e.g. 0.5).
 * Not modelled: "Satisfaction des patients" (ACI 2017, points ⚠️, possibly merged into
 * "Implication des usagers"). "Réponse aux crises" is typed SOCLE (prérequis? ⚠️ in §3.5): it
 * therefore counts in the advance but does not block payment.
 */
const AV1_INDICATORS: readonly AciIndicator[] = [
  // Axe 1 — Accès aux soins
  {
    code: "HORAIRES_SNP",
    label: "Horaires d'ouverture et soins non programmés",
    axis: "ACCES_AUX_SOINS",
    type: "SOCLE_PREREQUIS",
    fixedPoints: 800,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — critères ✅, 800 points 🔶 [S13][S28][S10b]",
  },
  {
    code: "REPONSE_CRISES_SANITAIRES",
    label: "Réponse aux crises sanitaires graves",
    axis: "ACCES_AUX_SOINS",
    type: "SOCLE",
    fixedPoints: 100,
    variablePointsPer4000: 350,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — existence ✅, points 🔶, prérequis ⚠️ [S3j][S28]",
  },
  {
    code: "DIVERSITE_SERVICES_N1",
    label: "Diversité des services de soins — niveau 1",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 300,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "DIVERSITE_SERVICES_N2",
    label: "Diversité des services de soins — niveau 2",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 300,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "SECOND_RECOURS_N1",
    label: "Consultations de second recours / professions non présentes — niveau 1",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 300,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "SECOND_RECOURS_N2",
    label: "Consultations de second recours / professions non présentes — niveau 2",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 300,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "MEDECIN_CSTM",
    label: "Médecin intervenant sous contrat de solidarité territoriale (CSTM)",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 200,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 ⚠️ (bonus de +100 contesté, non modélisé) [S28]",
  },
  {
    code: "MISSIONS_SANTE_PUBLIQUE",
    label: "Missions de santé publique",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 350,
    variablePointsPer4000: 0,
    maxUnits: 2,
    ipaBonus: { fixed: 200, fixedRequiresMaxUnits: true },
    flag: "TO_VERIFY",
    source: "DOMAIN.md §3.5 — 350/mission 🟡 (modélisé en fixe ⚠️), max 2, +200 IPA ✅ [S3][S28]",
  },
  {
    code: "IMPLICATION_USAGERS_N1",
    label: "Implication des usagers — niveau 1",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 200,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — existence ✅, points 🔶 [S3][S20][S28]",
  },
  {
    code: "IMPLICATION_USAGERS_N2",
    label: "Implication des usagers — niveau 2",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 0,
    variablePointsPer4000: 300,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — existence ✅, points 🔶 [S3][S20][S28]",
  },
  {
    code: "SNP_SAS",
    label: "Soins non programmés en lien avec le SAS",
    axis: "ACCES_AUX_SOINS",
    type: "OPTIONNEL",
    fixedPoints: 200,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — 200 si tous les médecins participent, 100 (level 0,5) si ≥ 50 % ; points 🔶 [S3][S20][S28]",
  },
  // Axe 2 — Travail en équipe et coordination
  {
    code: "FONCTION_COORDINATION",
    label: "Fonction de coordination",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "SOCLE_PREREQUIS",
    fixedPoints: 1000,
    variablePointsPer4000: 1700,
    variableTiers: COORDINATION_TIERS,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — indicateur propre ✅, valeurs 🔶 [S11][S27][S28]",
  },
  {
    code: "PROTOCOLES_PLURIPRO",
    label: "Protocoles pluriprofessionnels",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "SOCLE",
    fixedPoints: 100,
    variablePointsPer4000: 0,
    maxUnits: 8,
    ipaBonus: { fixedPerUnit: 40 },
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — 100/protocole ✅, +40 IPA ✅, max 8 🔶 [S4][S3][S28]",
  },
  {
    code: "CONCERTATION_PLURIPRO",
    label: "Concertation pluriprofessionnelle",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "SOCLE",
    fixedPoints: 0,
    variablePointsPer4000: 1000,
    ipaBonus: { variablePer4000: 200 },
    flag: "TO_VERIFY",
    source: "DOMAIN.md §3.5 — 1 000 🟡, +200 IPA ✅, conditions 🔶 [S3][S28]",
  },
  {
    code: "FORMATION_STAGES",
    label: "Formation des jeunes professionnels (stages)",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 225,
    variablePointsPer4000: 0,
    minUnits: 2,
    maxUnits: 4,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — 450 pour 2 stages, +225 le 3e, +225 le 4e 🔶 [S28]",
  },
  {
    code: "COORDINATION_EXTERNE",
    label: "Coordination externe (transmission de données aux acteurs extérieurs)",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 0,
    variablePointsPer4000: 200,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "DEMARCHE_QUALITE_N1",
    label: "Démarche qualité — niveau 1",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 100,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — existence ✅, points 🔶 [S3][S28]",
  },
  {
    code: "DEMARCHE_QUALITE_N2",
    label: "Démarche qualité — niveau 2",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 0,
    variablePointsPer4000: 200,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — existence ✅, points 🔶 [S3][S28]",
  },
  {
    code: "DEMARCHE_QUALITE_N3",
    label: "Démarche qualité — niveau 3",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 0,
    variablePointsPer4000: 300,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — existence ✅, points 🔶 [S3][S28]",
  },
  {
    code: "PROTOCOLES_COOPERATION_SNP",
    label: "Protocoles nationaux de coopération pour les soins non programmés",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 100,
    variablePointsPer4000: 0,
    maxUnits: 6,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "PARCOURS_INSUFFISANCE_CARDIAQUE",
    label: "Parcours insuffisance cardiaque",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 0,
    variablePointsPer4000: 100,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  {
    code: "PARCOURS_OBESITE_ENFANT",
    label: "Parcours surpoids / obésité de l'enfant",
    axis: "TRAVAIL_EN_EQUIPE",
    type: "OPTIONNEL",
    fixedPoints: 100,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
  // Axe 3 — Système d'information
  {
    code: "SI_STANDARD",
    label: "Système d'information labellisé — niveau standard",
    axis: "SYSTEME_INFORMATION",
    type: "SOCLE_PREREQUIS",
    fixedPoints: 500,
    variablePointsPer4000: 0,
    perProfessional: SI_PER_PROFESSIONAL,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 — principe ✅ [S11], valeurs 🔶 [S28]",
  },
  {
    code: "SI_AVANCE",
    label: "Système d'information labellisé — niveau avancé",
    axis: "SYSTEME_INFORMATION",
    type: "OPTIONNEL",
    fixedPoints: 100,
    variablePointsPer4000: 0,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5 🔶 [S28]",
  },
];

const pick = (codes: readonly string[]): AciIndicator[] =>
  codes.map((code) => {
    const found = AV1_INDICATORS.find((i) => i.code === code);
    if (found === undefined) throw new Error(`ACI: unknown indicator ${code}`);
    return found;
  });

/**
 * ACI 2017 (JO 5 Aug 2017), a plausible full-achievement set that reproduces T-ACI-1 (§3.7 ✅:
 * 13 PS, 4,000 patients, all engagements ⇒ 10,500 points = 73,500 €). CNAM's exact indicator mix
 * is not published (§3.7), so this set is a reconstruction with the avenant-1 values (🔶) of the
 * rows that existed in 2017, without the IPA bonuses (avenant 1):
 *   socle prérequis: horaires 800 + coordination 1,000 + 1,700 + SI 500 + 13 × 200 = 6,600;
 *   socle: protocoles 8 × 100 + concertation 1,000 = 1,800;
 *   optionnels: missions 2 × 350 + diversité N1/N2 300 + 300 + second recours N1/N2 300 + 300
 *   + coordination externe 200 = 2,100 → total 10,500.
 * Left out (2017 values unverified): formation des jeunes professionnels, CSTM, SI avancé,
 * satisfaction des patients.
 */
const ACI2017_INDICATORS: AciIndicator[] = pick([
  "HORAIRES_SNP",
  "FONCTION_COORDINATION",
  "SI_STANDARD",
  "PROTOCOLES_PLURIPRO",
  "CONCERTATION_PLURIPRO",
  "MISSIONS_SANTE_PUBLIQUE",
  "DIVERSITE_SERVICES_N1",
  "DIVERSITE_SERVICES_N2",
  "SECOND_RECOURS_N1",
  "SECOND_RECOURS_N2",
  "COORDINATION_EXTERNE",
]).map((indicator) => {
  const { ipaBonus: _ipa, ...rest } = indicator;
  return { ...rest, flag: "UNVERIFIED", source: `Reconstruction ACI 2017 (T-ACI-1, §3.7) ; ${indicator.source}` };
});

const RA2015_SOURCE =
  "Reconstruction RA 2015 : seuls le maximum de 7 400 points et les bornes 16 450 € – 51 800 € sont ✅ (DOMAIN.md §3.1, §3.7 T-ACI-2 [S8])";

/**
 * Règlement arbitral 2015 (JO 27 Feb 2015). Only its bounds are confirmed (§3.1/§3.7 T-ACI-2 ✅):
 * at 4,000 patients, prérequis only = 2,350 points = 16,450 €, everything = 7,400 points =
 * 51,800 €. The rows are a reconstruction that respects those bounds (SI still paid on the
 * patientèle before 2017, §3.5). All rows UNVERIFIED.
 */
const RA2015_INDICATORS: AciIndicator[] = [
  { code: "HORAIRES_SNP", label: "Horaires d'ouverture et soins non programmés", axis: "ACCES_AUX_SOINS", type: "SOCLE_PREREQUIS", fixedPoints: 800, variablePointsPer4000: 0, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "SI_STANDARD", label: "Système d'information labellisé", axis: "SYSTEME_INFORMATION", type: "SOCLE_PREREQUIS", fixedPoints: 500, variablePointsPer4000: 1050, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "FONCTION_COORDINATION", label: "Fonction de coordination", axis: "TRAVAIL_EN_EQUIPE", type: "SOCLE", fixedPoints: 1000, variablePointsPer4000: 800, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "CONCERTATION_PLURIPRO", label: "Concertation pluriprofessionnelle", axis: "TRAVAIL_EN_EQUIPE", type: "SOCLE", fixedPoints: 0, variablePointsPer4000: 1000, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "PROTOCOLES_PLURIPRO", label: "Protocoles pluriprofessionnels", axis: "TRAVAIL_EN_EQUIPE", type: "SOCLE", fixedPoints: 100, variablePointsPer4000: 0, maxUnits: 8, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "MISSIONS_SANTE_PUBLIQUE", label: "Missions de santé publique", axis: "ACCES_AUX_SOINS", type: "OPTIONNEL", fixedPoints: 350, variablePointsPer4000: 0, maxUnits: 2, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "DIVERSITE_SERVICES", label: "Diversité des services de soins", axis: "ACCES_AUX_SOINS", type: "OPTIONNEL", fixedPoints: 300, variablePointsPer4000: 0, flag: "UNVERIFIED", source: RA2015_SOURCE },
  { code: "FORMATION_STAGES", label: "Formation des jeunes professionnels (stages)", axis: "TRAVAIL_EN_EQUIPE", type: "OPTIONNEL", fixedPoints: 450, variablePointsPer4000: 0, flag: "UNVERIFIED", source: RA2015_SOURCE },
];

/** All ACI rule sets, by id (DOMAIN.md §3.1: computations are versioned). */
export const ACI_RULE_SETS: Readonly<Record<AciRuleSetId, AciRuleSet>> = {
  RA2015: {
    id: "RA2015",
    label: "Règlement arbitral 2015",
    validFrom: "2015-02-27",
    ...COMMON,
    minimumAdvanceEur: null,
    indicators: RA2015_INDICATORS,
  },
  ACI2017: {
    id: "ACI2017",
    label: "Accord conventionnel interprofessionnel 2017",
    validFrom: "2017-08-05",
    ...COMMON,
    minimumAdvanceEur: MINIMUM_ADVANCE_EUR_TO_VERIFY,
    indicators: ACI2017_INDICATORS,
  },
  ACI2017_AV1: {
    id: "ACI2017_AV1",
    label: "ACI 2017 — avenant 1",
    validFrom: "2022-08-03",
    ...COMMON,
    minimumAdvanceEur: MINIMUM_ADVANCE_EUR_TO_VERIFY,
    indicators: AV1_INDICATORS,
  },
};
