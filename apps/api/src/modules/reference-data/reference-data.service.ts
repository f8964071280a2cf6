import { Injectable } from "@nestjs/common";
import {
  validateIpepParameters,
  type Actor,
  can,
  type AciIndicator,
  type AciRuleSet,
  type IpepParameters,
  type IpepQualityModulation,
  type PepsCoefficientTable,
  type ResultsReferenceData,
} from "@maillage/domain";

import { badUserInput, forbidden } from "../../common/errors.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { AuditService } from "../audit/audit.service.js";
import type { UpdateAciIndicatorInput, UpdateIpepParametersInput } from "./dto/reference-data.inputs.js";
import type {
  AciIndicatorModel,
  AciRuleSetModel,
  IpepParametersModel,
  PepsTableModel,
  ResultsReferenceDataModel,
} from "./models/reference-data.model.js";
import {
  applyAciPatch,
  mergeReferenceData,
  readAciPatch,
  readIpepParameters,
  readPepsTable,
  SHIPPED_REFERENCE_DATA,
  type AciRuleSetPatch,
  type DatasetRow,
} from "./reference-data.merge.js";

/**
 * Who reads reference data: federation staff, and MSP members (their forms compute live with the tables, rule sets
 * and parameters, DOMAIN.md §3.4, §4.4, §5.2). Researchers read nothing here (aggregates only, DOMAIN.md §10.2).
 * The domain's access policy has no reference-data actions yet, hence this rule beside the service.
 */
const canReadReferenceData = (actor: Actor): boolean => can(actor, "results.reference.read");

/** Only a federation admin changes its federation's reference data (imports, ACI rows « à vérifier », IPEP parameters). */
export const canEditReferenceData = (actor: Actor): boolean => can(actor, "results.reference.edit");

const DATASET_SELECT = {
  id: true,
  kind: true,
  code: true,
  label: true,
  data: true,
  illustrative: true,
  createdAt: true,
  updatedAt: true,
  verifications: { select: { indicatorCode: true, verifiedAt: true, verifiedBy: { select: { displayName: true } } } },
} as const;

type Tx = Parameters<Parameters<PrismaService["client"]["$transaction"]>[0]>[0];
type Db = Pick<PrismaService["client"], "referenceDataset">;

/**
 * Versioned reference data per federation (ADR 0009): the shipped defaults (ACI rule sets of DOMAIN.md §3.5, the
 * illustrative PEPS table of §4.4, the IPEP 2022 parameters of §5.2) overridden by code by the federation's own
 * datasets — a PEPS table imported from the CPAM's file, ACI rows « à vérifier » corrected by an admin, IPEP
 * parameters of a later cahier des charges.
 */
@Injectable()
export class ReferenceDataService {
  /** One merged copy per request (keyed by the request object) and federation. */
  private readonly perRequest = new WeakMap<object, Map<string, Promise<ResultsReferenceData>>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  private rows(federationId: string, db: Db = this.prisma.client): Promise<DatasetRow[]> {
    return db.referenceDataset.findMany({ where: { federationId }, select: DATASET_SELECT, orderBy: [{ kind: "asc" }, { code: "asc" }] }) as Promise<DatasetRow[]>;
  }

  /**
   * The reference data a federation's computations use: defaults merged with its datasets. `cacheKey` (the request)
   * lets one request read it once, however many periods it computes; `tx` reads inside a transaction.
   */
  forFederation(federationId: string, options: { cacheKey?: object; tx?: Tx } = {}): Promise<ResultsReferenceData> {
    if (options.tx) return this.rows(federationId, options.tx).then(mergeReferenceData);
    if (!options.cacheKey) return this.rows(federationId).then(mergeReferenceData);
    let byFederation = this.perRequest.get(options.cacheKey);
    if (!byFederation) this.perRequest.set(options.cacheKey, (byFederation = new Map()));
    let pending = byFederation.get(federationId);
    if (!pending) byFederation.set(federationId, (pending = this.rows(federationId).then(mergeReferenceData)));
    return pending;
  }

  /** The `resultsReferenceData` query: what the caller's federation uses, with where each piece comes from. */
  async view(actor: Actor): Promise<ResultsReferenceDataModel> {
    if (!canReadReferenceData(actor)) throw forbidden();
    const rows = await this.rows(actor.federationId);
    const merged = mergeReferenceData(rows);
    const byKey = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r]));
    return {
      pepsTables: Object.values(merged.pepsTables)
        .map((t) => pepsTableModel(t, byKey.get(`PEPS_TABLE:${t.id}`)))
        .sort((a, b) => a.code.localeCompare(b.code)),
      aciRuleSets: Object.values(merged.aciRuleSets)
        .map((rs) => aciRuleSetModel(rs, byKey.get(`ACI_RULE_SET:${rs.id}`)))
        .sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
      ipepParameters: Object.values(merged.ipepParameters)
        .map((p) => ipepModel(p, byKey.has(`IPEP_PARAMETERS:${p.id}`)))
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /**
   * Changes the points of one ACI row « à vérifier » (DOMAIN.md §3.5: TO_VERIFY 🟡 or UNVERIFIED 🔶/⚠️ — « do not
   * ship payment computations on 🔶 rows without validation by the federation's ACI referent »). A CONFIRMED row
   * (✅) never changes. `markVerified` records who checked the row and when; the row keeps its flag. Changing the
   * values without `markVerified` drops an earlier verification (it was about other values). Audited before/after.
   */
  async updateAciIndicator(actor: Actor, input: UpdateAciIndicatorInput, now = new Date()): Promise<AciRuleSetModel> {
    if (!canEditReferenceData(actor)) throw forbidden();
    const shipped = SHIPPED_REFERENCE_DATA.aciRuleSets[input.ruleSetCode];
    if (!shipped) throw badUserInput([{ field: "ruleSetCode", code: "REFERENCE.UNKNOWN_RULE_SET", message: "Cette version de l'ACI est inconnue." }]);
    if (!shipped.indicators.some((i) => i.code === input.code)) {
      throw badUserInput([{ field: "code", code: "REFERENCE.UNKNOWN_INDICATOR", message: "Cet indicateur n'existe pas dans cette version de l'ACI." }]);
    }
    const key = { federationId: actor.federationId, kind: "ACI_RULE_SET" as const, code: input.ruleSetCode };
    const datasetId = await this.prisma.client.$transaction(async (tx) => {
      const existing = await tx.referenceDataset.findUnique({ where: { federationId_kind_code: key }, select: DATASET_SELECT });
      const patch = readAciPatch(existing?.data);
      const before = applyAciPatch(shipped, patch).indicators.find((i) => i.code === input.code) as AciIndicator;
      if (before.flag === "CONFIRMED") {
        throw badUserInput([
          { field: "code", code: "REFERENCE.ROW_CONFIRMED", message: "Cette ligne est confirmée par un texte officiel : ses points ne se modifient pas." },
        ]);
      }
      const changed = before.fixedPoints !== input.fixedPoints || before.variablePointsPer4000 !== input.variablePointsPer4000;
      const next: AciRuleSetPatch = {
        indicators: { ...patch.indicators, [input.code]: { ...patch.indicators[input.code], fixedPoints: input.fixedPoints, variablePointsPer4000: input.variablePointsPer4000 } },
      };
      const dataset = await tx.referenceDataset.upsert({
        where: { federationId_kind_code: key },
        create: { ...key, label: shipped.label, data: next, illustrative: false, createdById: actor.userId, updatedById: actor.userId },
        update: { data: next, updatedById: actor.userId },
        select: { id: true },
      });
      const previousVerification = existing?.verifications.find((v) => v.indicatorCode === input.code) ?? null;
      const where = { datasetId_indicatorCode: { datasetId: dataset.id, indicatorCode: input.code } };
      if (input.markVerified) {
        await tx.aciIndicatorVerification.upsert({
          where,
          create: { federationId: actor.federationId, datasetId: dataset.id, indicatorCode: input.code, verifiedById: actor.userId, verifiedAt: now },
          update: { verifiedById: actor.userId, verifiedAt: now },
        });
      } else if (changed && previousVerification) {
        await tx.aciIndicatorVerification.delete({ where });
      }
      await this.audit.record(
        {
          federationId: actor.federationId,
          actorId: actor.userId,
          action: "reference.aci.update",
          targetType: "ReferenceDataset",
          targetId: dataset.id,
          summary: {
            ruleSetCode: input.ruleSetCode,
            indicatorCode: input.code,
            flag: before.flag,
            before: { fixedPoints: before.fixedPoints, variablePointsPer4000: before.variablePointsPer4000, verifiedAt: previousVerification?.verifiedAt ?? null },
            after: { fixedPoints: input.fixedPoints, variablePointsPer4000: input.variablePointsPer4000 },
            markVerified: input.markVerified,
          },
        },
        tx,
      );
      return dataset.id;
    });
    const row = (await this.prisma.client.referenceDataset.findUniqueOrThrow({ where: { id: datasetId }, select: DATASET_SELECT })) as DatasetRow;
    return aciRuleSetModel(applyAciPatch(shipped, readAciPatch(row.data)), row);
  }

  /**
   * Creates or replaces a federation's IPEP parameter set (DOMAIN.md §5.2 ✅: C_écart + C_évolution = 1, C_partage;
   * §5.3 ✅ expérience patient ≤ 20 points; the quality modulation is ⚠️ configuration). Validated by the domain;
   * audited with before/after.
   */
  async updateIpepParameters(actor: Actor, input: UpdateIpepParametersInput): Promise<IpepParametersModel> {
    if (!canEditReferenceData(actor)) throw forbidden();
    const modulation = modulationOf(input);
    const candidate: IpepParameters = {
      id: input.code,
      cEcart: input.cEcart,
      cEvolution: input.cEvolution,
      shareOfSavings: input.shareOfSavings,
      patientExperienceMaxPoints: input.patientExperienceMaxPoints,
      qualityModulation: modulation,
    };
    const valid = validateIpepParameters(candidate);
    if (!valid.ok) throw badUserInput(valid.error.map((e) => ({ ...e, field: e.field === "qualityModulation" ? "modulation" : e.field })));
    const key = { federationId: actor.federationId, kind: "IPEP_PARAMETERS" as const, code: input.code };
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await tx.referenceDataset.findUnique({ where: { federationId_kind_code: key }, select: DATASET_SELECT });
      const before = existing ? readIpepParameters(existing as DatasetRow) : (SHIPPED_REFERENCE_DATA.ipepParameters[input.code] ?? null);
      const dataset = await tx.referenceDataset.upsert({
        where: { federationId_kind_code: key },
        create: { ...key, label: `Paramètres IPEP ${input.code}`, data: valid.value as object, illustrative: false, createdById: actor.userId, updatedById: actor.userId },
        update: { data: valid.value as object, updatedById: actor.userId },
        select: { id: true },
      });
      await this.audit.record(
        {
          federationId: actor.federationId,
          actorId: actor.userId,
          action: "reference.ipep.update",
          targetType: "ReferenceDataset",
          targetId: dataset.id,
          summary: { code: input.code, before, after: valid.value },
        },
        tx,
      );
    });
    return ipepModel(valid.value, true);
  }

  /**
   * Stores a PEPS coefficient table the caller imported (already parsed and validated by the domain, DOMAIN.md
   * §4.4 "store coefficient tables as versioned reference data"): creates or replaces the federation's table of that
   * code, audited with the previous and new tables.
   */
  async storePepsTable(actor: Actor, table: PepsCoefficientTable, fileName: string): Promise<PepsTableModel> {
    if (!canEditReferenceData(actor)) throw forbidden();
    const key = { federationId: actor.federationId, kind: "PEPS_TABLE" as const, code: table.id };
    const row = await this.prisma.client.$transaction(async (tx) => {
      const existing = await tx.referenceDataset.findUnique({ where: { federationId_kind_code: key }, select: DATASET_SELECT });
      const before = existing ? readPepsTable(existing as DatasetRow) : (SHIPPED_REFERENCE_DATA.pepsTables[table.id] ?? null);
      const saved = await tx.referenceDataset.upsert({
        where: { federationId_kind_code: key },
        create: { ...key, label: table.label, data: table as object, illustrative: table.illustrative, createdById: actor.userId, updatedById: actor.userId },
        update: { label: table.label, data: table as object, illustrative: table.illustrative, updatedById: actor.userId },
        select: DATASET_SELECT,
      });
      await this.audit.record(
        {
          federationId: actor.federationId,
          actorId: actor.userId,
          action: "reference.peps.import",
          targetType: "ReferenceDataset",
          targetId: saved.id,
          summary: { code: table.id, label: table.label, illustrative: table.illustrative, fileName, before, after: table },
        },
        tx,
      );
      return saved as DatasetRow;
    });
    return pepsTableModel(table, row);
  }
}

function modulationOf(input: UpdateIpepParametersInput): IpepQualityModulation {
  const m = input.modulation;
  if (m.kind === "LINEAR") return { kind: "LINEAR", maxScore: m.maxScore ?? Number.NaN, minimumScore: m.minimumScore ?? Number.NaN };
  return { kind: m.kind };
}

function pepsTableModel(t: PepsCoefficientTable, row: DatasetRow | undefined): PepsTableModel {
  return {
    code: t.id,
    label: t.label,
    illustrative: t.illustrative,
    basePerPatientEur: t.basePerPatientEur,
    ageBands: t.ageBands.map((b) => ({ ...b })),
    sexCoefficients: t.sexCoefficients ? { ...t.sexCoefficients } : null,
    aldCoefficients: t.aldCoefficients.map((a) => ({ ...a })),
    precariteCoefficient: t.precariteCoefficient,
    qualityBonusMaxRate: t.qualityBonusMaxRate,
    feeForServiceCapRate: t.feeForServiceCapRate,
    source: row ? "IMPORTED" : "DEFAULT",
    importedAt: row ? row.updatedAt : null,
  };
}

function aciRuleSetModel(rs: AciRuleSet, row: DatasetRow | undefined): AciRuleSetModel {
  const shipped = SHIPPED_REFERENCE_DATA.aciRuleSets[rs.id];
  const verified = new Map((row?.verifications ?? []).map((v) => [v.indicatorCode, v]));
  const indicators: AciIndicatorModel[] = rs.indicators.map((i) => {
    const original = shipped?.indicators.find((o) => o.code === i.code);
    const v = verified.get(i.code);
    return {
      code: i.code,
      label: i.label,
      axis: i.axis,
      type: i.type,
      fixedPoints: i.fixedPoints,
      variablePointsPer4000: i.variablePointsPer4000,
      maxUnits: i.maxUnits ?? null,
      flag: i.flag,
      source: i.source,
      edited: original !== undefined && (original.fixedPoints !== i.fixedPoints || original.variablePointsPer4000 !== i.variablePointsPer4000),
      verifiedAt: v?.verifiedAt ?? null,
      verifiedByName: v?.verifiedBy.displayName ?? null,
    };
  });
  return {
    code: rs.id,
    label: rs.label,
    validFrom: rs.validFrom,
    pointValueEur: rs.pointValueEur,
    referencePatients: rs.referencePatients,
    source: indicators.some((i) => i.edited) ? "EDITED" : "DEFAULT",
    indicators,
  };
}

function ipepModel(p: IpepParameters, fromDataset: boolean): IpepParametersModel {
  const m = p.qualityModulation;
  return {
    code: p.id,
    cEcart: p.cEcart,
    cEvolution: p.cEvolution,
    shareOfSavings: p.shareOfSavings,
    patientExperienceMaxPoints: p.patientExperienceMaxPoints,
    modulation: { kind: m.kind, maxScore: m.kind === "LINEAR" ? m.maxScore : null, minimumScore: m.kind === "LINEAR" ? m.minimumScore : null },
    source: fromDataset ? "EDITED" : "DEFAULT",
  };
}
