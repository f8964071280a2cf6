import { inflateRawSync } from "node:zlib";

import { isDangerousSpreadsheetCell, neutralizeSpreadsheetCell } from "@maillage/domain";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";

/**
 * Reading and writing the spreadsheets federations exchange (CSV and XLSX), safely — see docs/adr/0006.
 *
 * - Reading untrusted files: the format is detected from the content (an XLSX workbook is a ZIP archive, "PK\x03\x04"),
 *   never from the name alone; the file, its rows and columns are bounded ({@link SPREADSHEET_LIMITS}); an XLSX archive
 *   is unpacked here with a hard cap on the decompressed bytes (zip bombs) before ExcelJS sees it.
 * - Writing: every text cell goes through `neutralizeSpreadsheetCell` (OWASP CSV injection); numbers stay numbers.
 */

/** A sheet as cell texts: `headers` is the first row; `rows` the following ones (trimmed, rectangular, empty trailing rows dropped). */
export type SheetTable = { headers: string[]; rows: string[][] };

/** Why a file was refused; the HTTP layer maps it to 413 (TOO_LARGE), 415 (UNSUPPORTED) or 400 (INVALID). */
export type SpreadsheetErrorReason = "TOO_LARGE" | "UNSUPPORTED" | "INVALID";

/** A file that cannot be read as a spreadsheet; the message is French and can be shown to the user as is. */
export class SpreadsheetError extends Error {
  override readonly name = "SpreadsheetError";
  constructor(
    message: string,
    readonly reason: SpreadsheetErrorReason = "INVALID",
  ) {
    super(message);
  }
}

export const SPREADSHEET_LIMITS = {
  /** Largest accepted file. */
  maxBytes: 5 * 1024 * 1024,
  /** Data rows, header excluded. */
  maxRows: 20_000,
  maxColumns: 200,
  /** Characters in one cell. */
  maxCellLength: 10_000,
  /** XLSX: bytes after decompression, all entries together (a 5 MB workbook rarely exceeds 40 MB of XML). */
  maxUnzippedBytes: 64 * 1024 * 1024,
  /** XLSX: entries in the archive. */
  maxZipEntries: 2_000,
} as const;

const UNREADABLE = "Le fichier n'est ni un CSV ni un classeur XLSX lisible.";
const fmtInt = (n: number): string => new Intl.NumberFormat("fr-FR").format(n);

/** Reads a CSV (UTF-8 with or without BOM, else Windows-1252; `;`, `,` or tab detected; quoted fields) or the first sheet of an XLSX workbook. */
export async function readSpreadsheet(content: Buffer, fileName: string): Promise<SheetTable> {
  if (content.length > SPREADSHEET_LIMITS.maxBytes) {
    throw new SpreadsheetError(
      `Le fichier dépasse la taille maximale de ${fmtInt(SPREADSHEET_LIMITS.maxBytes / 1024 / 1024)} Mo.`,
      "TOO_LARGE",
    );
  }
  if (isZip(content)) return readXlsx(content);
  if (isOleCompound(content)) {
    throw new SpreadsheetError(
      "Les classeurs Excel 97-2003 (.xls) ne sont pas pris en charge : enregistrez le fichier au format .xlsx ou CSV.",
      "UNSUPPORTED",
    );
  }
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(fileName) || looksBinary(content)) {
    throw new SpreadsheetError(UNREADABLE, "UNSUPPORTED");
  }
  return readCsv(content);
}

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function isOleCompound(b: Buffer): boolean {
  return b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/** NUL bytes or many control characters in the first KiB: not a text file. */
function looksBinary(b: Buffer): boolean {
  const head = b.subarray(0, 1024);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > head.length / 10;
}

// ---------------------------------------------------------------------------------------------------------------------
// CSV

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    // Excel's « CSV (séparateur : point-virgule) » is saved in Windows-1252 on French Windows.
    return new TextDecoder("windows-1252").decode(content);
  }
}

/** The separator used on the first record (outside quotes): the most frequent of `;`, `,` and tab; `;` on a tie or none. */
export function detectCsvDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text.charAt(i);
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ";";
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

function readCsv(content: Buffer): SheetTable {
  const text = decodeText(content);
  const delimiter = detectCsvDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // Header + the maximum + one more, to detect an oversized file without reading it all.
      to: SPREADSHEET_LIMITS.maxRows + 2,
      max_record_size: SPREADSHEET_LIMITS.maxCellLength * SPREADSHEET_LIMITS.maxColumns,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    throw new SpreadsheetError(
      typeof line === "number"
        ? `CSV illisible vers la ligne ${line} : vérifiez les guillemets et le séparateur.`
        : "CSV illisible : vérifiez les guillemets et le séparateur.",
      "INVALID",
    );
  }
  return toTable(records.map((r) => r.map((cell) => cleanCell(cell))));
}

// ---------------------------------------------------------------------------------------------------------------------
// XLSX

/**
 * Unpacks a ZIP archive from its central directory, inflating each entry with Node's zlib under a hard cap on the
 * output (the remaining budget of {@link SPREADSHEET_LIMITS.maxUnzippedBytes}), so a zip bomb fails fast instead of
 * filling the memory; declared sizes are not trusted. Encrypted entries, ZIP64 and methods other than stored/deflate
 * are refused (Excel, LibreOffice and ExcelJS do not produce them for files of this size).
 */
export function safeUnzip(zip: Buffer): Map<string, Uint8Array> {
  const fail = (): never => {
    throw new SpreadsheetError(UNREADABLE, "INVALID");
  };
  // End of central directory: 22 bytes + a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail();
  const entryCount = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (entryCount > SPREADSHEET_LIMITS.maxZipEntries) fail();
  const files = new Map<string, Uint8Array>();
  let budget: number = SPREADSHEET_LIMITS.maxUnzippedBytes;
  let p = cdOffset;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) fail();
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1 || compressedSize === 0xffffffff || localOffset === 0xffffffff) fail();
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) fail();
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) fail();
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    let out: Uint8Array;
    if (method === 0) {
      out = data;
    } else if (method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBigUnzipped();
        return fail();
      }
    } else {
      return fail();
    }
    budget -= out.length;
    if (budget < 0) throw tooBigUnzipped();
    if (!name.endsWith("/")) files.set(name, out);
  }
  return files;
}

function tooBigUnzipped(): SpreadsheetError {
  return new SpreadsheetError(
    `Le classeur décompressé dépasse ${fmtInt(SPREADSHEET_LIMITS.maxUnzippedBytes / 1024 / 1024)} Mo : réduisez-le ou exportez-le en CSV.`,
    "TOO_LARGE",
  );
}

async function readXlsx(content: Buffer): Promise<SheetTable> {
  const files = safeUnzip(content);
  if (!files.has("[Content_Types].xml") || !files.has("xl/workbook.xml")) {
    throw new SpreadsheetError(UNREADABLE, "UNSUPPORTED");
  }
  // Re-packed without compression: ExcelJS then only ever handles bytes we have already bounded.
  const stored = Buffer.from(zipSync(Object.fromEntries(files), { level: 0 }));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(stored as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetError(UNREADABLE, "INVALID");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const byRow: string[][] = [];
  const tooManyRows = (): SpreadsheetError =>
    new SpreadsheetError(
      `Le fichier dépasse ${fmtInt(SPREADSHEET_LIMITS.maxRows)} lignes : découpez-le en plusieurs fichiers.`,
      "TOO_LARGE",
    );
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // the merged range's value is on its first cell only
      const text = cleanCell(percentText(cell.value, cell.numFmt) ?? cellText(cell.value));
      if (text === "") return;
      if (colNumber > SPREADSHEET_LIMITS.maxColumns) throw tooManyColumns();
      cells[colNumber - 1] = text;
    });
    if (cells.length === 0) return;
    if (rowNumber > SPREADSHEET_LIMITS.maxRows + 1) throw tooManyRows();
    byRow[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return toTable(Array.from(byRow, (r) => r ?? []));
}

type CellValue = ExcelJS.CellValue | undefined;

/** A cell's value as text: numbers with a `.` decimal (15 significant digits, as Excel stores them), dates as ISO. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as CellValue);
  if ("formula" in value || "sharedFormula" in value) {
    // Never evaluated: the result Excel cached when it saved the file, if any.
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === "object" && !(result instanceof Date) && "error" in result) {
      return String((result as { error: unknown }).error);
    }
    return cellText(result as CellValue);
  }
  return "";
}

/**
 * A number shown as a percentage in Excel (number format with `%`) reads as the user sees it, `85 %` for 0.85, so a
 * column in % means the same whether it was typed in a CSV or formatted in a workbook.
 */
function percentText(value: CellValue, numFmt: string | undefined): string | null {
  if (!numFmt || !/%/.test(numFmt.replace(/"[^"]*"/g, ""))) return null;
  const n = typeof value === "number" ? value : value && typeof value === "object" && "result" in value && typeof value.result === "number" ? value.result : null;
  return n === null ? null : `${numberText(n * 100)} %`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(15)));
}

/** `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM[:SS]` when the cell also holds a time (ExcelJS gives dates as UTC instants). */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === "00:00:00") return day;
  return `${day} ${time.endsWith(":00") ? time.slice(0, 5) : time}`;
}

function tooManyColumns(): SpreadsheetError {
  return new SpreadsheetError(
    `Le fichier dépasse ${fmtInt(SPREADSHEET_LIMITS.maxColumns)} colonnes.`,
    "TOO_LARGE",
  );
}

// ---------------------------------------------------------------------------------------------------------------------
// Shared

/**
 * Trims a cell, bounds its length and undoes our own formula neutralisation (`'=…` written by {@link toCsv} reads
 * back as `=…`, so a template or export can be filled in and re-imported unchanged). Stored texts are neutralised
 * again whenever they are written to a spreadsheet.
 */
function cleanCell(raw: string): string {
  let text = raw.trim();
  if (text.length > SPREADSHEET_LIMITS.maxCellLength) {
    throw new SpreadsheetError(
      `Une cellule dépasse ${fmtInt(SPREADSHEET_LIMITS.maxCellLength)} caractères.`,
      "INVALID",
    );
  }
  if (text.startsWith("'") && isDangerousSpreadsheetCell(text.slice(1))) text = text.slice(1).trim();
  return text;
}

/** First row → headers; the rest padded to one width; empty trailing rows and columns dropped; limits checked. */
function toTable(records: string[][]): SheetTable {
  const isEmpty = (r: string[]): boolean => r.every((c) => c === "");
  let last = records.length - 1;
  while (last >= 0 && isEmpty(records[last] ?? [])) last--;
  const kept = records.slice(0, last + 1);
  if (kept.length === 0) return { headers: [], rows: [] };
  if (kept.length - 1 > SPREADSHEET_LIMITS.maxRows) {
    throw new SpreadsheetError(
      `Le fichier dépasse ${fmtInt(SPREADSHEET_LIMITS.maxRows)} lignes : découpez-le en plusieurs fichiers.`,
      "TOO_LARGE",
    );
  }
  let width = 0;
  for (const r of kept) {
    for (let i = r.length - 1; i >= 0; i--) {
      if (r[i] !== "") {
        width = Math.max(width, i + 1);
        break;
      }
    }
  }
  if (width > SPREADSHEET_LIMITS.maxColumns) throw tooManyColumns();
  const pad = (r: string[]): string[] => Array.from({ length: width }, (_, i) => r[i] ?? "");
  const [header = [], ...rows] = kept;
  return { headers: pad(header), rows: rows.map(pad) };
}

type OutCell = string | number | null;

/** A number in a French spreadsheet: decimal comma, no thousands separator (Excel fr-FR reads it back as a number). */
function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  return numberText(n).replace(".", ",");
}

/** A CSV Excel (fr-FR) opens correctly: UTF-8 with BOM, `;` separator, CRLF, decimal commas, text cells neutralised. */
export function toCsv(headers: string[], rows: OutCell[][]): Buffer {
  const out = (c: OutCell): string => (c === null ? "" : typeof c === "number" ? frenchNumber(c) : neutralizeSpreadsheetCell(c));
  const text = stringifyCsv([headers.map(out), ...rows.map((r) => r.map(out))], {
    delimiter: ";",
    record_delimiter: "\r\n",
    bom: true,
    // A bare LF or CR inside a cell must be quoted too, or readers split the record.
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, "utf8");
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
function sheetNameFor(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).trim();
  return cleaned === "" ? "Feuille1" : cleaned;
}

/** An XLSX workbook of one sheet: numbers as numeric cells, text cells neutralised, header row bold and frozen. */
export async function toXlsx(sheetName: string, headers: string[], rows: OutCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maillage";
  const sheet = workbook.addWorksheet(sheetNameFor(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  const cell = (c: OutCell): string | number | null =>
    c === null ? null : typeof c === "number" ? (Number.isFinite(c) ? c : null) : neutralizeSpreadsheetCell(c);
  sheet.addRow(headers.map(cell)).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map(cell));
  (sheet.columns ?? []).forEach((column, i) => {
    const longest = Math.max(
      (headers[i] ?? "").length,
      ...rows.slice(0, 500).map((r) => String(r[i] ?? "").length),
    );
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** Content types of the exports. */
export const SPREADSHEET_CONTENT_TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;
