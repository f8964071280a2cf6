import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeXhr, storedFile } from "../../../test/fake-xhr";
import { UploadError, uploadErrorMessage, uploadFile } from "./upload-file";

describe("uploadFile", () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("posts the file as multipart field `file` with the CSRF header, and reports progress", async () => {
    const file = new File(["%PDF-1.4"], "statuts.pdf", { type: "application/pdf" });
    const onProgress = vi.fn();
    const handle = uploadFile("project 1", file, onProgress);
    const request = xhr.instances[0];
    expect(request).toMatchObject({ method: "POST", url: "/files?projectId=project%201" });
    expect(request?.headers).toEqual({ "Apollo-Require-Preflight": "true" });
    expect(request?.file?.name).toBe("statuts.pdf");

    await request?.progress(25, 100);
    expect(onProgress).toHaveBeenLastCalledWith(0.25);
    await request?.respond(201, storedFile("file-1", file));
    await expect(handle.result).resolves.toMatchObject({ id: "file-1", originalName: "statuts.pdf" });
  });

  it("turns refusals into coded errors, by the body's code or else by the status", async () => {
    const file = new File(["x"], "x.pdf");
    const refused = expect(uploadFile("p", file, () => undefined).result).rejects.toMatchObject({
      code: "FILE_TYPE_NOT_ALLOWED",
      status: 415,
    });
    await xhr.instances[0]?.respond(415, { error: { code: "FILE_TYPE_NOT_ALLOWED", message: "Type de fichier non accepté." } });
    await refused;

    const tooLarge = expect(uploadFile("p", file, () => undefined).result).rejects.toMatchObject({
      code: "FILE_TOO_LARGE",
      status: 413,
    });
    await xhr.instances[1]?.respond(413, "<html>Request Entity Too Large</html>");
    await tooLarge;

    const cancelled = uploadFile("p", file, () => undefined);
    const aborted = expect(cancelled.result).rejects.toMatchObject({ code: "ABORTED" });
    cancelled.abort();
    await aborted;
  });

  it("explains each failure in French, naming the file", () => {
    expect(uploadErrorMessage(new UploadError("FILE_TOO_LARGE", 413, ""), "plans.pdf")).toBe(
      "« plans.pdf » dépasse la taille maximale autorisée (20 Mo).",
    );
    expect(uploadErrorMessage(new UploadError("NETWORK", 0, ""), "plans.pdf")).toMatch(/Vérifiez votre connexion/);
    expect(uploadErrorMessage(new UploadError("BAD_USER_INPUT", 400, "Aucun fichier reçu."), "plans.pdf")).toBe("Aucun fichier reçu.");
    expect(uploadErrorMessage(new Error("boom"), "plans.pdf")).toBe("L’envoi de « plans.pdf » a échoué. Réessayez dans un instant.");
  });
});
