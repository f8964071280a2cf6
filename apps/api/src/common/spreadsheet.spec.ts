import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import {
  detectCsvDelimiter,
  readSpreadsheet,
  SPREADSHEET_LIMITS,
  SpreadsheetError,
  toCsv,
  toXlsx,
} from "./spreadsheet.js";

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");
const BOM = "\uFEFF";

async function workbookBuffer(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb;
}

async function rejection(promise: Promise<unknown>): Promise<SpreadsheetError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof SpreadsheetError) return e;
    throw e;
  }
  throw new Error("expected a SpreadsheetError");
}

describe("readSpreadsheet — CSV", () => {
  it("reads a French Excel CSV: BOM, ';', CRLF, quoted fields with separators, quotes and line breaks, trimmed cells", async () => {
    const csv = `${BOM}Identifiant MSP;Nom de la MSP;Montant\r\n p1 ;"MSP ""Les Tilleuls""; Périgueux";12,5\r\np2;"Ligne 1\r\nLigne 2";\r\n\r\n;;\r\n`;
    const table = await readSpreadsheet(utf8(csv), "import.csv");
    expect(table).toEqual({
      headers: ["Identifiant MSP", "Nom de la MSP", "Montant"],
      rows: [
        ["p1", 'MSP "Les Tilleuls"; Périgueux', "12,5"],
        ["p2", "Ligne 1\r\nLigne 2", ""],
      ],
    });
  });

  it("detects ',' and tab separators, and keeps ';' when nothing else is found", async () => {
    expect(await readSpreadsheet(utf8('a,b,c\n1,"2,5",3\n'), "x.csv")).toEqual({ headers: ["a", "b", "c"], rows: [["1", "2,5", "3"]] });
    expect(await readSpreadsheet(utf8("a\tb\n1\t2\n"), "x.txt")).toEqual({ headers: ["a", "b"], rows: [["1", "2"]] });
    expect(detectCsvDelimiter("Année;Nom, prénom;x\n")).toBe(";");
    expect(detectCsvDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectCsvDelimiter("seule colonne\n")).toBe(";");
  });

  it("reads Windows-1252 files (Excel « CSV (séparateur : point-virgule) » on French Windows)", async () => {
    const latin1 = Buffer.from([0x41, 0x6e, 0x6e, 0xe9, 0x65, 0x3b, 0x4e, 0x6f, 0x6d, 0x0d, 0x0a, 0x32, 0x30, 0x32, 0x34, 0x3b, 0x53, 0xe8, 0x76, 0x72, 0x65]);
    expect(await readSpreadsheet(latin1, "export.csv")).toEqual({ headers: ["Année", "Nom"], rows: [["2024", "Sèvre"]] });
  });

  it("pads short rows to the widest row and drops empty trailing columns", async () => {
    const table = await readSpreadsheet(utf8("a;b;;\n1\n1;2;3;\n"), "x.csv");
    expect(table).toEqual({ headers: ["a", "b", ""], rows: [["1", "", ""], ["1", "2", "3"]] });
  });

  it("gives an empty table for an empty file or blank lines", async () => {
    expect(await readSpreadsheet(Buffer.alloc(0), "vide.csv")).toEqual({ headers: [], rows: [] });
    expect(await readSpreadsheet(utf8(`${BOM}\r\n;;\r\n`), "vide.csv")).toEqual({ headers: [], rows: [] });
  });

  it("refuses a malformed quoted field with a French message", async () => {
    const e = await rejection(readSpreadsheet(utf8('a;b\n1;"non fermé\n2;3\n'), "x.csv"));
    expect(e.reason).toBe("INVALID");
    expect(e.message).toMatch(/CSV illisible/);
  });
});

describe("readSpreadsheet — format detection and limits", () => {
  it("detects XLSX by its content whatever the name, and refuses a non-ZIP file named .xlsx", async () => {
    const xlsx = await toXlsx("Données", ["a"], [["x"]]);
    expect(await readSpreadsheet(xlsx, "renommé.csv")).toEqual({ headers: ["a"], rows: [["x"]] });
    const e = await rejection(readSpreadsheet(utf8("a;b\n1;2\n"), "faux.xlsx"));
    expect(e.reason).toBe("UNSUPPORTED");
    expect(e.message).toBe("Le fichier n'est ni un CSV ni un classeur XLSX lisible.");
  });

  it("refuses legacy .xls workbooks, binaries and broken archives", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await rejection(readSpreadsheet(xls, "vieux.xls"))).message).toMatch(/97-2003/);
    expect((await rejection(readSpreadsheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "image.csv"))).reason).toBe("UNSUPPORTED");
    expect((await rejection(readSpreadsheet(Buffer.from("PK\x03\x04 pas vraiment un zip", "latin1"), "x.xlsx"))).reason).toBe("INVALID");
    const notAWorkbook = Buffer.from(zipSync({ "readme.txt": utf8("bonjour") }));
    expect((await rejection(readSpreadsheet(notAWorkbook, "x.xlsx"))).reason).toBe("UNSUPPORTED");
  });

  it("refuses a file over the size limit (413)", async () => {
    const e = await rejection(readSpreadsheet(Buffer.alloc(SPREADSHEET_LIMITS.maxBytes + 1, 0x41), "gros.csv"));
    expect(e.reason).toBe("TOO_LARGE");
    expect(e.message).toBe("Le fichier dépasse la taille maximale de 5 Mo.");
  });

  it("refuses too many rows or columns, in CSV and XLSX", async () => {
    const manyRows = `a;b\n${"1;2\n".repeat(SPREADSHEET_LIMITS.maxRows + 1)}`;
    expect((await rejection(readSpreadsheet(utf8(manyRows), "x.csv"))).message).toBe(
      "Le fichier dépasse 20\u202f000 lignes : découpez-le en plusieurs fichiers.",
    );
    expect(await readSpreadsheet(utf8(`a;b\n${"1;2\n".repeat(SPREADSHEET_LIMITS.maxRows)}`), "x.csv")).toHaveProperty(
      "rows.length",
      SPREADSHEET_LIMITS.maxRows,
    );
    const wide = Array.from({ length: SPREADSHEET_LIMITS.maxColumns + 1 }, (_, i) => `c${i}`);
    expect((await rejection(readSpreadsheet(utf8(`${wide.join(";")}\n`), "x.csv"))).message).toBe("Le fichier dépasse 200 colonnes.");
    const wideXlsx = await toXlsx("x", wide, []);
    expect((await rejection(readSpreadsheet(wideXlsx, "x.xlsx"))).reason).toBe("TOO_LARGE");
    const farRow = await workbookBuffer((wb) => {
      const s = wb.addWorksheet("x");
      s.getCell("A1").value = "a";
      s.getCell(`A${SPREADSHEET_LIMITS.maxRows + 2}`).value = "trop loin";
    });
    expect((await rejection(readSpreadsheet(farRow, "x.xlsx"))).reason).toBe("TOO_LARGE");
  });

  it("stops a zip bomb while inflating, whatever sizes the archive declares", async () => {
    const huge = new Uint8Array(SPREADSHEET_LIMITS.maxUnzippedBytes + 1024); // zeros: compresses ~1000:1
    const bomb = Buffer.from(
      zipSync({ "[Content_Types].xml": utf8("<Types/>"), "xl/workbook.xml": utf8("<workbook/>"), "xl/worksheets/sheet1.xml": huge }, { level: 9 }),
    );
    expect(bomb.length).toBeLessThan(SPREADSHEET_LIMITS.maxBytes);
    const e = await rejection(readSpreadsheet(bomb, "bombe.xlsx"));
    expect(e.reason).toBe("TOO_LARGE");
    expect(e.message).toMatch(/décompressé dépasse/);
  });
});

describe("readSpreadsheet — XLSX", () => {
  it("reads the first sheet: numbers with '.', percentages as shown, dates as ISO, formulas by their cached result, rich text, merged cells once", async () => {
    const content = await workbookBuffer((wb) => {
      const s = wb.addWorksheet("Périodes");
      s.addRow(["Identifiant MSP", "Année", "Montant", "Date", "Calcul", "Texte", "Booléen"]);
      s.addRow(["p1", 2024, 1234.5, new Date(Date.UTC(2024, 11, 31)), { formula: "C2*2", result: 2469 }, { richText: [{ text: "MSP " }, { text: "Nord", font: { bold: true } }] }, true]);
      s.addRow([]);
      s.addRow(["  p2  ", 2023, 0.1 + 0.2, new Date(Date.UTC(2024, 0, 2, 9, 30)), { formula: "1/0", result: { error: "#DIV/0!" } }, "fusion", false]);
      s.mergeCells("F4:G4");
      s.getCell("H1").value = "Taux";
      s.getCell("H2").value = 0.125;
      s.getCell("H2").numFmt = "0.0%";
      s.addRow([]);
      wb.addWorksheet("Autre").addRow(["ignorée"]);
    });
    expect(await readSpreadsheet(content, "periodes.xlsx")).toEqual({
      headers: ["Identifiant MSP", "Année", "Montant", "Date", "Calcul", "Texte", "Booléen", "Taux"],
      rows: [
        ["p1", "2024", "1234.5", "2024-12-31", "2469", "MSP Nord", "VRAI", "12.5 %"],
        ["", "", "", "", "", "", "", ""],
        ["p2", "2023", "0.3", "2024-01-02 09:30", "#DIV/0!", "fusion", "", ""],
      ],
    });
  });

  it("gives an empty table for a workbook without data", async () => {
    const content = await workbookBuffer((wb) => wb.addWorksheet("Vide"));
    expect(await readSpreadsheet(content, "vide.xlsx")).toEqual({ headers: [], rows: [] });
  });
});

describe(toCsv.name, () => {
  it("writes UTF-8 with BOM, ';', CRLF, French decimal commas, and neutralises formula-like text", () => {
    const out = toCsv(["Nom", "Valeur", "Note"], [
      ["=HYPERLINK(\"http://x\")", 12.5, null],
      ["Saint-Astier; Dordogne", -3, "@SUM(A1)"],
      ["-12,5", 1_000_000, "a\nb"],
    ]);
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString("utf8")).toBe(
      'Nom;Valeur;Note\r\n"\'=HYPERLINK(""http://x"")";12,5;\r\n"Saint-Astier; Dordogne";-3;\'@SUM(A1)\r\n-12,5;1000000;"a\nb"\r\n',
    );
  });

  it("round-trips through readSpreadsheet (our own neutralisation is undone on reading)", async () => {
    const rows = [["=1+1", 0.25, "MSP de l'Isle"], ["+33 5 53 00 00 00", null, "@x"]];
    const table = await readSpreadsheet(toCsv(["a", "b", "c"], rows), "export.csv");
    expect(table).toEqual({ headers: ["a", "b", "c"], rows: [["=1+1", "0,25", "MSP de l'Isle"], ["+33 5 53 00 00 00", "", "@x"]] });
  });
});

describe(toXlsx.name, () => {
  it("writes numbers as numeric cells, neutralised text, a bold frozen header row", async () => {
    const out = await toXlsx("Modèle PEPS [2024]: essai/très long nom de feuille", ["Identifiant MSP", "Patients"], [
      ["=cmd|' /C calc'!A0", 1250],
      ["p2", 3.75],
      [null, null],
    ]);
    const wb = await loadWorkbook(out);
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe("Modèle PEPS 2024 essai très lon");
    expect(sheet?.getCell("A1").font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getCell("A2").value).toBe("'=cmd|' /C calc'!A0");
    expect(sheet?.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet?.getCell("B2").value).toBe(1250);
    expect(sheet?.getCell("B3").value).toBe(3.75);
    expect(await readSpreadsheet(out, "modele.xlsx")).toEqual({
      headers: ["Identifiant MSP", "Patients"],
      rows: [["=cmd|' /C calc'!A0", "1250"], ["p2", "3.75"]],
    });
  });
});
