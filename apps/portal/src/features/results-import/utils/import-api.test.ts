import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeXhr } from "../../../test/fake-xhr";
import { ImportError, importErrorMessage, sendImport, templateUrl } from "./import-api";

const report = { dryRun: true, mode: "VALID_ROWS", accepted: 1, rejected: 0, imported: 0, lines: [{ line: 2, status: "OK", projectName: "MSP A", year: 2024, errors: [] }] };

describe("sendImport", () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("posts the file as multipart field `file` with the programme, mode and dry run, the CSRF header, and reports progress", async () => {
    const file = new File(["a;b"], "periodes.csv", { type: "text/csv" });
    const onProgress = vi.fn();
    const handle = sendImport({ programme: "IPEP", mode: "VALID_ROWS", dryRun: true }, file, onProgress);
    const request = xhr.instances[0];
    expect(request).toMatchObject({ method: "POST", url: "/results/import?programme=IPEP&mode=VALID_ROWS&dryRun=true" });
    expect(request?.headers).toEqual({ "Apollo-Require-Preflight": "true" });
    expect(request?.file?.name).toBe("periodes.csv");
    await request?.progress(30, 100);
    expect(onProgress).toHaveBeenLastCalledWith(0.3);
    await request?.respond(200, report);
    await expect(handle.result).resolves.toEqual(report);
    expect(onProgress).toHaveBeenLastCalledWith(1);
  });

  it("turns refusals into coded errors with the API's French message and details", async () => {
    const file = new File(["x"], "x.csv");
    const refused = expect(sendImport({ programme: "ACI", mode: "ALL_OR_NOTHING", dryRun: true }, file, () => undefined).result).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      status: 400,
      message: "Colonne inconnue : « Couleur ».",
      details: [{ line: 1, column: "Couleur", message: "Colonne inconnue : « Couleur »." }],
    });
    await xhr.instances[0]?.respond(400, {
      error: { code: "BAD_USER_INPUT", message: "Colonne inconnue : « Couleur ».", details: [{ line: 1, column: "Couleur", message: "Colonne inconnue : « Couleur »." }] },
    });
    await refused;

    const tooLarge = expect(sendImport({ programme: "ACI", mode: "ALL_OR_NOTHING", dryRun: false }, file, () => undefined).result).rejects.toMatchObject({
      code: "FILE_TOO_LARGE",
      status: 413,
    });
    await xhr.instances[1]?.respond(413, "<html>Request Entity Too Large</html>");
    await tooLarge;
  });

  it("explains failures in French and builds the template links", () => {
    expect(importErrorMessage(new ImportError("FILE_TOO_LARGE", 413, ""), "a.csv")).toBe("« a.csv » dépasse la taille maximale autorisée (5 Mo).");
    expect(importErrorMessage(new ImportError("FILE_TYPE_NOT_ALLOWED", 415, "Les classeurs Excel 97-2003 (.xls) ne sont pas pris en charge."), "a.xls")).toMatch(/97-2003/);
    expect(importErrorMessage(new ImportError("FORBIDDEN", 403, ""), "a.csv")).toMatch(/droits/);
    expect(importErrorMessage(new Error("boom"), "a.csv")).toBe("L’envoi de « a.csv » a échoué. Réessayez dans un instant.");
    expect(templateUrl("PEPS", "xlsx")).toBe("/results/import/template?programme=PEPS&format=xlsx");
  });
});
