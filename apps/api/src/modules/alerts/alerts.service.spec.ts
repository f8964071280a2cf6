import { DEFAULT_ALERT_THRESHOLDS, type AlertDraft, type AlertProjectSnapshot } from "@maillage/domain";
import { describe, expect, it } from "vitest";

import { ConfigError, loadConfig } from "../../config/config.js";
import type { AlertsRepository } from "./alerts.repository.js";
import { AlertsService } from "./alerts.service.js";

const DAY = 86_400_000;
const now = new Date("2026-11-23T10:00:00Z");
const stalled: AlertProjectSnapshot = {
  projectId: "p1",
  federationId: "f1",
  name: "MSP test",
  stage: "PROJET_SANTE",
  status: "ACTIVE",
  lastActivityAt: new Date(now.getTime() - 90 * DAY),
  pendingSubmissions: [],
  approvedFields: {},
  submittedEvidenceYears: [],
};

/** A repository double that records what would be stored. */
function fakeRepository() {
  const synced: { drafts: readonly AlertDraft[]; federationId?: string }[] = [];
  const repo = {
    loadSnapshots: async () => [stalled],
    sync: async (drafts: readonly AlertDraft[], _now: Date, federationId?: string) => {
      synced.push({ drafts, federationId });
      return { opened: drafts.length, updated: 0, resolved: 0 };
    },
  } as unknown as AlertsRepository;
  return { repo, synced };
}

describe("AlertsService thresholds", () => {
  it("uses the domain defaults unless ALERT_STALLED_DAYS / ALERT_REVIEW_WAIT_DAYS say otherwise", () => {
    const { repo } = fakeRepository();
    expect(new AlertsService(repo, loadConfig({})).thresholds).toEqual(DEFAULT_ALERT_THRESHOLDS);
    const tuned = new AlertsService(repo, loadConfig({ ALERT_STALLED_DAYS: "120", ALERT_REVIEW_WAIT_DAYS: "3" })).thresholds;
    expect(tuned).toEqual({ ...DEFAULT_ALERT_THRESHOLDS, stalledDays: 120, reviewWaitDays: 3 });
  });

  it("passes them to the rules", async () => {
    const byDefault = fakeRepository();
    await new AlertsService(byDefault.repo, loadConfig({})).refresh(now, "f1");
    expect(byDefault.synced).toEqual([{ drafts: [expect.objectContaining({ projectId: "p1", kind: "STALLED_PROJECT" })], federationId: "f1" }]);
    const patient = fakeRepository();
    await new AlertsService(patient.repo, loadConfig({ ALERT_STALLED_DAYS: "120" })).refresh(now);
    expect(patient.synced).toEqual([{ drafts: [], federationId: undefined }]);
  });
});

describe("alert and e-mail configuration", () => {
  it("has defaults that send nothing until SMTP_URL is set", () => {
    const c = loadConfig({});
    expect(c.alertsIntervalMinutes).toBe(15);
    expect(loadConfig({ NODE_ENV: "test" }).alertsIntervalMinutes).toBe(0);
    expect(c.digestHour).toBe(7);
    expect(c.smtpUrl).toBeNull();
    expect(c.mailFrom).toBe("Maillage <no-reply@maillage.local>");
    expect(c.publicUrl).toBe("http://localhost:3000");
    expect(c.alertStalledDays).toBeNull();
  });

  it("reads the variables", () => {
    const c = loadConfig({ ALERTS_INTERVAL_MINUTES: "0", DIGEST_HOUR: "6", SMTP_URL: "smtps://u:p@mail.example:465", MAIL_FROM: "X <x@y.fr>", PUBLIC_URL: "https://maillage.example/" });
    expect([c.alertsIntervalMinutes, c.digestHour, c.smtpUrl, c.mailFrom, c.publicUrl]).toEqual([0, 6, "smtps://u:p@mail.example:465", "X <x@y.fr>", "https://maillage.example"]);
  });

  it.each([
    [{ SMTP_URL: "mail.example:25" }, /SMTP_URL/],
    [{ DIGEST_HOUR: "24" }, /DIGEST_HOUR/],
    [{ ALERTS_INTERVAL_MINUTES: "-1" }, /ALERTS_INTERVAL_MINUTES/],
    [{ ALERT_STALLED_DAYS: "0" }, /ALERT_STALLED_DAYS/],
    [{ ALERT_REVIEW_WAIT_DAYS: "x" }, /ALERT_REVIEW_WAIT_DAYS/],
  ])("refuses %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
