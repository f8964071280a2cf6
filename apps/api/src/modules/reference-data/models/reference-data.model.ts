import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";

/** Where a piece of reference data comes from: shipped with the platform, or the federation's own version (ADR 0009). */
export const REFERENCE_SOURCES = ["DEFAULT", "IMPORTED", "EDITED"] as const;
export type ReferenceSource = (typeof REFERENCE_SOURCES)[number];
export const ReferenceSourceEnum = Object.fromEntries(REFERENCE_SOURCES.map((v) => [v, v])) as { [K in ReferenceSource]: K };
registerEnumType(ReferenceSourceEnum, {
  name: "ReferenceSource",
  valuesMap: {
    DEFAULT: { description: "Shipped with the platform (DOMAIN.md values, flags shown)" },
    IMPORTED: { description: "Imported by the federation (e.g. the CPAM's PEPS coefficient file)" },
    EDITED: { description: "Shipped values changed by a federation admin" },
  },
});

export const ACI_FLAGS = ["CONFIRMED", "TO_VERIFY", "UNVERIFIED"] as const;
export const AciFlagEnum = Object.fromEntries(ACI_FLAGS.map((v) => [v, v])) as { [K in (typeof ACI_FLAGS)[number]]: K };
registerEnumType(AciFlagEnum, {
  name: "AciFlag",
  description: "Confidence of an ACI row (DOMAIN.md §0.1, §3.5); TO_VERIFY and UNVERIFIED are shown « à vérifier ».",
  valuesMap: {
    CONFIRMED: { description: "✅ confirmed by an official source" },
    TO_VERIFY: { description: "🟡 to verify" },
    UNVERIFIED: { description: "🔶/⚠️ unverified (single or third-party source)" },
  },
});

export const ACI_AXES = ["ACCES_AUX_SOINS", "TRAVAIL_EN_EQUIPE", "SYSTEME_INFORMATION"] as const;
export const AciAxisEnum = Object.fromEntries(ACI_AXES.map((v) => [v, v])) as { [K in (typeof ACI_AXES)[number]]: K };
registerEnumType(AciAxisEnum, {
  name: "AciAxis",
  valuesMap: {
    ACCES_AUX_SOINS: { description: "Accès aux soins" },
    TRAVAIL_EN_EQUIPE: { description: "Travail en équipe et coordination" },
    SYSTEME_INFORMATION: { description: "Système d'information" },
  },
});

export const ACI_INDICATOR_TYPES = ["SOCLE_PREREQUIS", "SOCLE", "OPTIONNEL"] as const;
export const AciIndicatorTypeEnum = Object.fromEntries(ACI_INDICATOR_TYPES.map((v) => [v, v])) as {
  [K in (typeof ACI_INDICATOR_TYPES)[number]]: K;
};
registerEnumType(AciIndicatorTypeEnum, {
  name: "AciIndicatorType",
  valuesMap: {
    SOCLE_PREREQUIS: { description: "Socle prérequis: triggers the whole remuneration" },
    SOCLE: { description: "Socle: conditions the advance" },
    OPTIONNEL: { description: "Optionnel" },
  },
});

export const IPEP_MODULATION_KINDS = ["NONE", "USER_ENTERED", "LINEAR"] as const;
export const IpepModulationKindEnum = Object.fromEntries(IPEP_MODULATION_KINDS.map((v) => [v, v])) as {
  [K in (typeof IPEP_MODULATION_KINDS)[number]]: K;
};
registerEnumType(IpepModulationKindEnum, {
  name: "IpepModulationKind",
  description: "How the IPEP quality score modulates the intéressement (DOMAIN.md §5.2–5.3 ⚠️).",
  valuesMap: {
    NONE: { description: "No modulation (rate 1)" },
    USER_ENTERED: { description: "Rate entered by the MSP from the CNAM notification" },
    LINEAR: { description: "0 below minimumScore, then score / maxScore capped at 1" },
  },
});

@ObjectType("PepsAgeBand")
export class PepsAgeBandModel {
  @Field()
  band: string;

  @Field(() => Int)
  minAge: number;

  @Field(() => Int, { nullable: true, description: "Inclusive; null for the open-ended last band." })
  maxAge: number | null;

  @Field(() => Float)
  coefficient: number;
}

@ObjectType("PepsSexCoefficients")
export class PepsSexCoefficientsModel {
  @Field(() => Float)
  F: number;

  @Field(() => Float)
  M: number;
}

@ObjectType("PepsAldCoefficient")
export class PepsAldCoefficientModel {
  @Field(() => Int, { description: "Number of ALD; the highest count means « count or more »." })
  count: number;

  @Field(() => Float)
  coefficient: number;
}

@ObjectType("PepsTable", { description: "A PEPS coefficient table (DOMAIN.md §4.4: versioned reference data; values ⚠️)." })
export class PepsTableModel {
  @Field(() => ID, { description: "PEPS1, PEPS2, PEPS_ILLUSTRATIF…" })
  code: string;

  @Field()
  label: string;

  @Field({ description: "True for placeholder values (not the official table): show « Table illustrative — valeurs fictives »." })
  illustrative: boolean;

  @Field(() => Float)
  basePerPatientEur: number;

  @Field(() => [PepsAgeBandModel])
  ageBands: PepsAgeBandModel[];

  @Field(() => PepsSexCoefficientsModel, { nullable: true, description: "Null: sex does not adjust the forfait." })
  sexCoefficients: PepsSexCoefficientsModel | null;

  @Field(() => [PepsAldCoefficientModel])
  aldCoefficients: PepsAldCoefficientModel[];

  @Field(() => Float)
  precariteCoefficient: number;

  @Field(() => Float)
  qualityBonusMaxRate: number;

  @Field(() => Float, { nullable: true, description: "Cap: total ≤ (1 + rate) × fee-for-service equivalent (⚠️ semantics); null = no cap." })
  feeForServiceCapRate: number | null;

  @Field(() => ReferenceSourceEnum)
  source: ReferenceSource;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the federation imported it (null for the shipped table)." })
  importedAt: Date | null;
}

@ObjectType("AciIndicator", { description: "One indicator row of an ACI rule set (DOMAIN.md §3.5), with its flag." })
export class AciIndicatorModel {
  @Field(() => ID)
  code: string;

  @Field()
  label: string;

  @Field(() => AciAxisEnum)
  axis: string;

  @Field(() => AciIndicatorTypeEnum)
  type: string;

  @Field(() => Float, { description: "Fixed points (per unit when maxUnits is set)." })
  fixedPoints: number;

  @Field(() => Float, { description: "Variable points per 4,000 MT patients (the first slice's rate for tiered rows)." })
  variablePointsPer4000: number;

  @Field(() => Int, { nullable: true })
  maxUnits: number | null;

  @Field(() => AciFlagEnum)
  flag: string;

  @Field({ description: "DOMAIN.md section and sources." })
  source: string;

  @Field({ description: "True when the federation changed the shipped values of this row." })
  edited: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When a federation admin checked this row against the official text." })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true })
  verifiedByName: string | null;
}

@ObjectType("AciRuleSet", { description: "A versioned ACI rule set (DOMAIN.md §3.1: RA2015, ACI2017, ACI2017_AV1)." })
export class AciRuleSetModel {
  @Field(() => ID)
  code: string;

  @Field()
  label: string;

  @Field({ description: "ISO date (JO publication)." })
  validFrom: string;

  @Field(() => Float)
  pointValueEur: number;

  @Field(() => Int)
  referencePatients: number;

  @Field(() => ReferenceSourceEnum)
  source: ReferenceSource;

  @Field(() => [AciIndicatorModel])
  indicators: AciIndicatorModel[];
}

@ObjectType("IpepModulation")
export class IpepModulationModel {
  @Field(() => IpepModulationKindEnum)
  kind: string;

  @Field(() => Float, { nullable: true, description: "LINEAR only." })
  maxScore: number | null;

  @Field(() => Float, { nullable: true, description: "LINEAR only." })
  minimumScore: number | null;
}

@ObjectType("IpepParameters", { description: "IPEP intéressement parameters (DOMAIN.md §5.2 ✅ values, modulation ⚠️)." })
export class IpepParametersModel {
  @Field(() => ID)
  code: string;

  @Field(() => Float)
  cEcart: number;

  @Field(() => Float)
  cEvolution: number;

  @Field(() => Float)
  shareOfSavings: number;

  @Field(() => Float)
  patientExperienceMaxPoints: number;

  @Field(() => IpepModulationModel)
  modulation: IpepModulationModel;

  @Field(() => ReferenceSourceEnum)
  source: ReferenceSource;
}

@ObjectType("ResultsReferenceData", { description: "The reference data of the caller's federation: shipped defaults overridden by its own versions." })
export class ResultsReferenceDataModel {
  @Field(() => [PepsTableModel])
  pepsTables: PepsTableModel[];

  @Field(() => [AciRuleSetModel])
  aciRuleSets: AciRuleSetModel[];

  @Field(() => [IpepParametersModel])
  ipepParameters: IpepParametersModel[];
}
