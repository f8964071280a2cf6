/**
 * End-to-end harness: starts the built product exactly as `pnpm start` does (apps/api/dist/src/main.js,
 * serving the built portal) on a free port and a fresh database, and drives it in headless Chromium
 * (Debian's package, through playwright-core: no browser download).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createTestDatabase, type TestDatabase } from "@maillage/db";
import { chromium, type Browser } from "playwright-core";
import { describe, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Chromium to drive: CHROMIUM_PATH, else Debian's usual paths; null when none is installed. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p): p is string => Boolean(p && fs.existsSync(p))) ?? null;
}

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a plain explanation, unless
 * E2E_REQUIRED is set (CI), where a missing browser is a failure.
 */
export function browserAvailability(): { run: boolean; reason?: string } {
  if (findChromium()) return { run: true };
  const reason = "browser tests skipped: no Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH)";
  if (process.env.E2E_REQUIRED) throw new Error(`E2E_REQUIRED is set but ${reason}`);
  console.warn(`\n⚠ ${reason}\n`);
  return { run: false, reason };
}

/** Without a browser, one skipped test says why, so that the run's summary shows it (CI fails earlier instead). */
export function reportSkippedBrowserTests(availability: { run: boolean; reason?: string }): void {
  if (availability.run) return;
  describe("browser tests", () => {
    it.skip(`skipped: ${availability.reason ?? ""}`, () => undefined);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export type Product = { baseUrl: string; stop: () => Promise<void> };

export type StartProductOptions = {
  /**
   * Extra environment variables of the product (e.g. SMTP_URL, PUBLIC_URL), over the harness's own. The harness's
   * PORT, HOST, DATABASE_URL and DATA_DIR always win. `{baseUrl}` in a value is replaced by the product's address
   * (only known once the port is chosen), e.g. PUBLIC_URL: "{baseUrl}" so that links in e-mails lead back to it.
   */
  env?: Record<string, string>;
};

export async function startProduct(options: StartProductOptions = {}): Promise<Product> {
  const main = path.join(root, "apps/api/dist/src/main.js");
  const portal = path.join(root, "apps/portal/dist/index.html");
  for (const f of [main, portal]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: build first (turbo builds it before these tests)`);
  const db: TestDatabase = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const extraEnv = Object.fromEntries(Object.entries(options.env ?? {}).map(([name, value]) => [name, value.replaceAll("{baseUrl}", baseUrl)]));
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      ...extraEnv,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited (${child.exitCode}) before answering:\n${output}`);
    try {
      const r = await fetch(`${baseUrl}/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the product did not answer /health within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no Chromium");
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
