import { describe, expect, it } from "vitest";

import { asciiFileName, attachmentDisposition, sanitizeFileName } from "./file-name.js";

describe("sanitizeFileName", () => {
  it("keeps only the last path segment, whatever the separator", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\moi\\Bureau\\statuts.pdf")).toBe("statuts.pdf");
  });

  it("removes control and invisible formatting characters (right-to-left override)", () => {
    expect(sanitizeFileName("fact\u0000ure\r\n.pdf")).toBe("facture.pdf");
    expect(sanitizeFileName("rapport\u202Efdp.exe")).toBe("rapportfdp.exe");
  });

  it("falls back to a neutral name", () => {
    for (const raw of [undefined, null, "", "   ", ".", "..", "dossier/"]) expect(sanitizeFileName(raw)).toBe("fichier");
  });

  it("normalizes to NFC", () => {
    expect(sanitizeFileName("e\u0301te\u0301.pdf")).toBe("été.pdf");
  });

  it("cuts long names to 200 characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"é".repeat(300)}.docx`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith(".docx")).toBe(true);
    expect(Array.from(sanitizeFileName("😀".repeat(250)))).toHaveLength(200);
  });

  it("adds the extension of the detected type when the name's does not match", () => {
    const pdf = "application/pdf";
    expect(sanitizeFileName("statuts.PDF", pdf)).toBe("statuts.PDF");
    expect(sanitizeFileName("rapport.exe", pdf)).toBe("rapport.exe.pdf");
    expect(sanitizeFileName("scan.JPG", "image/jpeg")).toBe("scan.JPG");
    expect(sanitizeFileName("export.txt", "text/csv")).toBe("export.txt.csv");
    expect(sanitizeFileName("", pdf)).toBe("fichier.pdf");
    const long = sanitizeFileName(`${"a".repeat(199)}.exe`, pdf);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("Procès-verbal d'AG (2026).pdf")).toBe(
      `attachment; filename="Proces-verbal d'AG (2026).pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20d%27AG%20%282026%29.pdf`,
    );
  });

  it("keeps quotes, backslashes and non-Latin characters out of the fallback", () => {
    expect(asciiFileName('a"b\\c;d%e.pdf')).toBe("a_b_c_d_e.pdf");
    expect(asciiFileName("日本.pdf")).toBe("__.pdf");
    expect(asciiFileName("😀")).toBe("__");
  });
});
