import type { Server } from "node:http";

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from "@nestjs/common";
import { HttpAdapterHost } from "@nestjs/core";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { DigestService } from "../notifications/digest.service.js";
import type { SyncCounts } from "./alerts.repository.js";
import { AlertsService } from "./alerts.service.js";

/** The next time the local clock shows `hour`:00 strictly after `now`. */
export function nextLocalHour(now: Date, hour: number): Date {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/**
 * The background job, in this process: refreshes the alerts once the server listens (start-up is not slowed)
 * and every ALERTS_INTERVAL_MINUTES, and sends the e-mail digests every day at DIGEST_HOUR (local time),
 * right after a refresh. ALERTS_INTERVAL_MINUTES=0 turns all of it off (the tests call refresh directly).
 * Failures are logged, never thrown. The job runs in every API process: with several, set
 * ALERTS_INTERVAL_MINUTES=0 on all but one (docs/operations.md).
 */
@Injectable()
export class AlertsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger("AlertsScheduler");
  private interval: NodeJS.Timeout | null = null;
  private digestTimer: NodeJS.Timeout | null = null;
  private current: Promise<void> = Promise.resolve();
  private busy = false;
  private stopped = false;
  /** The last scheduled refresh: when it ended and what it changed (diagnostics, tests). */
  lastRefresh: { at: Date; counts: SyncCounts } | null = null;

  constructor(
    private readonly alerts: AlertsService,
    private readonly digests: DigestService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.alertsIntervalMinutes <= 0) return;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    // No HTTP server that will listen (e.g. schema emission): nothing to schedule.
    if (!server || typeof server.once !== "function") return;
    if (server.listening) this.start();
    else server.once("listening", () => this.start());
  }

  private start(): void {
    if (this.stopped) return;
    setImmediate(() => void this.refresh());
    this.interval = setInterval(() => void this.refresh(), this.config.alertsIntervalMinutes * 60_000);
    this.interval.unref();
    this.armDigest();
  }

  private armDigest(): void {
    if (this.stopped) return;
    const now = new Date();
    const at = nextLocalHour(now, this.config.digestHour);
    this.digestTimer = setTimeout(() => {
      this.digestTimer = null;
      void this.exclusive("daily digest", async () => {
        await this.runRefresh();
        const sent = await this.digests.sendDigests();
        this.logger.log(`daily digest: ${sent} e-mail(s) sent`);
      }, true);
      this.armDigest();
    }, at.getTime() - now.getTime());
    this.digestTimer.unref();
  }

  private refresh(): Promise<void> {
    return this.exclusive("alert refresh", () => this.runRefresh(), false);
  }

  private async runRefresh(): Promise<void> {
    const counts = await this.alerts.refresh(new Date());
    this.lastRefresh = { at: new Date(), counts };
    if (counts.opened || counts.resolved) this.logger.log(`alerts refreshed: ${counts.opened} opened, ${counts.updated} updated, ${counts.resolved} resolved`);
  }

  /** Runs one job at a time; a periodic refresh is skipped while another job runs, the digest waits its turn. */
  private exclusive(name: string, job: () => Promise<void>, wait: boolean): Promise<void> {
    if (this.stopped || (this.busy && !wait)) return this.current;
    const run = this.current.then(async () => {
      if (this.stopped) return;
      this.busy = true;
      try {
        await job();
      } catch (error) {
        this.logger.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        this.busy = false;
      }
    });
    this.current = run;
    return run;
  }

  /** Stops the timers and waits for a running job, before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    if (this.digestTimer) clearTimeout(this.digestTimer);
    this.interval = null;
    this.digestTimer = null;
    await this.current;
  }
}
