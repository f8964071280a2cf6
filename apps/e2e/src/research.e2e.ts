/**
 * Research access (issue "Research access", items 5 and 6) in Chromium: a researcher runs a 2-dimension aggregate
 * in the portal, sees the margins, the cells masked by the secret statistique (DOMAIN.md §6.3 R1–R4: the demo
 * federation has few MSPs, so some cells are masked) and the notice that every published value is perturbed (counts
 * of MSPs in multiples of 3), downloads the CSV export of that very answer (`GET /research/queries/<id>.csv`) and
 * finds the same cells, then creates a personal API token and asks the same question with it, on /graphql and as a
 * file (`POST /research/aggregate.csv`, JSON body): the same cells again. Published values are perturbed, so they are
 * compared with each other (the perturbation is permanent: identical everywhere), never with raw sums.
 */
import fs from "node:fs";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";

const availability = browserAvailability();

const PASSWORD = "maillage-demo";
/** MSP counts by size band × commune type: the demo's 21 approved MSP-years leave some cells under 3 MSPs (R4). */
const INPUT = { measure: "MSP_COUNT", groupBy: ["SIZE_BAND", "RURALITY"] } as const;
/** Counts of MSPs are published as multiples of this base (cell-key perturbation). */
const COUNT_BASE = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOTAL = "Total";

/** A cell of the answer, keyed by its categories' labels (« Total » for a margin), as the table and the exports show them. */
type Published = { suppressed: boolean; value: number | null };
type Cells = Map<string, Published>;
const keyOf = (labels: readonly string[]) => labels.join(" | ");

/** « 1 234,5 » → 1234.5 (French number as the portal and the CSV write it). */
const frenchToNumber = (text: string) => Number(text.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));

/** A `;`-separated CSV with quoted fields (RFC 4180), BOM removed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((c) => c !== ""));
}

const suppressedKeys = (cells: Cells) => [...cells].filter(([, c]) => c.suppressed).map(([k]) => k).sort();

/** The cells of a CSV export (one row per cell: the dimensions' labels, the perturbed value, the reason of a mask). */
function csvCells(text: string): { header: string[]; cells: Cells } {
  const [header = [], ...data] = parseCsv(text);
  const cells: Cells = new Map();
  for (const row of data) {
    const labels = row.slice(0, INPUT.groupBy.length);
    const [value, secret] = row.slice(INPUT.groupBy.length);
    const suppressed = (secret ?? "") !== "";
    if (suppressed) {
      expect(value).toBe("");
      expect(secret).toMatch(/^Secret statistique/);
    }
    cells.set(keyOf(labels), { suppressed, value: suppressed ? null : frenchToNumber(value ?? "") });
  }
  return { header, cells };
}

const CSV_HEADER = ["Taille de la MSP", "Type de commune", "Nombre de MSP (MSP-années) (MSP, valeur perturbée)", "Secret statistique"];

describe.runIf(availability.run)("a researcher queries protected aggregates, exports them and replays the query with an API token (Chromium)", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  /** What the portal's table shows. */
  const shown: Cells = new Map();
  /** What the CSV export holds. */
  let exported: Cells = new Map();
  /** The id of the answer shown (its export's path). */
  let queryId = "";
  let token = "";

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris", acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("signs the researcher in, on the research space", async () => {
    await page.goto(`${product.baseUrl}/connexion`);
    await page.getByLabel("Adresse e-mail").fill("chercheur@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Espace recherche", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/recherche");
    await page.getByRole("form", { name: "Nouvelle requête" }).waitFor();
  });

  it("runs MSP counts by size band × commune type: a cross table with its margins and « secret statistique » cells", async () => {
    const form = page.getByRole("form", { name: "Nouvelle requête" });
    await form.getByLabel("Mesure").selectOption(INPUT.measure);
    await form.getByRole("checkbox", { name: "Taille de la MSP", exact: true }).check();
    await form.getByRole("checkbox", { name: "Type de commune", exact: true }).check();
    await form.getByRole("checkbox", { name: "Taille de la MSP — en lignes" }).waitFor();
    await form.getByRole("checkbox", { name: "Type de commune — en colonnes" }).waitFor();
    await form.getByRole("button", { name: "Lancer la requête" }).click();

    const table = page.getByRole("table", { name: /par taille de la MSP et type de commune$/ });
    await table.waitFor();
    // Margins: a « Total » column and a « Total » row.
    await table.getByRole("columnheader", { name: TOTAL, exact: true }).waitFor();
    await table.getByRole("rowheader", { name: TOTAL, exact: true }).waitFor();
    // The demo federation has few MSPs: some cells are masked, never shown as a number.
    const masked = table.getByRole("cell", { name: /secret statistique/i });
    expect(await masked.count()).toBeGreaterThan(0);
    expect(await masked.first().getAttribute("title")).toMatch(/^Secret statistique : /);
    expect((await masked.first().innerText()).trim().startsWith("s")).toBe(true);

    // Every row as texts: « \u0000s » for a masked cell, "" for a combination the answer does not hold.
    const grid = await table.evaluate((el) =>
      Array.from(el.querySelectorAll("tr")).map((tr) =>
        Array.from(tr.querySelectorAll("th, td")).map((c) => {
          const text = (c.textContent ?? "").trim();
          return c.classList.contains("research-cell--suppressed") ? "\u0000s" : text === "—aucune donnée" ? "" : text;
        }),
      ),
    );
    const [header, ...body] = grid;
    const columns = (header ?? []).slice(1);
    expect(columns.at(-1)).toBe(TOTAL);
    for (const row of body) {
      const [rowLabel, ...values] = row;
      values.forEach((v, i) => {
        if (v === "") return;
        shown.set(keyOf([rowLabel!, columns[i]!]), v === "\u0000s" ? { suppressed: true, value: null } : { suppressed: false, value: frenchToNumber(v) });
      });
    }
    expect(shown.get(keyOf([TOTAL, TOTAL]))?.suppressed).toBe(false);
    expect(shown.get(keyOf([TOTAL, TOTAL]))?.value).toBeGreaterThan(0);
    expect(suppressedKeys(shown).length).toBeGreaterThan(0);
    // Every published count of MSPs is perturbed to a multiple of 3 (margins included).
    const published = [...shown].filter(([, c]) => !c.suppressed);
    expect(published.length).toBeGreaterThan(0);
    for (const [key, c] of published) expect((c.value ?? Number.NaN) % COUNT_BASE, `${key}: ${String(c.value)}`).toBe(0);

    // The perturbation is said in words beside the table.
    const notice = page.getByRole("note", { name: "Valeurs perturbées" });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/multiples de 3/);

    // The chart leaves the masked cells out and says so; thresholds and methodology are there.
    await page.getByText(/ne figurent? pas dans le graphique/).waitFor();
    await page.getByRole("heading", { name: "Seuils appliqués" }).waitFor();
    await page.getByText(/les effectifs inférieurs à 11 sont masqués/).waitFor();
    await page.getByText(/Chaque chiffre publié est perturbé, de façon permanente/).waitFor();
  });

  it("downloads the CSV export of that answer, by its id: the same cells, masked alike, the same perturbed values", async () => {
    const link = page.getByRole("link", { name: "Exporter CSV" });
    const href = (await link.getAttribute("href")) ?? "";
    const match = /^\/research\/queries\/([^/]+)\.csv$/.exec(href);
    expect(match, href).not.toBeNull();
    queryId = match![1]!;
    expect(queryId).toMatch(UUID);
    expect(await page.getByRole("link", { name: "Exporter XLSX" }).getAttribute("href")).toBe(`/research/queries/${queryId}.xlsx`);

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^maillage-recherche-.+\.csv$/);
    const file = await download.path();
    const { header, cells } = csvCells(fs.readFileSync(file, "utf8"));
    exported = cells;
    expect(header).toEqual(CSV_HEADER);
    expect(suppressedKeys(exported)).toEqual(suppressedKeys(shown));
    expect([...exported.keys()].sort()).toEqual([...shown.keys()].sort());
    for (const [key, cell] of shown) expect(exported.get(key), key).toEqual(cell);
  });

  it("creates a personal API token, shown once", async () => {
    await page.getByRole("banner").getByRole("link", { name: "Jetons d’API" }).click();
    await page.getByRole("heading", { name: "Jetons d’API", level: 1 }).waitFor();
    await page.getByLabel("Nom du jeton").fill("Script R — e2e");
    await page.getByLabel("Durée de validité (jours)").fill("30");
    await page.getByRole("button", { name: "Créer le jeton" }).click();
    const panel = page.getByRole("region", { name: "Jeton « Script R — e2e » créé" });
    await panel.getByText("Copiez ce jeton maintenant : il ne sera plus jamais affiché.").waitFor();
    token = await panel.getByLabel("Votre jeton").inputValue();
    expect(token).toMatch(/^mlg_[A-Za-z0-9_-]{20,}$/);
    const row = page.getByRole("row", { name: /Script R — e2e/ });
    await row.getByText("Actif").waitFor();
    expect(await row.getByText("Jamais").count()).toBe(1);
  });

  it("replays the same aggregate with the token on /graphql and gets the same cells", async () => {
    const response = await fetch(`${product.baseUrl}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        query: `query Replay($input: ResearchAggregateInput!) { researchAggregate(input: $input) {
          cached suppressedCount cells { coordinates { dimension value label } value suppressed reasonLabel }
          perturbation { description maxRelativeErrorPercent countBase } } }`,
        variables: { input: INPUT },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: {
        researchAggregate: {
          cached: boolean;
          suppressedCount: number;
          cells: { coordinates: { value: string | null; label: string | null }[]; value: number | null; suppressed: boolean; reasonLabel: string | null }[];
          perturbation: { description: string; maxRelativeErrorPercent: number | null; countBase: number | null };
        };
      };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    const answer = body.data!.researchAggregate;
    expect(shown.size).toBeGreaterThan(0);
    // The same question on the same data: the stored answer.
    expect(answer.cached).toBe(true);
    const replayed: Cells = new Map(
      answer.cells.map((c) => [keyOf(c.coordinates.map((x) => (x.value === null ? TOTAL : (x.label ?? x.value)))), { suppressed: c.suppressed, value: c.suppressed ? null : c.value }]),
    );
    expect(answer.suppressedCount).toBe(suppressedKeys(shown).length);
    expect(suppressedKeys(replayed)).toEqual(suppressedKeys(shown));
    for (const [key, cell] of shown) expect(replayed.get(key), key).toEqual(cell);
    for (const c of answer.cells) if (c.suppressed) expect(c.value).toBeNull();
    expect(answer.perturbation).toMatchObject({ countBase: COUNT_BASE, maxRelativeErrorPercent: null });
    expect(answer.perturbation.description).toMatch(/multiple de 3/);
  });

  it("asks the same question as a file with the token (POST /research/aggregate.csv, JSON body) and gets the same cells", async () => {
    const response = await fetch(`${product.baseUrl}/research/aggregate.csv`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(INPUT),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="maillage-recherche-.+\.csv"$/);
    const { header, cells } = csvCells(await response.text());
    expect(header).toEqual(CSV_HEADER);
    expect([...cells.keys()].sort()).toEqual([...shown.keys()].sort());
    for (const [key, cell] of shown) expect(cells.get(key), key).toEqual(cell);

    // A form cannot post a question across sites: anything but JSON is refused.
    const form = await fetch(`${product.baseUrl}/research/aggregate.csv`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: JSON.stringify(INPUT),
    });
    expect(form.status).toBe(400);

    // The stored answer shown in the portal, fetched again with the token: still the same cells.
    const stored = await fetch(`${product.baseUrl}/research/queries/${queryId}.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(stored.status).toBe(200);
    const again = csvCells(await stored.text()).cells;
    for (const [key, cell] of shown) expect(again.get(key), key).toEqual(cell);
  });

  it("shows the token's last use in the list", async () => {
    await page.reload();
    const row = page.getByRole("row", { name: /Script R — e2e/ });
    await row.getByText("Actif").waitFor();
    expect(await row.getByText("Jamais").count()).toBe(0);
  });
});

reportSkippedBrowserTests(availability);
