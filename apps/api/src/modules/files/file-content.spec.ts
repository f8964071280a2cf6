import { describe, expect, it } from "vitest";

import { looksLikeDelimitedTable, TextSniffer } from "./file-content.js";

const sniff = (...chunks: (string | Uint8Array)[]): boolean => {
  const s = new TextSniffer();
  for (const c of chunks) s.push(typeof c === "string" ? new TextEncoder().encode(c) : c);
  return s.looksLikeCsv();
};

describe("looksLikeDelimitedTable", () => {
  it.each([
    ["semicolons (French Excel)", "nom;profession;commune\nDupont;médecin;Saint-Astier\nMartin;infirmière;Périgueux\n"],
    ["commas, CRLF", "a,b,c\r\n1,2,3\r\n4,5,6"],
    ["tabs", "a\tb\n1\t2\n"],
    ["a single line", "code;libellé"],
    ["quoted separators and a quoted line break", 'nom;adresse\n"Dupont";"1, rue des Lilas;\nbât. B"\nMartin;"2 rue ""Haute"""\n'],
    ["blank lines", "a;b\n\n1;2\n\n"],
  ])("accepts %s", (_label, text) => {
    expect(looksLikeDelimitedTable(text, true)).toBe(true);
  });

  it.each([
    ["an empty text", ""],
    ["blank lines only", "\n \n"],
    ["prose without separators", "Bonjour\nà tous\n"],
    ["an inconsistent separator count", "a;b;c\n1;2\n"],
    ["markup", "<html>\n<body>a,b</body>\n</html>"],
    ["markup after spaces", "  <svg onload=alert(1)>a;b</svg>"],
  ])("refuses %s", (_label, text) => {
    expect(looksLikeDelimitedTable(text, true)).toBe(false);
  });

  it("ignores the last, possibly cut, record of a sample", () => {
    expect(looksLikeDelimitedTable("a;b\n1;2\n3;4;5", false)).toBe(true);
    expect(looksLikeDelimitedTable("a;b\n1;2\n3;4;5", true)).toBe(false);
  });
});

describe("TextSniffer", () => {
  it("accepts UTF-8 split in the middle of a character across chunks, and a BOM", () => {
    const bytes = new TextEncoder().encode("\uFEFFnom;métier\nÉlise;sage-femme\n");
    const cut = bytes.indexOf(0xc3) + 1; // inside "é"
    expect(sniff(bytes.slice(0, cut), bytes.slice(cut))).toBe(true);
  });

  it("refuses bytes that are not UTF-8 (a Latin-1 export)", () => {
    expect(sniff(Uint8Array.from([0x6e, 0x6f, 0x6d, 0x3b, 0x6d, 0xe9, 0x74, 0x69, 0x65, 0x72, 0x0a]))).toBe(false);
  });

  it("refuses a truncated UTF-8 sequence at the very end", () => {
    expect(sniff(Uint8Array.from([0x61, 0x3b, 0x62, 0xc3]))).toBe(false);
  });

  it.each([
    ["NUL", "a;b\u0000\n1;2\n"],
    ["ESC", "a;b\n\u001b[31m1;2\n"],
    ["DEL", "a;b\u007f\n1;2\n"],
    ["a C1 control", "a;b\u0085\n1;2\n"],
  ])("refuses %s", (_label, text) => {
    expect(sniff(text)).toBe(false);
  });

  it("judges the table on the first 64 KiB but the encoding on the whole input", () => {
    const rows = "x;y\n".repeat(20_000); // 80 KB
    expect(sniff(rows)).toBe(true);
    expect(sniff(rows, Uint8Array.from([0xff]))).toBe(false);
  });
});
