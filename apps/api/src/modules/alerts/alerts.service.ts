import { Inject, Injectable } from "@nestjs/common";
import {
  ALERT_KIND_LABELS,
  DEFAULT_ALERT_THRESHOLDS,
  clampPageSize,
  computeAlerts,
  decodeCursor,
  encodeCursor,
  projectScope,
  type Actor,
  type AlertThresholds,
} from "@maillage/domain";

import { badUserInput, forbidden } from "../../common/errors.js";
import { isUuid } from "../../common/ids.js";
import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { AlertsRepository, type AlertCursor, type AlertRow, type SyncCounts } from "./alerts.repository.js";
import type { AlertFilter } from "./dto/alerts.args.js";
import type { AlertConnectionModel, AlertModel } from "./models/alert.model.js";


const cursorOf = (a: AlertRow) => encodeCursor([a.dueAt ? a.dueAt.getTime() : "", a.createdAt.getTime(), a.id]);

function parseCursor(after: string): AlertCursor {
  const v = decodeCursor(after);
  const [dueAt, createdAt, id] = v ?? [];
  if (!v || v.length !== 3 || !(typeof dueAt === "number" || dueAt === "") || typeof createdAt !== "number" || typeof id !== "string" || !isUuid(id)) {
    throw badUserInput([{ field: "after", code: "INVALID_CURSOR", message: "Curseur de pagination invalide." }]);
  }
  return { dueAt: dueAt === "" ? null : new Date(dueAt), createdAt: new Date(createdAt), id };
}

const toModel = (a: AlertRow): AlertModel => ({ ...a, kindLabel: ALERT_KIND_LABELS[a.kind] });

/** Alerts: computed from the projects by the pure rules of @maillage/domain, stored, listed within scope. */
@Injectable()
export class AlertsService {
  readonly thresholds: AlertThresholds;
  /** Refreshes run one after another in this process (the scheduler and the mutation may meet). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly alerts: AlertsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.thresholds = {
      ...DEFAULT_ALERT_THRESHOLDS,
      ...(config.alertStalledDays !== null ? { stalledDays: config.alertStalledDays } : {}),
      ...(config.alertReviewWaitDays !== null ? { reviewWaitDays: config.alertReviewWaitDays } : {}),
    };
  }

  /** Recomputes the alerts of every project (or of one federation) and stores the difference. */
  refresh(now: Date = new Date(), federationId?: string): Promise<SyncCounts> {
    const run = this.queue.then(async () => {
      const snapshots = await this.alerts.loadSnapshots(federationId);
      const drafts = computeAlerts(snapshots, now, this.thresholds);
      return this.alerts.sync(drafts, now, federationId);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The `refreshAlerts` mutation: federation admins, for their own federation. */
  refreshFor(actor: Actor): Promise<SyncCounts> {
    if (actor.role !== "FEDERATION_ADMIN") throw forbidden();
    return this.refresh(new Date(), actor.federationId);
  }

  async list(actor: Actor, filter: AlertFilter | undefined, first: number, after: string | undefined): Promise<AlertConnectionModel> {
    const cursor = after ? parseCursor(after) : null;
    const page = await this.alerts.list(
      projectScope(actor),
      {
        kinds: filter?.kinds,
        projectId: filter?.projectId,
        includeResolved: filter?.includeResolved ?? false,
        chargeId: filter?.mine ? actor.userId : undefined,
      },
      { first: clampPageSize(first, { default: 50, max: 100 }), after: cursor },
    );
    const edges = page.rows.map((row) => ({ node: toModel(row), cursor: cursorOf(row) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
