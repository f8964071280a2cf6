import { createHash } from "node:crypto";

import { Inject, Injectable } from "@nestjs/common";
import { communesByCode, departementsRef, regionsRef, type CommuneRef } from "@maillage/db";
import {
  can,
  cellKeyRandom,
  clampPageSize,
  decodeCursor,
  DEFAULT_PERTURBATION,
  encodeCursor,
  laplaceMechanism,
  maxRelativeError,
  MSP_SIZE_BAND_LABELS,
  MSP_SIZE_BANDS,
  MAX_CUBE_DIMENSIONS,
  releaseCube,
  resolveDisclosureThresholds,
  strictestThresholds,
  SUPPRESSION_REASON_LABELS,
  thresholdLabel,
  weakerFields,
  type Actor,
  type CubeDimension,
  type DisclosureThresholds,
  type LpSolver,
  type SuppressionReason,
} from "@maillage/domain";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { AppError, badUserInput, ErrorCode, forbidden } from "../../common/errors.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { AuditService } from "../audit/audit.service.js";
import {
  ACI_SENIORITY,
  ACI_SENIORITY_LABELS,
  aciIndicatorCatalog,
  DIMENSION_LABELS,
  EXPERIMENT_LABELS,
  EXPERIMENTS,
  INDICATOR_CODE,
  MEASURES,
  RESEARCH_API_DIMENSIONS,
  RURALITY_CLASSES,
  RURALITY_LABELS,
  type ResearchApiDimension,
  type ResearchMeasure,
} from "./research.catalog.js";
import { ResearchKeys } from "./research.keys.js";
import { contributorRecords, type ResearchRecord } from "./research.records.js";
import { ResearchRepository, type ResearchPeriodRow } from "./research.repository.js";
import { PeriodSnapshots } from "./research.snapshots.js";

/** Provides the LP solver of the disclosure-control audit, loaded on the first research answer (not at start-up). */
export const LP_SOLVER = Symbol("LP_SOLVER");
export type LpSolverLoader = () => Promise<LpSolver>;

export type ResearchQuestion = {
  measure: ResearchMeasure;
  indicatorCode?: string | null;
  groupBy: ResearchApiDimension[];
  filters?: { dimension: ResearchApiDimension; values: string[] }[] | null;
};

export type AnswerCell = {
  coordinates: { dimension: ResearchApiDimension; value: string | null; label: string | null }[];
  value: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  reasonLabel: string | null;
};

export type ResearchAnswer = {
  measure: ResearchMeasure;
  measureLabel: string;
  unit: string;
  indicatorCode: string | null;
  groupBy: ResearchApiDimension[];
  cells: AnswerCell[];
  cellCount: number;
  suppressedCount: number;
  thresholds: DisclosureThresholds;
  noise: { mechanism: string; epsilon: number } | null;
  perturbation: AnswerPerturbation;
  dataVersion: string;
  methodology: string;
};

/** What the answer says of its perturbation (portal, exports): every published figure is perturbed. */
export type AnswerPerturbation = {
  method: string;
  description: string;
  /** Amounts: largest relative error of a published cell (contribution noise + cell-key term), in %. */
  maxRelativeErrorPercent: number | null;
  /** Counts of MSPs: published as multiples of this base (at most base − 1 away from the truth). */
  countBase: number | null;
};

export type ResearchSettingsValue = {
  /** The deployment's thresholds (configuration). */
  thresholds: DisclosureThresholds;
  /** The caller's federation's own thresholds in force for its data (at least as strict), or null. */
  federationThresholds: DisclosureThresholds | null;
  privacyMode: "OFF" | "LAPLACE";
  epsilonPerQuery: number;
  epsilonBudget: number;
};

/** (Data version × measure) record sets kept in memory (a few megabytes each at national scale). */
const RECORDS_CACHE_SIZE = 12;
/** Data versions (× indicator) whose period rows stay in memory. */
const ROWS_CACHE_SIZE = 4;
/** Largest contribution of one MSP-year in the noisy (differential-privacy) mode: values are clipped to it. */
const DP_CLIP: Partial<Record<ResearchMeasure, number>> = {
  MSP_COUNT: 1,
  PATIENTS: 20_000,
  PEPS_FORFAIT_TOTAL: 1_000_000,
  IPEP_INCENTIVE_TOTAL: 500_000,
  ACI_AMOUNT_TOTAL: 500_000,
};

const METHODOLOGY =
  "Agrégats calculés sur les périodes de résultats validées (verrouillées) des fédérations qui participent à la recherche ; " +
  "l'unité statistique est la MSP-année. Secret statistique (règles du Guide du secret statistique de l'Insee et des règles de " +
  "sortie du CASD) : effectifs de patients de 1 à 10 masqués, toute case construite sur moins de 3 MSP masquée, dominance " +
  "(une MSP > 85 % d'un total) masquée, taux et moyennes publiés seulement sur 11 unités au moins, masquage complémentaire " +
  "vérifié par programmation linéaire. Toutes les valeurs publiées sont perturbées de façon permanente : chaque MSP-année " +
  "contribue aux montants et aux patientèles avec un écart secret de 10 à 20 % (bruit multiplicatif, méthode du Census Bureau " +
  "des États-Unis), et chaque case reçoit une perturbation fixée par une clé secrète de ses contributeurs (méthode de la clé " +
  "de cellule du Bureau australien de statistique et de l'ONS) ; les nombres de MSP sont arrondis à un multiple de 3. La même " +
  "case a toujours la même valeur, quelle que soit la question ; la différence de deux cases reste perturbée. Aucune donnée " +
  "individuelle n'est accessible ; chaque requête est journalisée.";

const PERTURBATION_METHOD = "Clé de cellule et bruit permanent des contributions";
const COUNT_PERTURBATION = "Nombres de MSP arrondis à un multiple de 3 par la clé de cellule (écart d'au plus 2).";
const AMOUNT_PERTURBATION = (max: number) =>
  `Valeurs perturbées : chaque contribution d'une MSP-année est décalée de 10 à 20 % dans un sens secret propre à la MSP, ` +
  `puis chaque case reçoit une perturbation fixée par sa clé ; erreur relative d'au plus ${max} %, bien moindre en pratique ` +
  `sur les cases de nombreuses MSP.`;

const FRENCH_NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });

const fail = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => new AppError(code, message, extra);

/**
 * Research access (issue "Research access"): anonymised aggregates of approved results, protected by the disclosure
 * control of @maillage/domain (primary and complementary suppression, LP audit), with the differencing check across
 * a researcher's answers, the cache of identical questions, the optional noisy mode and its privacy budget, and an
 * audit event for every query (DOMAIN.md §6.3 R8).
 */
@Injectable()
export class ResearchService {
  private communes: ReadonlyMap<string, CommuneRef> | null = null;
  private readonly recordsCache = new Map<string, Promise<ResearchRecord[]>>();
  private readonly rowsCache = new Map<string, Promise<ResearchPeriodRow[]>>();
  private readonly snapshots: PeriodSnapshots;
  /** The deployment's thresholds (configuration; may be below the defaults only there). */
  private readonly deploymentThresholds: DisclosureThresholds;

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: ResearchRepository,
    private readonly audit: AuditService,
    private readonly keys: ResearchKeys,
    @Inject(LP_SOLVER) private readonly solver: LpSolverLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const resolved = resolveDisclosureThresholds(config.research.thresholds as Partial<DisclosureThresholds>, { allowBelowDefaults: true });
    if (!resolved.ok) throw new Error(`RESEARCH_THRESHOLDS: ${resolved.error.map((e) => `${e.field}: ${e.message}`).join("; ")}`);
    this.deploymentThresholds = resolved.value;
    this.snapshots = new PeriodSnapshots(repository, ROWS_CACHE_SIZE);
  }

  static assertResearchRole(actor: Actor): void {
    if (!can(actor, "research.query")) throw forbidden("L'espace recherche est réservé aux chercheurs et aux administrateurs de fédération.");
  }

  /** The categories a researcher may pick (labels in French). */
  categories(dimension: ResearchApiDimension, now = new Date()): { value: string; label: string }[] {
    switch (dimension) {
      case "YEAR": {
        const years: { value: string; label: string }[] = [];
        for (let y = 2015; y <= now.getUTCFullYear(); y += 1) years.push({ value: String(y), label: String(y) });
        return years;
      }
      case "REGION":
        return regionsRef().map((r) => ({ value: r.code, label: r.name }));
      case "DEPARTEMENT":
        return departementsRef().map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }));
      case "RURALITY":
        return RURALITY_CLASSES.map((c) => ({ value: c, label: RURALITY_LABELS[c] }));
      case "SIZE_BAND":
        return MSP_SIZE_BANDS.map((c) => ({ value: c, label: MSP_SIZE_BAND_LABELS[c] }));
      case "EXPERIMENT":
        return EXPERIMENTS.map((c) => ({ value: c, label: EXPERIMENT_LABELS[c] }));
      case "YEARS_SINCE_ACI":
        return ACI_SENIORITY.map((c) => ({ value: c, label: ACI_SENIORITY_LABELS[c] }));
    }
  }

  /** Every federation's own (stricter) thresholds, by federation id. */
  private async federationThresholds(): Promise<Map<string, DisclosureThresholds>> {
    const rows = await this.prisma.client.federationResearchSettings.findMany({ select: { federationId: true, thresholds: true } });
    const map = new Map<string, DisclosureThresholds>();
    for (const row of rows) {
      const resolved = resolveDisclosureThresholds(row.thresholds as Partial<DisclosureThresholds>, { allowBelowDefaults: true });
      // Stored values were checked against the deployment's when saved; a later, stricter deployment still wins.
      if (resolved.ok) map.set(row.federationId, strictestThresholds(this.deploymentThresholds, resolved.value));
    }
    return map;
  }

  /** The settings in force: the deployment's, and the caller's federation's own when it made them stricter. */
  async settings(actor?: Actor): Promise<ResearchSettingsValue> {
    const own = actor?.federationId ? (await this.federationThresholds()).get(actor.federationId) ?? null : null;
    const { privacyMode, epsilonPerQuery, epsilonBudget } = this.config.research;
    return { thresholds: this.deploymentThresholds, federationThresholds: own, privacyMode, epsilonPerQuery, epsilonBudget };
  }

  /**
   * A federation admin makes the thresholds stricter for their own federation's data (never weaker than the
   * deployment's: weakening belongs to the deployment's configuration). Every change is audited with before and after.
   */
  async updateSettings(actor: Actor, input: { [K in keyof DisclosureThresholds]?: number | null } & { reason?: string | null }): Promise<ResearchSettingsValue> {
    if (!can(actor, "research.configure") || !actor.federationId) throw forbidden();
    const federationId = actor.federationId;
    const before = await this.settings(actor);
    const { reason, ...rest } = input;
    const wanted = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined)) as Partial<DisclosureThresholds>;
    const resolved = resolveDisclosureThresholds({ ...(before.federationThresholds ?? before.thresholds), ...wanted }, { allowBelowDefaults: true });
    if (!resolved.ok) throw badUserInput(resolved.error.map((e) => ({ field: e.field, code: e.code, message: e.message })));
    const weaker = weakerFields(resolved.value, this.deploymentThresholds);
    if (weaker.length > 0) {
      throw badUserInput(
        weaker.map((field) => ({
          field,
          code: "RESEARCH.WEAKER_THAN_DEPLOYMENT",
          message: `Le paramètre « ${thresholdLabel(field)} » ne peut être que plus strict que celui de la plateforme (${FRENCH_NUMBER.format(this.deploymentThresholds[field])}) : seul l'exploitant de la plateforme peut l'assouplir.`,
        })),
      );
    }
    await this.prisma.client.$transaction(async (tx) => {
      const data = { thresholds: resolved.value as object, updatedById: actor.userId };
      await tx.federationResearchSettings.upsert({ where: { federationId }, create: { federationId, ...data }, update: data });
      await this.audit.record(
        {
          federationId,
          actorId: actor.userId,
          action: "research.settings",
          targetType: "FederationResearchSettings",
          targetId: federationId,
          summary: { before: before.federationThresholds ?? before.thresholds, after: resolved.value, reason: reason?.trim() || null },
        },
        tx,
      );
    });
    return this.settings(actor);
  }

  async budget(actor: Actor): Promise<{ mode: string; epsilonTotal: number; epsilonSpent: number; epsilonRemaining: number; epsilonPerQuery: number }> {
    ResearchService.assertResearchRole(actor);
    const s = await this.settings(actor);
    const row = await this.prisma.client.researchBudget.findUnique({ where: { userId: actor.userId } });
    const spent = row?.epsilonSpent ?? 0;
    return { mode: s.privacyMode, epsilonTotal: s.epsilonBudget, epsilonSpent: spent, epsilonRemaining: Math.max(0, s.epsilonBudget - spent), epsilonPerQuery: s.epsilonPerQuery };
  }

  /** Checks a question: only the catalogue's measures and dimensions, 1 to 3 dimensions, known filter values. */
  private normalise(q: ResearchQuestion, now: Date): Required<ResearchQuestion> {
    const measure = MEASURES[q.measure];
    if (!measure) throw badUserInput([{ field: "measure", code: "RESEARCH.MEASURE_UNKNOWN", message: "Mesure inconnue." }]);
    const groupBy = q.groupBy ?? [];
    if (groupBy.length < 1 || groupBy.length > 3) {
      throw badUserInput([{ field: "groupBy", code: "RESEARCH.DIMENSIONS_COUNT", message: "Choisissez de 1 à 3 dimensions." }]);
    }
    if (new Set(groupBy).size !== groupBy.length) throw badUserInput([{ field: "groupBy", code: "RESEARCH.DIMENSION_TWICE", message: "Une dimension ne peut être choisie qu'une fois." }]);
    for (const d of groupBy) {
      if (!(RESEARCH_API_DIMENSIONS as readonly string[]).includes(d)) {
        throw badUserInput([{ field: "groupBy", code: "RESEARCH.IDENTIFYING_DIMENSION", message: "Cette dimension n'est pas disponible : aucune dimension ne peut désigner une MSP." }]);
      }
    }
    let indicatorCode: string | null = null;
    if (measure.needsIndicator) {
      const code = q.indicatorCode?.trim() ?? "";
      const known = q.measure === "ACI_INDICATOR_MEAN" ? aciIndicatorCatalog().some((i) => i.code === code) : INDICATOR_CODE.test(code);
      if (!known) throw badUserInput([{ field: "indicatorCode", code: "RESEARCH.INDICATOR_UNKNOWN", message: "Choisissez un indicateur de la liste." }]);
      indicatorCode = code;
    } else if (q.indicatorCode) {
      throw badUserInput([{ field: "indicatorCode", code: "RESEARCH.INDICATOR_NOT_EXPECTED", message: "Cette mesure ne porte pas sur un indicateur." }]);
    }
    const filters = (q.filters ?? []).map((f, i) => {
      if (!(RESEARCH_API_DIMENSIONS as readonly string[]).includes(f.dimension)) {
        throw badUserInput([{ field: `filters[${i}].dimension`, code: "RESEARCH.IDENTIFYING_DIMENSION", message: "Ce filtre n'est pas disponible : aucun filtre ne peut désigner une MSP." }]);
      }
      const allowed = new Set(this.categories(f.dimension, now).map((c) => c.value));
      const values = [...new Set(f.values)].sort();
      if (values.length === 0) throw badUserInput([{ field: `filters[${i}].values`, code: "RESEARCH.FILTER_EMPTY", message: "Un filtre doit retenir au moins une valeur." }]);
      const unknown = values.find((v) => !allowed.has(v));
      if (unknown !== undefined) {
        throw badUserInput([
          { field: `filters[${i}].values`, code: "RESEARCH.FILTER_VALUE_UNKNOWN", message: `Valeur de filtre inconnue pour « ${DIMENSION_LABELS[f.dimension]} » : seules les catégories de la liste sont acceptées.` },
        ]);
      }
      return { dimension: f.dimension, values };
    });
    if (new Set(filters.map((f) => f.dimension)).size !== filters.length) {
      throw badUserInput([{ field: "filters", code: "RESEARCH.FILTER_TWICE", message: "Un seul filtre par dimension." }]);
    }
    filters.sort((a, b) => a.dimension.localeCompare(b.dimension));
    return { measure: q.measure, indicatorCode, groupBy: [...groupBy], filters };
  }

  /**
   * The answer to a question, protected, audited; the same question on the same data gets the same answer, and every
   * published figure is perturbed by keys that never change (docs/research.md, "Threat model"), so there is no
   * per-account history to check: whoever asks, alone or with others, gets the same protected cells.
   */
  async aggregate(actor: Actor, question: ResearchQuestion, now = new Date()): Promise<ResearchAnswer & { queryId: string; cached: boolean }> {
    ResearchService.assertResearchRole(actor);
    const q = this.normalise(question, now);
    const { privacyMode, epsilonPerQuery, epsilonBudget } = this.config.research;
    const byFederation = await this.federationThresholds();
    const questionKey = createHash("sha256").update(JSON.stringify(q)).digest("hex");
    const settingsKey = JSON.stringify([this.deploymentThresholds, [...byFederation].sort(), privacyMode, epsilonPerQuery, DEFAULT_PERTURBATION]);
    const rowsVersion = await this.repository.dataVersion();
    const dataVersion = `${rowsVersion}|${settingsKey}`;
    const stored = await this.prisma.client.researchAnswer.findUnique({ where: { questionKey_dataVersion: { questionKey, dataVersion } }, select: { id: true, answer: true } });
    const answer = stored ? (stored.answer as unknown as ResearchAnswer) : await this.compute(q, byFederation, rowsVersion, dataVersion);
    const epsilon = !stored && privacyMode === "LAPLACE" ? epsilonPerQuery : null;
    const parameters = { ...q };

    let queryId: string;
    try {
      queryId = await this.prisma.client.$transaction(async (tx) => {
        if (epsilon !== null) {
          await tx.researchBudget.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId }, update: {} });
          const spent = await tx.researchBudget.updateMany({
            where: { userId: actor.userId, epsilonSpent: { lte: epsilonBudget - epsilon + 1e-9 } },
            data: { epsilonSpent: { increment: epsilon } },
          });
          if (spent.count !== 1) {
            throw fail(ErrorCode.PRIVACY_BUDGET_EXHAUSTED, "Votre budget de confidentialité est épuisé : aucune nouvelle requête ne peut être calculée. Les requêtes déjà posées restent disponibles.");
          }
        }
        const answerId =
          stored?.id ??
          (
            await tx.researchAnswer.create({
              data: { questionKey, dataVersion, answer: answer as unknown as object, cellsReturned: answer.cellCount, cellsSuppressed: answer.suppressedCount, epsilon },
              select: { id: true },
            })
          ).id;
        const row = await tx.researchQuery.create({
          data: { userId: actor.userId, answerId, dataVersion, parameters: parameters as object, cellsReturned: answer.cellCount, cellsSuppressed: answer.suppressedCount, epsilon },
          select: { id: true },
        });
        await this.audit.record(
          {
            federationId: actor.federationId,
            actorId: actor.userId,
            action: "research.query",
            targetType: "ResearchQuery",
            targetId: row.id,
            summary: { parameters, cellsReturned: answer.cellCount, cellsSuppressed: answer.suppressedCount, cached: Boolean(stored), epsilon },
          },
          tx,
        );
        return row.id;
      });
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.PRIVACY_BUDGET_EXHAUSTED) {
        await this.audit.record({ federationId: actor.federationId, actorId: actor.userId, action: "research.refused", targetType: "ResearchQuery", summary: { parameters, reason: "PRIVACY_BUDGET_EXHAUSTED" } });
      }
      // The same new question answered at the same moment by another request: its stored answer is the answer.
      if ((error as { code?: string }).code === "P2002" && !stored) return this.aggregate(actor, question, now);
      throw error;
    }
    return { ...answer, queryId, cached: Boolean(stored) };
  }

  /** A stored answer of one of the caller's own queries (exports: a GET that changes nothing). */
  async storedAnswer(actor: Actor, queryId: string): Promise<ResearchAnswer & { queryId: string; cached: boolean }> {
    ResearchService.assertResearchRole(actor);
    const row = await this.prisma.client.researchQuery.findFirst({ where: { id: queryId, userId: actor.userId }, select: { id: true, answer: { select: { answer: true } } } });
    if (!row) throw fail(ErrorCode.NOT_FOUND, "Requête introuvable dans votre historique.");
    return { ...(row.answer.answer as unknown as ResearchAnswer), queryId: row.id, cached: true };
  }

  /**
   * The contributor records (one per MSP-year) behind every answer on one data version, for one measure, built once
   * and kept for the next questions: researchers ask many questions on the same data, and the version changes with
   * any approval, unlock, opt-in or settings change.
   */
  private recordsFor(dataVersion: string, q: Required<ResearchQuestion>): Promise<ResearchRecord[]> {
    const key = `${dataVersion}|${q.measure}|${q.indicatorCode ?? ""}`;
    let records = this.recordsCache.get(key);
    if (!records) {
      records = Promise.all([this.rowsFor(dataVersion, q.indicatorCode), this.keys.keysFor()]).then(([rows, keysOf]) => {
        this.communes ??= communesByCode();
        return contributorRecords(rows, q.measure, this.communes, keysOf);
      });
      this.recordsCache.set(key, records);
      records.catch(() => this.recordsCache.delete(key));
      while (this.recordsCache.size > RECORDS_CACHE_SIZE) this.recordsCache.delete(this.recordsCache.keys().next().value as string);
    }
    return records;
  }

  /**
   * The approved periods of one data version (with one indicator's values when asked), read once for every measure.
   * A new version after the last one read (an approval, an unlock) reads only the periods changed since, when the
   * federations are the same and the count then matches; anything else reads them all again.
   */
  private rowsFor(dataVersion: string, indicatorCode: string | null): Promise<ResearchPeriodRow[]> {
    const key = `${dataVersion}|${indicatorCode ?? ""}`;
    let rows = this.rowsCache.get(key);
    if (!rows) {
      rows = this.snapshots.read(dataVersion, indicatorCode);
      this.rowsCache.set(key, rows);
      rows.catch(() => this.rowsCache.delete(key));
      while (this.rowsCache.size > ROWS_CACHE_SIZE) this.rowsCache.delete(this.rowsCache.keys().next().value as string);
    }
    return rows;
  }

  private async compute(q: Required<ResearchQuestion>, byFederation: ReadonlyMap<string, DisclosureThresholds>, rowsVersion: string, dataVersion: string): Promise<ResearchAnswer> {
    const filters = q.filters ?? [];
    // Records depend on the data only (not on the settings): they are kept per version of the approved periods.
    const records = (await this.recordsFor(rowsVersion, q)).filter((r) => filters.every((f) => f.values.includes(r.dimensions[f.dimension] ?? "")));
    const measure = MEASURES[q.measure];
    // The strictest thresholds of the federations whose data the answer covers (each may only be stricter).
    const present = [...new Set(records.map((r) => r.federationId))].sort();
    const thresholds = strictestThresholds(this.deploymentThresholds, ...present.flatMap((id) => byFederation.get(id) ?? []));
    const labels = new Map<string, Map<string, string>>();
    const dimensions: CubeDimension[] = q.groupBy.map((d) => {
      const all = this.categories(d);
      labels.set(d, new Map(all.map((c) => [c.value, c.label])));
      const present = new Set(records.map((r) => r.dimensions[d]));
      // Categories with data, in the catalogue's order (a category without any MSP adds only empty cells).
      const known = all.map((c) => c.value).filter((v) => present.has(v));
      const extra = [...present].filter((v): v is string => v !== undefined && !known.includes(v)).sort();
      return { id: d, categories: [...known, ...extra] };
    });
    const released = releaseCube({ dimensions, measure: measure.spec, records, thresholds, solver: await this.solver(), perturbation: DEFAULT_PERTURBATION });
    if (!released.ok) throw badUserInput(released.error.map((e) => ({ field: e.field, code: e.code, message: e.message })));
    const { privacyMode, epsilonPerQuery } = this.config.research;
    const noisy = privacyMode === "LAPLACE";
    // The same ε share for every cell whatever the question's dimensions: the same cell then always gets the same noise.
    const perCellEpsilon = epsilonPerQuery / 2 ** MAX_CUBE_DIMENSIONS;
    const cells: AnswerCell[] = released.value.cells.map((cell) => {
      const coordinates = cell.coordinates.map((value, d) => {
        const dimension = q.groupBy[d] as ResearchApiDimension;
        return { dimension, value, label: value === null ? null : (labels.get(dimension)?.get(value) ?? value) };
      });
      if (cell.suppressed) return { coordinates, value: null, suppressed: true, reason: cell.reason, reasonLabel: SUPPRESSION_REASON_LABELS[cell.reason] };
      let value = cell.value;
      if (noisy && value !== null) value = this.noise(q.measure, value, perCellEpsilon, cellKeyRandom(cell.perturbed.magnitudeKey));
      return { coordinates, value, suppressed: false, reason: null, reasonLabel: null };
    });
    const suppressedCount = cells.filter((c) => c.suppressed).length;
    const isCount = measure.spec.kind === "COUNT_MSP";
    const maxPercent = Math.round(maxRelativeError(DEFAULT_PERTURBATION) * 100);
    return {
      measure: q.measure,
      measureLabel: measure.label,
      unit: measure.unit,
      indicatorCode: q.indicatorCode,
      groupBy: q.groupBy,
      cells,
      cellCount: cells.length,
      suppressedCount,
      thresholds,
      noise: noisy ? { mechanism: "LAPLACE", epsilon: epsilonPerQuery } : null,
      perturbation: {
        method: PERTURBATION_METHOD,
        description: isCount ? COUNT_PERTURBATION : AMOUNT_PERTURBATION(maxPercent),
        maxRelativeErrorPercent: isCount ? null : maxPercent,
        countBase: isCount ? DEFAULT_PERTURBATION.countBase : null,
      },
      dataVersion: createHash("sha256").update(dataVersion).digest("hex").slice(0, 12),
      methodology: METHODOLOGY,
    };
  }

  /**
   * Noisy mode (deployment option): Laplace noise on each published value, the query's ε split over the 2^d cells a
   * record falls in; contributions bounded by DP_CLIP (sensitivity). The noise is drawn from the cell's key, so the
   * same cell always gets the same noise (asking again, or otherwise, averages nothing away).
   */
  private noise(measure: ResearchMeasure, value: number, epsilon: number, random: () => number): number {
    const sensitivity = DP_CLIP[measure] ?? 1;
    const r = laplaceMechanism(value, { epsilon, sensitivity }, random);
    if (!r.ok) return value;
    const v = r.value.value;
    return measure === "MSP_COUNT" || measure === "PATIENTS" ? Math.max(0, Math.round(v)) : Math.round(v * 100) / 100;
  }

  async history(actor: Actor, first: number, after: string | null) {
    ResearchService.assertResearchRole(actor);
    const take = clampPageSize(first, { default: 20, max: 100 });
    const cursor = after ? parseCursor(after) : null;
    const where = { userId: actor.userId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.prisma.client.researchQuery.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: take + 1,
        select: { id: true, createdAt: true, parameters: true, cellsReturned: true, cellsSuppressed: true, epsilon: true },
      }),
      this.prisma.client.researchQuery.count({ where: { userId: actor.userId } }),
    ]);
    const page = rows.slice(0, take);
    return {
      totalCount,
      edges: page.map((r) => ({ cursor: cursorOf(r), node: r })),
      pageInfo: { hasNextPage: rows.length > take, endCursor: page.length ? cursorOf(page[page.length - 1]!) : null },
    };
  }
}

const cursorOf = (r: { createdAt: Date; id: string }) => encodeCursor([r.createdAt.getTime(), r.id]);

function parseCursor(after: string): { createdAt: Date; id: string } {
  const v = decodeCursor(after);
  const [createdAt, id] = v ?? [];
  if (!v || v.length !== 2 || typeof createdAt !== "number" || typeof id !== "string") {
    throw badUserInput([{ field: "after", code: "INVALID_CURSOR", message: "Curseur de pagination invalide." }]);
  }
  return { createdAt: new Date(createdAt), id };
}
