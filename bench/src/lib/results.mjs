/** Result files (bench/results/<benchmark>.json, git-ignored) and plain-text tables for the console. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const RESULTS_DIR = fileURLToPath(new URL("../../results/", import.meta.url));

/** What the figures depend on: CPU, memory, Node, OS. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
  };
}

/**
 * How busy the CPUs are over `ms` milliseconds, in percent of all cores (from os.cpus() times). Sampled while
 * the benchmark itself is idle, it tells whether something else on the machine competes with the run.
 * @param {number} [ms]
 */
export async function cpuBusyPercent(ms = 1000) {
  const sample = () =>
    os.cpus().reduce(
      (acc, c) => {
        const total = c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
        return { busy: acc.busy + total - c.times.idle, total: acc.total + total };
      },
      { busy: 0, total: 0 },
    );
  const a = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sample();
  return b.total > a.total ? Math.round(((b.busy - a.busy) / (b.total - a.total)) * 100) : 0;
}

/** The commit the run measured (with "+dirty" when the tree has local changes), or null outside git. */
export function gitCommit() {
  try {
    const cwd = fileURLToPath(new URL("../../", import.meta.url));
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

/** Writes `record` as bench/results/<name>.json and returns the file's path. @param {string} name @param {unknown} record */
export function writeResult(name, record) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/**
 * A plain-text table: numbers right-aligned, everything else left-aligned.
 * @param {string[]} header
 * @param {(string | number | null | undefined)[][]} rows
 */
export function table(header, rows) {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? "–" : typeof c === "number" ? c.toLocaleString("en-US") : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === "number" || r[i] === null || r[i] === undefined));
  const line = (/** @type {string[]} */ r) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
