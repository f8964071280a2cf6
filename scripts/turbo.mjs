#!/usr/bin/env node
// Runs Turborepo with `pnpm` resolvable on PATH. Turborepo runs every package's task through the package
// manager's binary, but `corepack pnpm …` (the README's commands, on a machine with only Node) puts no
// `pnpm` on PATH: give turbo a shim that calls the very pnpm running this script.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = { ...process.env };
const pnpmEntry = process.env.npm_execpath;
if (pnpmEntry && /pnpm\.c?js$/.test(pnpmEntry)) {
  const shimDir = path.join(root, "node_modules", ".maillage-bin");
  fs.mkdirSync(shimDir, { recursive: true });
  const shim = path.join(shimDir, "pnpm");
  const body = `#!/bin/sh\nexec "${process.execPath}" "${pnpmEntry}" "$@"\n`;
  if (!fs.existsSync(shim) || fs.readFileSync(shim, "utf8") !== body) fs.writeFileSync(shim, body, { mode: 0o755 });
  env.PATH = `${shimDir}${path.delimiter}${env.PATH ?? ""}`;
}
const turbo = path.join(root, "node_modules", ".bin", "turbo");
const result = spawnSync(turbo, process.argv.slice(2), { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
