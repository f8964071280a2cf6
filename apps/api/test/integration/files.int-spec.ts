/**
 * Uploads and downloads (POST /files, GET /files/:id) over real HTTP, with real files on disk in the test
 * app's own DATA_DIR. Every fixture is generated here: real (minimal) PDF, PNG, JPEG, and OOXML / ODF
 * documents as real ZIP archives.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";

import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestApp, type GqlClient, type TestApp } from "./harness.js";

// ---------------------------------------------------------------------------------------------------------
// Fixtures

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** CRC-32 (zlib.crc32 exists from Node 20.15; computed by hand otherwise). */
function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  let c = 0xffffffff;
  for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A store-only (uncompressed) ZIP archive: local headers, central directory, end record. */
function zip(entries: [name: string, content: string | Uint8Array][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5a21, 12); // date (2025-01-01)
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A one-page PDF with a correct cross-reference table. */
function pdf(text = "Procès-verbal"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
  ];
  const stream = `BT /F1 12 Tf 20 100 Td (${text.replace(/[^\x20-\x7e]/g, "?")}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A 1×1 red PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // truecolour
  const pixels = zlib.deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

/** JFIF header, a comment, end of image: valid markers, no picture to speak of. */
function jpeg(): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const comment = Buffer.from("Maillage test");
  const com = [0xff, 0xfe, 0x00, comment.length + 2];
  return Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(app0), Buffer.from(com), comment, Buffer.from([0xff, 0xd9])]);
}

const OOXML = {
  docx: ["word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"],
  xlsx: ["xl", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
  pptx: ["ppt", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"],
} as const;

function ooxml(kind: keyof typeof OOXML, mainType?: string): Buffer {
  const [dir, , part, declaredType] = OOXML[kind];
  const partType = mainType ?? declaredType;
  return zip([
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${partType}"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part.slice(1)}"/></Relationships>`,
    ],
    [part.slice(1), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<root dir="${dir}">Projet de santé</root>`],
  ]);
}

const ODF = {
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
} as const;

/** ODF: the uncompressed `mimetype` entry first, then the manifest and the content. */
function odf(kind: keyof typeof ODF): Buffer {
  const mime = ODF[kind];
  return zip([
    ["mimetype", mime],
    [
      "META-INF/manifest.xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ],
    ["content.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>`],
  ]);
}

const csv = (): Buffer => Buffer.from("\uFEFFnom;profession;commune\nDupont;médecin généraliste;Saint-Astier\nMartin;infirmière;\"Périgueux; quartier nord\"\n", "utf8");
const html = (): Buffer =>
  Buffer.from("<!DOCTYPE html>\n<html><head><title>Facture</title></head>\n<body><script>fetch('/graphql',{credentials:'include'})</script></body></html>\n");
/** A DOS/PE executable's first bytes. */
const exe = (): Buffer => Buffer.concat([Buffer.from("MZ"), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), Buffer.alloc(64), Buffer.from("This program cannot be run in DOS mode.\r\r\n$")]);
/** Random bytes behind a prefix that no format starts with (so the test cannot flake). */
const binary = (): Buffer => Buffer.concat([Buffer.from([0xab, 0xcd, 0x12, 0x34, 0xfe, 0x00, 0x11, 0x7f]), randomBytes(4096)]);

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

// ---------------------------------------------------------------------------------------------------------
// HTTP helpers

const PREFLIGHT = { "apollo-require-preflight": "true" };

type UploadAnswer = {
  status: number;
  headers: Headers;
  body: { id: string; sha256: string; size: number; contentType: string; originalName: string } & { error?: { code: string; message: string } };
};

async function upload(
  t: TestApp,
  who: GqlClient | null,
  projectId: string | null,
  file: { name: string; bytes: Uint8Array; type?: string; field?: string } | null,
  headers: Record<string, string> = PREFLIGHT,
): Promise<UploadAnswer> {
  const form = new FormData();
  if (file) form.append(file.field ?? "file", new Blob([file.bytes], { type: file.type ?? "application/octet-stream" }), file.name);
  else form.append("note", "pas de fichier");
  const query = projectId === null ? "" : `?projectId=${encodeURIComponent(projectId)}`;
  const res = await fetch(`${t.url}/files${query}`, {
    method: "POST",
    headers: { ...(who?.cookie ? { cookie: who.cookie } : {}), ...headers },
    body: form,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as UploadAnswer["body"] };
}

async function download(t: TestApp, who: GqlClient | null, id: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${t.url}/files/${encodeURIComponent(id)}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every file under a folder, relative paths, sorted. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

const tmpFiles = (t: TestApp) => filesUnder(path.join(t.config.filesDir, "tmp"));
const storedBlobs = (t: TestApp) => filesUnder(t.config.filesDir).filter((f) => !f.startsWith(`tmp${path.sep}`));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

// ---------------------------------------------------------------------------------------------------------

describe("file uploads and downloads", () => {
  let t: TestApp;
  let msp: GqlClient;
  let charge: GqlClient;
  let admin2: GqlClient;
  let msp2: GqlClient;
  let researcher: GqlClient;
  let otherProjectSameFederation: string;
  const project = DEMO_IDS.projects.msp;

  beforeAll(async () => {
    t = await startTestApp();
    [msp, charge, admin2, msp2, researcher] = await Promise.all([
      t.as("msp@demo.maillage.fr"),
      t.as("charge@demo.maillage.fr"),
      t.as("admin2@demo.maillage.fr"),
      t.as("msp2@demo.maillage.fr"),
      t.as("chercheur@demo.maillage.fr"),
    ]);
    const other = await prisma().mspProject.findFirstOrThrow({
      where: { federationId: DEMO_IDS.federations.nouvelleAquitaine, id: { not: project } },
      select: { id: true },
    });
    otherProjectSameFederation = other.id;
  });
  afterAll(() => t.close());

  const prisma = () => t.running.database.prisma;
  const rowCount = () => prisma().storedFile.count();

  /** A refused upload: the status and code, and nothing left behind (no row, no temporary or stored file). */
  async function expectRefused(answer: Promise<UploadAnswer>, status: number, code: string): Promise<void> {
    const rowsBefore = await rowCount();
    const blobsBefore = storedBlobs(t);
    const r = await answer;
    expect(r.status).toBe(status);
    expect(r.body.error?.code).toBe(code);
    expect(r.body.error?.message).toMatch(/\S/);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await rowCount()).toBe(rowsBefore);
    expect(storedBlobs(t)).toEqual(blobsBefore);
    expect(tmpFiles(t)).toEqual([]);
  }

  describe("accepts each allowed type, judged by content", () => {
    const cases: { label: string; name: string; bytes: () => Buffer; contentType: string }[] = [
      { label: "PDF", name: "statuts.pdf", bytes: () => pdf(), contentType: "application/pdf" },
      { label: "PNG", name: "plan.png", bytes: png, contentType: "image/png" },
      { label: "JPEG", name: "photo.jpg", bytes: jpeg, contentType: "image/jpeg" },
      ...(Object.keys(OOXML) as (keyof typeof OOXML)[]).map((k) => ({ label: k, name: `document.${k}`, bytes: () => ooxml(k), contentType: OOXML[k][1] })),
      ...(Object.keys(ODF) as (keyof typeof ODF)[]).map((k) => ({ label: k, name: `document.${k}`, bytes: () => odf(k), contentType: ODF[k] })),
      { label: "CSV (UTF-8, semicolons)", name: "equipe.csv", bytes: csv, contentType: "text/csv" },
    ];

    it.each(cases)("$label", async ({ name, bytes, contentType }) => {
      const content = bytes();
      const r = await upload(t, msp, project, { name, bytes: content, type: "text/html" });
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: expect.any(String), sha256: sha256(content), size: content.length, contentType, originalName: name });
      const blob = path.join(t.config.filesDir, r.body.sha256.slice(0, 2), r.body.sha256);
      expect(fs.readFileSync(blob).equals(content)).toBe(true);
      expect(fs.statSync(blob).mode & 0o007).toBe(0); // not world-readable
      const row = await prisma().storedFile.findUniqueOrThrow({ where: { id: r.body.id } });
      expect(row).toMatchObject({
        federationId: DEMO_IDS.federations.nouvelleAquitaine,
        projectId: project,
        sha256: sha256(content),
        size: content.length,
        contentType,
        originalName: name,
        uploadedById: DEMO_IDS.users.msp,
      });
      expect(tmpFiles(t)).toEqual([]);
    });
  });

  it("records an audit event on the project's timeline", async () => {
    const content = pdf("audit");
    const r = await upload(t, msp, project, { name: "compte-rendu.pdf", bytes: content });
    expect(r.status).toBe(201);
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { action: "file.upload", targetId: r.body.id } });
    expect(event).toMatchObject({
      federationId: DEMO_IDS.federations.nouvelleAquitaine,
      projectId: project,
      actorId: DEMO_IDS.users.msp,
      targetType: "StoredFile",
    });
    expect(event.summary).toMatchObject({ sha256: sha256(content), size: content.length, contentType: "application/pdf", originalName: "compte-rendu.pdf" });
  });

  it("lets federation staff upload for a project of their federation, and accepts X-Requested-With", async () => {
    const r = await upload(t, charge, project, { name: "diagnostic.pdf", bytes: pdf("staff") }, { "x-requested-with": "XMLHttpRequest" });
    expect(r.status).toBe(201);
    expect((await prisma().storedFile.findUniqueOrThrow({ where: { id: r.body.id } })).uploadedById).toBe(DEMO_IDS.users.charge);
  });

  it("keeps a clean name: last path segment, no control or bidi characters, the real extension", async () => {
    const r = await upload(t, msp, project, { name: "Procès-verbal\u202E été.pdf", bytes: pdf("name") });
    expect(r.body.originalName).toBe("Procès-verbal été.pdf");
    const renamed = await upload(t, msp, project, { name: "rapport.exe", bytes: pdf("exe name") });
    expect(renamed.status).toBe(201);
    expect(renamed.body.originalName).toBe("rapport.exe.pdf");
    const long = await upload(t, msp, project, { name: `${"x".repeat(300)}.pdf`, bytes: pdf("long") });
    expect(long.body.originalName).toHaveLength(200);
  });

  describe("refuses other content, whatever its name: 415 and nothing left", () => {
    it.each([
      { label: "HTML named .pdf", name: "facture.pdf", bytes: html, type: "application/pdf" },
      { label: "an executable named .csv", name: "export.csv", bytes: exe, type: "text/csv" },
      { label: "random bytes", name: "donnees.csv", bytes: binary, type: "text/csv" },
      { label: "a macro-enabled Word file named .docx", name: "courrier.docx", bytes: () => ooxml("docx", "application/vnd.ms-word.document.macroEnabled.main+xml"), type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { label: "a plain ZIP", name: "archive.docx", bytes: () => zip([["notes.txt", "bonjour"]]), type: "application/zip" },
      { label: "a CSV in Latin-1", name: "equipe.csv", bytes: () => Buffer.from("nom;métier\nDupont;médecin\n", "latin1"), type: "text/csv" },
      { label: "text that is no table", name: "lisez-moi.csv", bytes: () => Buffer.from("Bonjour,\nvoici le document demandé.\nCordialement, l'équipe\n"), type: "text/csv" },
    ])("$label", async ({ name, bytes, type }) => {
      await expectRefused(upload(t, msp, project, { name, bytes: bytes(), type }), 415, "FILE_TYPE_NOT_ALLOWED");
    });
  });

  it("refuses an empty file and a form without a `file` part (400)", async () => {
    await expectRefused(upload(t, msp, project, { name: "vide.pdf", bytes: new Uint8Array(0) }), 400, "BAD_USER_INPUT");
    await expectRefused(upload(t, msp, project, null), 400, "BAD_USER_INPUT");
    await expectRefused(upload(t, msp, project, { name: "statuts.pdf", bytes: pdf(), field: "document" }), 400, "BAD_USER_INPUT");
    const json = await fetch(`${t.url}/files?projectId=${project}`, {
      method: "POST",
      headers: { cookie: msp.cookie ?? "", "content-type": "application/json", ...PREFLIGHT },
      body: JSON.stringify({ file: "JVBERi0=" }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as UploadAnswer["body"]).error?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a body that is not a whole multipart form with the same JSON error shape (400)", async () => {
    const post = (contentType: string, body: string) =>
      fetch(`${t.url}/files?projectId=${project}`, { method: "POST", headers: { cookie: msp.cookie ?? "", "content-type": contentType, ...PREFLIGHT }, body }).then(
        async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as UploadAnswer["body"] }),
      );
    // Fastify itself would answer an unknown body type with its own 415.
    await expectRefused(post("application/octet-stream", "%PDF-1.4"), 400, "BAD_USER_INPUT");
    await expectRefused(post("multipart/form-data", "no boundary"), 400, "BAD_USER_INPUT");
    const cut = `--XX\r\nContent-Disposition: form-data; name="file"; filename="equipe.csv"\r\nContent-Type: text/csv\r\n\r\nnom;commune\nDupont;Saint-Astier\n`;
    await expectRefused(post("multipart/form-data; boundary=XX", cut), 400, "BAD_USER_INPUT");
  });

  it("requires the preflight header: a cross-site form cannot send it (400 CSRF_PREVENTED)", async () => {
    await expectRefused(upload(t, msp, project, { name: "statuts.pdf", bytes: pdf("csrf") }, {}), 400, "CSRF_PREVENTED");
    await expectRefused(upload(t, msp, project, { name: "statuts.pdf", bytes: pdf("csrf") }, { "x-requested-with": "form" }), 400, "CSRF_PREVENTED");
  });

  it("requires a session (401)", async () => {
    await expectRefused(upload(t, null, project, { name: "statuts.pdf", bytes: pdf("anon") }), 401, "UNAUTHENTICATED");
  });

  it("refuses a researcher whatever the project (403), without saying whether it exists", async () => {
    await expectRefused(upload(t, researcher, project, { name: "statuts.pdf", bytes: pdf("r") }), 403, "FORBIDDEN");
    await expectRefused(upload(t, researcher, "00000000-0000-4000-8000-000000000000", { name: "statuts.pdf", bytes: pdf("r") }), 403, "FORBIDDEN");
  });

  it("answers 404 for a project outside the caller's scope, as for one that does not exist", async () => {
    const file = { name: "statuts.pdf", bytes: pdf("scope") };
    await expectRefused(upload(t, msp, otherProjectSameFederation, file), 404, "NOT_FOUND");
    await expectRefused(upload(t, msp, DEMO_IDS.projects.msp2, file), 404, "NOT_FOUND");
    await expectRefused(upload(t, admin2, project, file), 404, "NOT_FOUND");
    await expectRefused(upload(t, msp2, project, file), 404, "NOT_FOUND");
    await expectRefused(upload(t, charge, "00000000-0000-4000-8000-000000000000", file), 404, "NOT_FOUND");
  });

  it("answers 400 for a missing or malformed projectId", async () => {
    const file = { name: "statuts.pdf", bytes: pdf("id") };
    await expectRefused(upload(t, msp, null, file), 400, "BAD_USER_INPUT");
    await expectRefused(upload(t, msp, "not-a-uuid", file), 400, "BAD_USER_INPUT");
    await expectRefused(upload(t, msp, `${project}' OR 1=1 --`, file), 400, "BAD_USER_INPUT");
  });

  it("stores the same content once on disk, with one row per upload", async () => {
    const content = pdf("deduplicated");
    const sha = sha256(content);
    const first = await upload(t, msp, project, { name: "a.pdf", bytes: content });
    const second = await upload(t, charge, project, { name: "b.pdf", bytes: content });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.sha256).toBe(sha);
    expect(storedBlobs(t).filter((f) => f.endsWith(sha))).toEqual([path.join(sha.slice(0, 2), sha)]);
    expect(await prisma().storedFile.count({ where: { sha256: sha } })).toBe(2);
    expect(tmpFiles(t)).toEqual([]);
  });

  it("leaves no temporary file and no row when the client disconnects mid-upload", async () => {
    const rowsBefore = await rowCount();
    const blobsBefore = storedBlobs(t);
    const boundary = "----maillage-test-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const content = Buffer.concat([pdf("interrupted"), randomBytes(2 * 1024 * 1024)]);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const { port } = new URL(t.url);
    const req = http.request({
      host: "127.0.0.1",
      port: Number(port),
      method: "POST",
      path: `/files?projectId=${project}`,
      headers: {
        cookie: msp.cookie ?? "",
        ...PREFLIGHT,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(head.length + content.length + tail.length),
      },
    });
    req.on("error", () => {}); // the socket is destroyed on purpose
    req.write(head);
    req.write(content.subarray(0, 256 * 1024));
    // The server streams to a temporary file while the body arrives…
    await waitFor(() => tmpFiles(t).length === 1);
    req.destroy();
    // …and drops it when the client goes away.
    await waitFor(() => tmpFiles(t).length === 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(tmpFiles(t)).toEqual([]);
    expect(await rowCount()).toBe(rowsBefore);
    expect(storedBlobs(t)).toEqual(blobsBefore);
    // The server is still fine.
    expect((await upload(t, msp, project, { name: "apres.pdf", bytes: pdf("after") })).status).toBe(201);
  });

  describe("download", () => {
    let fileId: string;
    const content = pdf("à télécharger");
    const name = "Procès-verbal d'AG (2026).pdf";

    beforeAll(async () => {
      const r = await upload(t, msp, project, { name, bytes: content });
      expect(r.status).toBe(201);
      fileId = r.body.id;
    });

    it("gives an allowed user the exact bytes as an attachment, with nosniff and no caching", async () => {
      for (const who of [msp, charge]) {
        const r = await download(t, who, fileId);
        expect(r.status).toBe(200);
        expect(r.bytes.equals(content)).toBe(true);
        expect(r.headers.get("content-type")).toBe("application/pdf");
        expect(r.headers.get("content-length")).toBe(String(content.length));
        expect(r.headers.get("content-disposition")).toBe(
          `attachment; filename="Proces-verbal d'AG (2026).pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20d%27AG%20%282026%29.pdf`,
        );
        expect(r.headers.get("x-content-type-options")).toBe("nosniff");
        expect(r.headers.get("cache-control")).toBe("private, no-store");
      }
    });

    it("serves a CSV as UTF-8 text, still as an attachment", async () => {
      const up = await upload(t, msp, project, { name: "equipe.csv", bytes: csv() });
      const r = await download(t, msp, up.body.id);
      expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(r.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(r.bytes.equals(csv())).toBe(true);
    });

    it("answers 404 to users of another project or federation, and to researchers", async () => {
      for (const who of [admin2, msp2, researcher]) {
        const r = await download(t, who, fileId);
        expect(r.status).toBe(404);
        expect(JSON.parse(r.bytes.toString("utf8"))).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
      }
      const mspOfOtherProject = await prisma().storedFile.create({
        data: {
          federationId: DEMO_IDS.federations.nouvelleAquitaine,
          projectId: otherProjectSameFederation,
          sha256: sha256(content),
          size: content.length,
          contentType: "application/pdf",
          originalName: "autre.pdf",
          uploadedById: DEMO_IDS.users.charge,
        },
      });
      expect((await download(t, msp, mspOfOtherProject.id)).status).toBe(404);
      expect((await download(t, charge, mspOfOtherProject.id)).status).toBe(200);
    });

    it("answers 401 without a session, 404 for an unknown or malformed id", async () => {
      const anonymous = await download(t, null, fileId);
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.bytes.toString("utf8")).error.code).toBe("UNAUTHENTICATED");
      for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "..%2F..%2Fetc%2Fpasswd"]) {
        expect((await download(t, msp, id)).status).toBe(404);
      }
    });
  });

  describe("FilesService.findAttachable", () => {
    it("returns the files of the project, and refuses any other id with FILE.NOT_ATTACHABLE", async () => {
      const { FilesService } = await import("../../src/modules/files/files.service.js");
      const service = t.running.app.get(FilesService);
      const actor = { userId: DEMO_IDS.users.msp, role: "MSP_MEMBER" as const, federationId: DEMO_IDS.federations.nouvelleAquitaine, mspProjectId: project };
      const a = await upload(t, msp, project, { name: "a.pdf", bytes: pdf("attach a") });
      const b = await upload(t, msp, project, { name: "b.png", bytes: png() });
      expect(await service.findAttachable(actor, project, [b.body.id, a.body.id, b.body.id])).toEqual([
        { id: b.body.id, originalName: "b.png" },
        { id: a.body.id, originalName: "a.pdf" },
      ]);
      expect(await service.findAttachable(actor, project, [])).toEqual([]);
      const elsewhere = await prisma().storedFile.create({
        data: { ...(await prisma().storedFile.findUniqueOrThrow({ where: { id: a.body.id }, omit: { id: true, createdAt: true } })), projectId: otherProjectSameFederation },
      });
      for (const ids of [[a.body.id, "00000000-0000-4000-8000-000000000000"], ["nope"], [elsewhere.id]]) {
        await expect(service.findAttachable(actor, project, ids)).rejects.toMatchObject({
          extensions: { code: "BAD_USER_INPUT", field: "fileIds", reason: "FILE.NOT_ATTACHABLE" },
        });
      }
      // The same files, asked for under another project, or by someone outside the scope.
      await expect(service.findAttachable(actor, otherProjectSameFederation, [a.body.id])).rejects.toMatchObject({ extensions: { reason: "FILE.NOT_ATTACHABLE" } });
      const outsider = { userId: DEMO_IDS.users.admin2, role: "FEDERATION_ADMIN" as const, federationId: DEMO_IDS.federations.bretagne, mspProjectId: null };
      await expect(service.findAttachable(outsider, project, [a.body.id])).rejects.toMatchObject({ extensions: { reason: "FILE.NOT_ATTACHABLE" } });
    });
  });
});

describe("upload size limit", () => {
  let t: TestApp;
  let msp: GqlClient;
  const project = DEMO_IDS.projects.msp;

  beforeAll(async () => {
    t = await startTestApp({ maxUploadBytes: 1024 });
    msp = await t.as("msp@demo.maillage.fr");
  });
  afterAll(() => t.close());

  const rows = () => t.running.database.prisma.storedFile.count();

  it("accepts a file of exactly the limit", async () => {
    const base = Buffer.from("a;b\n");
    const content = Buffer.concat(Array.from({ length: 256 }, () => base)); // 1024 bytes
    const r = await upload(t, msp, project, { name: "limite.csv", bytes: content });
    expect(r.status).toBe(201);
    expect(r.body.size).toBe(1024);
  });

  it.each([
    { label: "cut while streaming", size: 4 * 1024 },
    { label: "announced too large by Content-Length", size: 200 * 1024 },
  ])("answers 413 FILE_TOO_LARGE for a file over the limit ($label), leaving nothing", async ({ size }) => {
    const before = await rows();
    const blobs = storedBlobs(t);
    const content = Buffer.concat([pdf("big"), Buffer.alloc(size, 0x20)]);
    const r = await upload(t, msp, project, { name: "gros.pdf", bytes: content });
    expect(r.status).toBe(413);
    expect(r.body.error).toEqual({ code: "FILE_TOO_LARGE", message: expect.stringContaining("1 Ko") });
    expect(await rows()).toBe(before);
    expect(storedBlobs(t)).toEqual(blobs);
    expect(tmpFiles(t)).toEqual([]);
  });
});
