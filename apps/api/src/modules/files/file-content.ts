/**
 * What an uploaded file IS, judged from its bytes — never from its name or the Content-Type the client sent
 * (ARCHITECTURE.md "Security model"; ANCHORS.md §3.5, OWASP File Upload Cheat Sheet).
 *
 * Binary formats are recognised by `file-type` (magic numbers; for ZIP-based office files, the
 * `mimetype` / `[Content_Types].xml` entries, read with its own decompression limits). CSV has no magic
 * number: it is accepted only when nothing was recognised AND the whole file is UTF-8 text without
 * control characters AND its first records look like a delimited table.
 */

/** The allow-list: detected MIME type → the Content-Type we store and serve. */
export const ALLOWED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "text/csv",
]);

export const CSV_CONTENT_TYPE = "text/csv";

/** C0 controls but tab, LF and CR; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const DELIMITERS = [";", ",", "\t"] as const;
/** How much decoded text is kept to judge the table's shape. */
const SAMPLE_CHARS = 64 * 1024;
/** How many records the separator count must agree on. */
const SAMPLE_RECORDS = 50;

/**
 * Fed chunk by chunk while the upload streams to disk (nothing is re-read): checks that the bytes are
 * valid UTF-8 without forbidden control characters, and keeps the beginning of the text.
 */
export class TextSniffer {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private valid = true;
  private finished = false;
  private sample = "";
  private sampleIsWhole = true;

  push(chunk: Uint8Array): void {
    if (!this.valid || this.finished) return;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      this.valid = false;
      return;
    }
    this.accept(text);
  }

  /** Whether the whole input was UTF-8 text that looks like a delimited table. */
  looksLikeCsv(): boolean {
    if (!this.finished) {
      this.finished = true;
      if (this.valid) {
        try {
          this.accept(this.decoder.decode());
        } catch {
          this.valid = false;
        }
      }
    }
    return this.valid && looksLikeDelimitedTable(this.sample, this.sampleIsWhole);
  }

  private accept(text: string): void {
    if (FORBIDDEN_CONTROL.test(text)) {
      this.valid = false;
      return;
    }
    const room = SAMPLE_CHARS - this.sample.length;
    if (text.length > room) this.sampleIsWhole = false;
    if (room > 0) this.sample += text.slice(0, room);
  }
}

/**
 * Whether `text` (the beginning of a file, or all of it when `isWhole`) looks like a CSV table: at least one
 * record, and one of `;`, `,` or tab appearing the same number of times (≥ 1) in each of the first records.
 * Separators inside double-quoted fields do not count, and a quoted field may span lines. Markup (text
 * starting with `<`) is never a table.
 */
export function looksLikeDelimitedTable(text: string, isWhole: boolean): boolean {
  if (text.trimStart().startsWith("<")) return false;
  const records = splitRecords(text);
  // The last record of a sample may be cut in the middle.
  if (!isWhole) records.pop();
  const first = records.filter((r) => r.trim() !== "").slice(0, SAMPLE_RECORDS);
  if (first.length === 0) return false;
  return DELIMITERS.some((d) => {
    const counts = first.map((r) => countOutsideQuotes(r, d));
    const expected = counts[0] ?? 0;
    return expected >= 1 && counts.every((c) => c === expected);
  });
}

/** Records separated by CR, LF or CRLF outside double quotes (RFC 4180). */
function splitRecords(text: string): string[] {
  const records: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      records.push(text.slice(start, i));
      if (c === "\r" && text[i + 1] === "\n") i++;
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of record) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === delimiter) n++;
  }
  return n;
}
