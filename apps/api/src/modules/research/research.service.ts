import { createHash, randomBytes } from "node:crypto";

import { Inject, Injectable } from "@nestjs/common";
import { communesByCode, departementsRef, regionsRef, type CommuneRef } from "@maillage/db";
import {
  buildCubeFromRecords,
  can,
  clampPageSize,
  decodeCursor,
  encodeCursor,
  DEFAULT_DISCLOSURE_THRESHOLDS,
  findDifferencingRisks,
  laplaceMechanism,
  MSP_SIZE_BAND_LABELS,
  MSP_SIZE_BANDS,
  protectCube,
  resolveDisclosureThresholds,
  SUPPRESSION_REASON_LABELS,
  type Actor,
  type ContributorRecord,
  type CubeDimension,
  type DisclosureThresholds,
  type LpSolver,
  type PublishedCellUnits,
  type SuppressionReason,
} from "@maillage/domain";

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
import { contributorRecords, decodeCellUnits, encodeCellUnits, unitKey } from "./research.records.js";
import { ResearchRepository, type ResearchPeriodRow } from "./research.repository.js";

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
  dataVersion: string;
  methodology: string;
};

export type ResearchSettingsValue = { thresholds: DisclosureThresholds; privacyMode: "OFF" | "LAPLACE"; epsilonPerQuery: number; epsilonBudget: number };

/** (Data version × measure) record sets kept in memory (a few megabytes each at national scale). */
const RECORDS_CACHE_SIZE = 12;
/** Data versions (× indicator) whose period rows stay in memory. */
const ROWS_CACHE_SIZE = 4;
/** How many of a researcher's previous answers the differencing check compares a new one with. */
const DIFFERENCING_HISTORY = 200;
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
  "l'unité statistique est la MSP-année. Secret statistique (DOMAIN.md §6.3) : effectifs de patients de 1 à 10 masqués, " +
  "toute case construite sur moins de 3 MSP masquée, dominance (une MSP > 85 % d'un total) masquée, taux et moyennes publiés " +
  "seulement sur 11 unités au moins ; masquage complémentaire vérifié par programmation linéaire, pour qu'aucune case masquée ne " +
  "se déduise des marges. Aucune donnée individuelle n'est accessible ; chaque requête est journalisée.";

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
  private readonly recordsCache = new Map<string, Promise<ContributorRecord[]>>();
  private readonly rowsCache = new Map<string, Promise<ResearchPeriodRow[]>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: ResearchRepository,
    private readonly audit: AuditService,
    @Inject(LP_SOLVER) private readonly solver: LpSolverLoader,
  ) {}

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

  async settings(): Promise<ResearchSettingsValue> {
    const row = await this.prisma.client.researchSettings.findUnique({ where: { id: "default" } });
    if (!row) return { thresholds: DEFAULT_DISCLOSURE_THRESHOLDS, privacyMode: "OFF", epsilonPerQuery: 0.5, epsilonBudget: 10 };
    // Stored thresholds were checked (and any weakening audited) when they were saved.
    const resolved = resolveDisclosureThresholds(row.thresholds as Partial<DisclosureThresholds>, { allowBelowDefaults: true });
    return {
      thresholds: resolved.ok ? resolved.value : DEFAULT_DISCLOSURE_THRESHOLDS,
      privacyMode: row.privacyMode === "LAPLACE" ? "LAPLACE" : "OFF",
      epsilonPerQuery: row.epsilonPerQuery,
      epsilonBudget: row.epsilonBudget,
    };
  }

  /**
   * Changes the deployment's disclosure settings (FEDERATION_ADMIN). A threshold below its default needs
   * `allowBelowDefaults` and a reason; every change is audited with before and after.
   */
  async updateSettings(
    actor: Actor,
    input: { [K in keyof DisclosureThresholds]?: number | null } & { privacyMode?: "OFF" | "LAPLACE" | null; epsilonPerQuery?: number | null; epsilonBudget?: number | null; allowBelowDefaults?: boolean | null; reason?: string | null },
  ): Promise<ResearchSettingsValue> {
    if (!can(actor, "research.configure")) throw forbidden();
    const before = await this.settings();
    const { privacyMode, epsilonPerQuery, epsilonBudget, allowBelowDefaults, reason, ...rest } = input;
    const wanted = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined)) as Partial<DisclosureThresholds>;
    const resolved = resolveDisclosureThresholds({ ...before.thresholds, ...wanted }, { allowBelowDefaults: allowBelowDefaults === true });
    if (!resolved.ok) throw badUserInput(resolved.error.map((e) => ({ field: e.field, code: e.code, message: e.message })));
    const lowered = resolveDisclosureThresholds(resolved.value).ok === false;
    if (lowered && !reason?.trim()) throw badUserInput([{ field: "reason", code: "RESEARCH.REASON_REQUIRED", message: "Indiquez pourquoi un seuil passe sous sa valeur par défaut." }]);
    const eps = epsilonPerQuery ?? before.epsilonPerQuery;
    const total = epsilonBudget ?? before.epsilonBudget;
    if (!(eps > 0 && eps <= 10) || !(total > 0 && total <= 1000)) {
      throw badUserInput([{ field: "epsilonPerQuery", code: "RESEARCH.EPSILON_INVALID", message: "ε par requête va de 0 à 10 (exclu 0) et le budget de 0 à 1 000." }]);
    }
    const after: ResearchSettingsValue = { thresholds: resolved.value, privacyMode: privacyMode ?? before.privacyMode, epsilonPerQuery: eps, epsilonBudget: total };
    await this.prisma.client.$transaction(async (tx) => {
      const data = { thresholds: after.thresholds as object, privacyMode: after.privacyMode, epsilonPerQuery: eps, epsilonBudget: total, updatedById: actor.userId };
      await tx.researchSettings.upsert({ where: { id: "default" }, create: { id: "default", ...data }, update: data });
      await this.audit.record(
        { federationId: actor.federationId, actorId: actor.userId, action: "research.settings", targetType: "ResearchSettings", targetId: null, summary: { before, after, belowDefaults: lowered, reason: reason?.trim() ?? null } },
        tx,
      );
    });
    return after;
  }

  async budget(actor: Actor): Promise<{ mode: string; epsilonTotal: number; epsilonSpent: number; epsilonRemaining: number; epsilonPerQuery: number }> {
    ResearchService.assertResearchRole(actor);
    const s = await this.settings();
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

  /** The answer to a question, protected, audited; the same question on the same data gets the same answer. */
  async aggregate(actor: Actor, question: ResearchQuestion, now = new Date()): Promise<ResearchAnswer & { queryId: string; cached: boolean }> {
    ResearchService.assertResearchRole(actor);
    const q = this.normalise(question, now);
    const settings = await this.settings();
    const questionKey = createHash("sha256").update(JSON.stringify(q)).digest("hex");
    const dataVersion = `${await this.repository.dataVersion()}|${JSON.stringify(settings)}`;
    const stored = await this.prisma.client.researchAnswer.findUnique({ where: { questionKey_dataVersion: { questionKey, dataVersion } }, select: { id: true, answer: true } });
    let answer: ResearchAnswer;
    let fresh: { cellUnits: Uint8Array; epsilon: number | null } | null = null;
    if (stored) {
      answer = stored.answer as unknown as ResearchAnswer;
    } else {
      const computed = await this.compute(q, settings, dataVersion);
      answer = computed.answer;
      fresh = { cellUnits: encodeCellUnits(computed.cellUnits), epsilon: settings.privacyMode === "LAPLACE" ? settings.epsilonPerQuery : null };
    }
    const parameters = { ...q };

    const risk = await this.differencingRisk(actor, q, dataVersion, stored?.id ?? null, fresh?.cellUnits ?? null, settings.thresholds.minContributors);
    if (risk) {
      await this.audit.record({
        federationId: actor.federationId,
        actorId: actor.userId,
        action: "research.refused",
        targetType: "ResearchQuery",
        summary: { parameters, reason: "DISCLOSURE_RISK", isolatedUnits: Math.max(risk.onlyInA, risk.onlyInB) },
      });
      throw fail(
        ErrorCode.DISCLOSURE_RISK,
        `Cette requête, rapprochée d'une requête précédente, isolerait ${Math.max(risk.onlyInA, risk.onlyInB)} MSP (moins de ${settings.thresholds.minContributors}) : elle est refusée. Élargissez les filtres ou gardez ceux de la requête précédente.`,
      );
    }

    const epsilon = fresh?.epsilon ?? null;
    let queryId: string;
    try {
      queryId = await this.prisma.client.$transaction(async (tx) => {
        if (epsilon !== null) {
          await tx.researchBudget.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId }, update: {} });
          const spent = await tx.researchBudget.updateMany({
            where: { userId: actor.userId, epsilonSpent: { lte: settings.epsilonBudget - epsilon + 1e-9 } },
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
              data: {
                questionKey,
                dataVersion,
                answer: answer as unknown as object,
                cellUnits: fresh!.cellUnits as Uint8Array<ArrayBuffer>,
                cellsReturned: answer.cellCount,
                cellsSuppressed: answer.suppressedCount,
                epsilon,
              },
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

  /**
   * The first risky pair between this answer's published cells and the answers this researcher already received on
   * the same data (a difference between two data versions is the new approvals themselves, released in batches by
   * the federations: docs/research.md, residual risks). Pairs inside one answer are the disclosure control's
   * business (complementary suppression, LP audit). Only cells of the same measure can be subtracted from each other,
   * and only a NESTED pair isolates a group (an overlap gives the difference of two small groups' figures, which
   * reveals nothing unless one of them is known: docs/research.md).
   */
  private async differencingRisk(actor: Actor, q: Required<ResearchQuestion>, dataVersion: string, storedAnswerId: string | null, freshUnits: Uint8Array | null, threshold: number) {
    const asked = await this.prisma.client.researchQuery.findMany({
      where: { userId: actor.userId, dataVersion, ...(storedAnswerId ? { answerId: { not: storedAnswerId } } : {}) },
      distinct: ["answerId"],
      orderBy: { createdAt: "desc" },
      take: DIFFERENCING_HISTORY,
      select: { answerId: true, parameters: true },
    });
    const sameMeasure = asked.filter((a) => {
      const p = a.parameters as { measure?: string; indicatorCode?: string | null };
      return p.measure === q.measure && (p.indicatorCode ?? null) === q.indicatorCode;
    });
    if (sameMeasure.length === 0) return undefined;
    const previous = await this.prisma.client.researchAnswer.findMany({ where: { id: { in: sameMeasure.map((a) => a.answerId) } }, select: { id: true, cellUnits: true } });
    const currentUnits = freshUnits ?? (await this.prisma.client.researchAnswer.findUniqueOrThrow({ where: { id: storedAnswerId! }, select: { cellUnits: true } })).cellUnits;
    const current = decodeCellUnits(currentUnits, "current");
    const before = previous.flatMap((p) => decodeCellUnits(p.cellUnits, p.id));
    // A difference already inside one answer (a previous cell that is also a cell of the new answer, e.g. a margin, or
    // the reverse) was protected by that answer's complementary suppression: only new combinations count.
    const keyOf = (units: readonly string[]) => units.join(",");
    const inAnswer = new Map<string, Set<string>>();
    for (const cell of [...before, ...current]) {
      const set = inAnswer.get(cell.answerId) ?? new Set<string>();
      set.add(keyOf(cell.units));
      inAnswer.set(cell.answerId, set);
    }
    return findDifferencingRisks(before, current, { threshold, includeOverlaps: false }).find((r) => {
      if (r.a.answerId === "current" && r.b.answerId === "current") return false;
      const [cur, prev] = r.a.answerId === "current" ? [r.a, r.b] : [r.b, r.a];
      const coveredByNew = inAnswer.get("current")?.has(keyOf(prev.units)) ?? false;
      const coveredByOld = inAnswer.get(prev.answerId)?.has(keyOf(cur.units)) ?? false;
      return !coveredByNew && !coveredByOld;
    });
  }

  /**
   * The contributor records (one per MSP-year) behind every answer on one data version, for one measure, built once
   * and kept for the next questions: researchers ask many questions on the same data, and the version changes with
   * any approval, unlock, opt-in or settings change.
   */
  private recordsFor(dataVersion: string, q: Required<ResearchQuestion>): Promise<ContributorRecord[]> {
    const key = `${dataVersion}|${q.measure}|${q.indicatorCode ?? ""}`;
    let records = this.recordsCache.get(key);
    if (!records) {
      records = this.rowsFor(dataVersion, q.indicatorCode).then((rows) => {
        this.communes ??= communesByCode();
        return contributorRecords(rows, q.measure, this.communes);
      });
      this.recordsCache.set(key, records);
      records.catch(() => this.recordsCache.delete(key));
      while (this.recordsCache.size > RECORDS_CACHE_SIZE) this.recordsCache.delete(this.recordsCache.keys().next().value as string);
    }
    return records;
  }

  /** The approved periods of one data version (with one indicator's values when asked), read once for every measure. */
  private rowsFor(dataVersion: string, indicatorCode: string | null): Promise<ResearchPeriodRow[]> {
    const key = `${dataVersion}|${indicatorCode ?? ""}`;
    let rows = this.rowsCache.get(key);
    if (!rows) {
      rows = this.repository.periods(indicatorCode);
      this.rowsCache.set(key, rows);
      rows.catch(() => this.rowsCache.delete(key));
      while (this.rowsCache.size > ROWS_CACHE_SIZE) this.rowsCache.delete(this.rowsCache.keys().next().value as string);
    }
    return rows;
  }

  private async compute(q: Required<ResearchQuestion>, settings: ResearchSettingsValue, dataVersion: string): Promise<{ answer: ResearchAnswer; cellUnits: PublishedCellUnits[] }> {
    const filters = q.filters ?? [];
    const records = (await this.recordsFor(dataVersion, q)).filter((r) => filters.every((f) => f.values.includes(r.dimensions[f.dimension] ?? "")));
    const measure = MEASURES[q.measure];
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
    const built = buildCubeFromRecords({ dimensions, measures: [measure.spec], records });
    if (!built.ok) throw badUserInput(built.error.map((e) => ({ field: e.field, code: e.code, message: e.message })));
    const protectedCube = protectCube(built.value.cube, { solver: await this.solver(), thresholds: settings.thresholds });
    if (!protectedCube.ok) throw badUserInput(protectedCube.error.map((e) => ({ field: e.field, code: e.code, message: e.message })));
    const random = cryptoRandom();
    const noisy = settings.privacyMode === "LAPLACE";
    const perCellEpsilon = settings.epsilonPerQuery / 2 ** q.groupBy.length;
    const unitsByKey = new Map(built.value.cube.cells.map((c, i) => [JSON.stringify(c.coordinates), built.value.units[i] ?? []]));
    const cellUnits: PublishedCellUnits[] = [];
    const cells: AnswerCell[] = protectedCube.value.cells.map((cell) => {
      const coordinates = cell.coordinates.map((value, d) => {
        const dimension = q.groupBy[d] as ResearchApiDimension;
        return { dimension, value, label: value === null ? null : (labels.get(dimension)?.get(value) ?? value) };
      });
      if (cell.suppressed) return { coordinates, value: null, suppressed: true, reason: cell.reason, reasonLabel: SUPPRESSION_REASON_LABELS[cell.reason] };
      const key = JSON.stringify(cell.coordinates);
      cellUnits.push({ answerId: "", cellKey: `${JSON.stringify(q.filters)}|${key}`, units: (unitsByKey.get(key) ?? []).map(unitKey) });
      let value = cell.values[q.measure] ?? null;
      if (noisy && value !== null) value = this.noise(q.measure, value, perCellEpsilon, random);
      return { coordinates, value, suppressed: false, reason: null, reasonLabel: null };
    });
    const suppressedCount = cells.filter((c) => c.suppressed).length;
    const answer: ResearchAnswer = {
      measure: q.measure,
      measureLabel: measure.label,
      unit: measure.unit,
      indicatorCode: q.indicatorCode,
      groupBy: q.groupBy,
      cells,
      cellCount: cells.length,
      suppressedCount,
      thresholds: settings.thresholds,
      noise: noisy ? { mechanism: "LAPLACE", epsilon: settings.epsilonPerQuery } : null,
      dataVersion: createHash("sha256").update(dataVersion).digest("hex").slice(0, 12),
      methodology: METHODOLOGY,
    };
    return { answer, cellUnits };
  }

  /**
   * Noisy mode: Laplace noise on each published value, the query's ε split over the 2^d cells a record falls in
   * (composition); contributions are bounded by DP_CLIP (sensitivity). Means and shares keep their protected value
   * with noise on the numerator scale of one unit (documented limit in docs/research.md).
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

/** Uniform numbers in [0, 1) from the operating system's CSPRNG (never Math.random for released noise). */
function cryptoRandom(): () => number {
  return () => {
    const b = randomBytes(7);
    // 53 random bits.
    const hi = (b.readUIntBE(0, 3) & 0x1fffff) * 2 ** 32;
    return (hi + b.readUInt32BE(3)) / 2 ** 53;
  };
}
