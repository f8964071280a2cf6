import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Actor } from "@maillage/domain";

import { forbidden } from "../../common/errors.js";
import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { AuditService } from "../audit/audit.service.js";
import { planDigests, renderDigest } from "./digest.format.js";
import { DIGEST_SENT, DigestRepository } from "./digest.repository.js";
import { MailerService } from "./mailer.service.js";

/** The local calendar day of `d`: [start, next start), and its yyyy-mm-dd name. */
function localDay(d: Date): { from: Date; to: Date; name: string } {
  const from = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
  const name = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, "0")}-${String(from.getDate()).padStart(2, "0")}`;
  return { from, to, name };
}

/** Daily e-mail digests of the open alerts, to chargés (their projects) and admins (unassigned projects). */
@Injectable()
export class DigestService {
  private readonly logger = new Logger("Digests");
  /** Sends run one after another, so that two of them on the same day cannot both pass the "not sent yet" check. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly digests: DigestRepository,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sends today's digest to every recipient with open alerts who has not had one today (local day of `now`);
   * returns how many e-mails went out. A failed send is logged and retried on the next run.
   */
  sendDigests(now: Date = new Date(), federationId?: string): Promise<number> {
    if (!this.mailer.enabled) {
      this.mailer.noteDisabled("E-mail digests");
      return Promise.resolve(0);
    }
    const run = this.queue.then(() => this.send(now, federationId));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The `sendAlertDigests` mutation: federation admins, for their own federation. */
  sendFor(actor: Actor): Promise<number> {
    if (actor.role !== "FEDERATION_ADMIN") throw forbidden();
    return this.sendDigests(new Date(), actor.federationId);
  }

  private async send(now: Date, federationId: string | undefined): Promise<number> {
    const [alerts, staff] = await Promise.all([this.digests.openAlerts(federationId), this.digests.staff(federationId)]);
    const plans = planDigests(staff, alerts);
    const day = localDay(now);
    const done = await this.digests.alreadySent(plans.map((p) => p.recipient.id), day.from, day.to);
    let sent = 0;
    for (const plan of plans) {
      if (done.has(plan.recipient.id)) continue;
      try {
        await this.mailer.send(renderDigest(plan, { publicUrl: this.config.publicUrl, now }));
      } catch (error) {
        this.logger.error(`digest to user ${plan.recipient.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      sent++;
      await this.audit.record({
        federationId: plan.recipient.federationId,
        actorId: null,
        action: DIGEST_SENT,
        targetType: "User",
        targetId: plan.recipient.id,
        summary: { day: day.name, alertCount: plan.alerts.length },
      });
    }
    return sent;
  }
}
