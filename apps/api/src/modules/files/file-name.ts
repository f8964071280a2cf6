/**
 * File names given by clients are data to display, never paths: the stored file is named by its sha256.
 */

const MAX_NAME_CHARS = 200;
const MAX_EXTENSION_CHARS = 16;
const FALLBACK_NAME = "fichier";

/** The extensions a name may end with for each allowed Content-Type; the first is added when none fits. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "text/csv": ["csv"],
};

/**
 * The name to keep for an upload: the last path segment (either separator), NFC, without control or
 * invisible formatting characters (e.g. U+202E, which can disguise `exe.pdf`), trimmed, at most 200
 * characters (the extension is kept when the stem is cut). With the detected `contentType`, a name whose
 * extension does not match the content gets the right one appended (`rapport.exe` holding a PDF →
 * `rapport.exe.pdf`), so a downloaded file always opens as what it is.
 */
export function sanitizeFileName(raw: string | null | undefined, contentType?: string): string {
  let name = (raw ?? "").normalize("NFC");
  name = name.split(/[\\/]/).pop() ?? "";
  name = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "").trim();
  if (name === "" || name === "." || name === "..") name = FALLBACK_NAME;
  const allowed = contentType ? EXTENSIONS[contentType] : undefined;
  if (allowed?.[0] && !allowed.includes(extensionOf(name))) name = `${name}.${allowed[0]}`;
  return truncateKeepingExtension(name);
}

/** Lower-case extension without the dot ("" when none). */
const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
};

function truncateKeepingExtension(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_CHARS) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 1 && extension.length <= MAX_EXTENSION_CHARS) {
    return chars.slice(0, MAX_NAME_CHARS - extension.length).join("").trimEnd() + extension.join("");
  }
  return chars.slice(0, MAX_NAME_CHARS).join("").trimEnd();
}

/** RFC 5987 value: percent-encoded UTF-8, with the characters encodeURIComponent leaves but 5987 forbids. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An ASCII-only stand-in for clients that ignore `filename*`: accents dropped, anything else risky replaced. */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_")
    .trim();
  return ascii === "" ? FALLBACK_NAME : ascii;
}

/** `attachment` with an ASCII fallback `filename` and the exact name in `filename*` (RFC 6266). */
export function attachmentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
