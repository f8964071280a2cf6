#!/usr/bin/env node
// Keeps @maillage/domain framework-free (STYLE.md §4): fails when package.json declares runtime
// dependencies, or when a non-test source file under src/ imports anything but a relative path
// inside src/ (no @nestjs/*, @prisma/*, react, node:* …). Type-only imports count too.
// Imports are read with TypeScript's own pre-processor, so comments and strings are ignored.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

import ts from "typescript";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(packageDir, "src");
const NAME = "check-no-runtime-deps";

const RUNTIME_DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies", "bundledDependencies"];
const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const TEST_FILE = /\.(?:test|spec)\.[^.]+$/;

/** @type {string[]} */
const problems = [];

const packageJson = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
for (const field of RUNTIME_DEPENDENCY_FIELDS) {
  const value = packageJson[field];
  if (value === undefined) continue;
  const names = Array.isArray(value) ? value : Object.keys(value ?? {});
  if (names.length > 0) {
    problems.push(`package.json: "${field}" must stay empty (found ${names.join(", ")}); use devDependencies for tooling`);
  }
}

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.isFile() && SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name) ? [path] : [];
  });
}

/** @param {string} from @param {string} specifier */
function isRelativeInsideSrc(from, specifier) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return false;
  const target = resolve(dirname(from), specifier);
  return target === srcDir || target.startsWith(srcDir + sep);
}

const files = sourceFiles(srcDir);
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const where = relative(packageDir, file);
  for (const { fileName } of info.importedFiles) {
    if (!isRelativeInsideSrc(file, fileName)) {
      problems.push(`${where}: imports "${fileName}" — only relative imports inside src/ are allowed`);
    }
  }
  for (const { fileName } of info.typeReferenceDirectives) {
    problems.push(`${where}: /// <reference types="${fileName}" /> — the domain must not depend on ambient types`);
  }
  for (const { fileName } of info.referencedFiles) {
    if (!isRelativeInsideSrc(file, fileName)) {
      problems.push(`${where}: /// <reference path="${fileName}" /> points outside src/`);
    }
  }
}

if (problems.length > 0) {
  console.error(`${NAME}: @maillage/domain must have no runtime dependency (STYLE.md §4). ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

console.log(`${NAME}: OK — no runtime dependency; ${files.length} source files under src/ import only relative paths.`);
