/**
 * Researchers never see rows (issue "Research access", item 4), generated from the schema: every query and mutation
 * of the committed schema.graphql — so a new operation is covered the day it is added — is called as the researcher
 * with arguments built from its types, its ID arguments filled in turn with real ids of the demo's rows (two projects,
 * a result period, a submission, a file, a team member, an alert, a user), and asking for every field the answer can
 * give. Whatever the answer, it must hold no trace of an MSP's rows: no project id or name, no period, submission,
 * file, team member or alert id, no other user's e-mail.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { DEMO_IDS } from "@maillage/db/seed";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const schema = buildSchema(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../schema.graphql"), "utf8"));
const PUBLIC = new Set(["login", "logout"]);
const ALLOWED_ERRORS = new Set(["FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"]);

/** Every field of an output type, recursively (fields needing arguments left out), to see everything an answer holds. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return "";
  if (depth === 0) return "{ __typename }";
  const fields = Object.values(named.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => {
      const inner = getNamedType(f.type);
      return isObjectType(inner) ? `${f.name} ${selection(f.type, depth - 1)}` : f.name;
    });
  return `{ __typename ${fields.join(" ")} }`;
}

/** A value of an input type: required fields only; IDs from `id`; the first value of an enum. */
function valueOf(type: GraphQLInputType, id: string): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, id);
  if (isListType(type)) return [valueOf(type.ofType, id)];
  const named = type as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, valueOf(f.type, id)]),
    );
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case "ID":
        return id;
      case "Int":
        return 1;
      case "Float":
        return 1;
      case "Boolean":
        return false;
      case "JSONObject":
        return {};
      case "DateTime":
        return new Date().toISOString();
      default:
        return "x";
    }
  }
  return null;
}

const usesIds = (field: GraphQLField<unknown, unknown>): boolean => {
  const seen = new Set<string>();
  const visit = (type: GraphQLInputType): boolean => {
    const named = getNamedType(type);
    if (named.name === "ID") return true;
    if (!isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => visit(f.type));
  };
  return field.args.some((a) => visit(a.type));
};

const operations = (["query", "mutation"] as const).flatMap((kind) =>
  Object.values((kind === "query" ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {})
    .filter((f) => !PUBLIC.has(f.name))
    .map((field) => ({ kind, field })),
);

let t: TestApp;
let researcher: GqlClient;
let ids: Record<string, string>;
let markers: string[];

beforeAll(async () => {
  t = await startTestApp();
  researcher = await t.as("chercheur@demo.maillage.fr");
  const prisma = t.running.database.prisma;
  const P = DEMO_IDS.projects.msp;
  // The alert job does not run in tests: one open alert, made by hand.
  await prisma.alert.create({ data: { projectId: P, federationId: DEMO_IDS.federations.nouvelleAquitaine, kind: "STALLED_PROJECT", key: "researcher-test", message: "Alerte de test" } });
  const [period, submission, file, member, alert, user] = await Promise.all([
    prisma.resultPeriod.findFirst({ where: { projectId: DEMO_IDS.projects.coordination } }),
    prisma.submission.findFirst({ where: { projectId: P } }),
    prisma.storedFile.findFirst(),
    prisma.teamMember.findFirst({ where: { projectId: P } }),
    prisma.alert.findFirst(),
    prisma.user.findFirst({ where: { email: "msp@demo.maillage.fr" } }),
  ]);
  ids = Object.fromEntries(
    Object.entries({ project: P, runningProject: DEMO_IDS.projects.coordination, period: period?.id, submission: submission?.id, file: file?.id, member: member?.id, alert: alert?.id, user: user?.id }).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
  // Everything that would betray an MSP's rows in an answer.
  const [projects, periods, members, users] = await Promise.all([
    prisma.mspProject.findMany({ select: { id: true, name: true } }),
    prisma.resultPeriod.findMany({ select: { id: true } }),
    prisma.teamMember.findMany({ select: { id: true, fullName: true } }),
    prisma.user.findMany({ where: { role: { not: "RESEARCHER" } }, select: { email: true } }),
  ]);
  markers = [
    ...projects.flatMap((p) => [p.id, p.name]),
    ...periods.map((p) => p.id),
    ...members.flatMap((m) => [m.id, m.fullName]),
    ...users.map((u) => u.email),
    ...Object.values(ids),
  ];
});
afterAll(async () => {
  await t?.close();
});

describe("a researcher sees no row, whatever operation of the schema they call (generated from schema.graphql)", () => {
  it("the fixtures are real rows", () => {
    expect(Object.keys(ids)).toEqual(expect.arrayContaining(["project", "period", "submission", "member", "alert", "user"]));
    expect(markers.length).toBeGreaterThan(500);
  });

  it.each(operations.map((o) => [`${o.kind} ${o.field.name}`, o] as const))("%s", async (_name, { kind, field }) => {
    const pool = usesIds(field) ? Object.entries(ids) : [["none", "00000000-0000-4000-8000-000000000000"] as const];
    for (const [label, id] of pool) {
      // Required arguments, and optional ID arguments (filters left out: they would only narrow the answer).
      const declared = field.args.filter((a) => isNonNullType(a.type) || (/id$/i.test(a.name) && isScalarType(getNamedType(a.type))));
      const variables = Object.fromEntries(declared.map((a) => [a.name, valueOf(a.type, id)]));
      const signature = declared.length ? `(${declared.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ")})` : "";
      const call = declared.length ? `(${declared.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
      const r = await researcher.request(`${kind} Op${signature} { ${field.name}${call} ${selection(field.type, 3)} }`, variables);
      const where = `${kind} ${field.name} with the ${label} id`;
      const text = JSON.stringify(r.data ?? null);
      for (const marker of markers) {
        if (marker.length >= 6 && text.includes(marker)) throw new Error(`${where} returned a row's data (${marker}): ${text.slice(0, 300)}`);
      }
      if (r.errors) {
        const code = GqlClient.code(r) ?? "";
        expect(ALLOWED_ERRORS.has(code) || code === "GRAPHQL_VALIDATION_FAILED", `${where}: ${JSON.stringify(r.errors).slice(0, 300)}`).toBe(true);
      }
    }
  });
});
