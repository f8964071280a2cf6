/**
 * Keyset pagination helpers: opaque cursors and page-size clamping.
 *
 * A cursor is the sort-key values of the last row of a page (e.g. `[name, id]`), serialised as
 * JSON and encoded base64url without padding. Cursors come back from clients, so decoding never
 * throws: anything that is not a cursor this module produced decodes to `null`.
 */

export type CursorValue = string | number;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Longest cursor accepted from a client; real cursors are a few hundred characters at most. */
export const MAX_CURSOR_LENGTH = 4096;

const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Encodes sort-key values into an opaque, URL-safe cursor.
 * @throws RangeError on a non-finite number (NaN, ±Infinity) — JSON cannot carry it, so it is a bug.
 */
export function encodeCursor(values: readonly CursorValue[]): string {
  for (const value of values) {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new RangeError(`encodeCursor cannot encode the non-finite number ${value}`);
    }
  }
  return base64UrlEncode(toAsciiJson(values));
}

/** Decodes a cursor made by {@link encodeCursor}; `null` for anything else. Never throws. */
export function decodeCursor(s: string): CursorValue[] | null {
  if (typeof s !== "string" || s.length > MAX_CURSOR_LENGTH) return null;
  const json = base64UrlDecode(s);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const values: unknown[] = parsed;
  return values.every(isCursorValue) ? values : null;
}

const isCursorValue = (value: unknown): value is CursorValue =>
  typeof value === "string" || (typeof value === "number" && Number.isFinite(value));

/**
 * The page size to use: `options.default` when absent or not a number, otherwise truncated to an
 * integer and clamped to `[1, options.max]`.
 */
export function clampPageSize(
  n: number | undefined,
  options: { readonly default: number; readonly max: number } = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE },
): number {
  if (n === undefined || Number.isNaN(n)) return options.default;
  return Math.min(options.max, Math.max(1, Math.trunc(n)));
}

/**
 * JSON with every non-ASCII character written as a `\uXXXX` escape, so the text is its own byte
 * sequence (no UTF-8 codec needed without TextEncoder). Non-ASCII only ever occurs inside string
 * literals of JSON, where the escape is valid.
 */
function toAsciiJson(values: readonly CursorValue[]): string {
  return JSON.stringify(values).replace(
    /[\u0080-\uFFFF]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** base64url (RFC 4648 §5) without padding, of an ASCII string. */
function base64UrlEncode(ascii: string): string {
  let out = "";
  for (let i = 0; i < ascii.length; i += 3) {
    const b0 = ascii.charCodeAt(i);
    const b1 = i + 1 < ascii.length ? ascii.charCodeAt(i + 1) : 0;
    const b2 = i + 2 < ascii.length ? ascii.charCodeAt(i + 2) : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((ascii.length - i) * 8) / 6));
    for (let k = 0; k < chars; k += 1) out += BASE64URL_ALPHABET.charAt((triple >> (18 - 6 * k)) & 63);
  }
  return out;
}

/**
 * Strict inverse of {@link base64UrlEncode}: `null` on a foreign character, an impossible length,
 * non-zero padding bits (so every cursor has exactly one spelling) or a non-ASCII byte.
 */
function base64UrlDecode(s: string): string | null {
  if (s.length % 4 === 1) return null;
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i += 1) {
    const sextet = BASE64URL_ALPHABET.indexOf(s.charAt(i));
    if (sextet < 0) return null;
    buffer = ((buffer << 6) | sextet) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      if (byte > 0x7f) return null;
      out += String.fromCharCode(byte);
    }
  }
  const leftover = buffer & ((1 << bits) - 1);
  return leftover === 0 ? out : null;
}
