#!/usr/bin/env node
// Sums the vitest JSON reports that every test suite writes to <package>/test-results/*.json and prints
// one line per suite and a closing "N passed, N failed, N skipped" line. `--clean` removes old reports.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const folders = ["apps", "packages"].flatMap((d) =>
  fs.existsSync(path.join(root, d)) ? fs.readdirSync(path.join(root, d)).map((p) => path.join(root, d, p, "test-results")) : [],
);

if (process.argv.includes("--clean")) {
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
  process.exit(0);
}

let passed = 0, failed = 0, skipped = 0;
const rows = [];
for (const folder of folders) {
  if (!fs.existsSync(folder)) continue;
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
    const r = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8"));
    const suite = `${path.basename(path.dirname(folder))}/${file.replace(/\.json$/, "")}`;
    const s = r.numPendingTests + (r.numTodoTests ?? 0);
    rows.push(`  ${suite.padEnd(28)} ${String(r.numPassedTests).padStart(5)} passed  ${String(r.numFailedTests).padStart(3)} failed  ${String(s).padStart(3)} skipped`);
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += s;
  }
}
console.log("\nTest summary (vitest JSON reports):");
console.log(rows.join("\n"));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
