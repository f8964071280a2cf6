import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SubmitMilestoneInput } from "../../../gql/graphql";
import { installFakeXhr, storedFile } from "../../../test/fake-xhr";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock, Mocks } from "../../../test/mocks";
import { buildSubmission } from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { SUBMIT_MILESTONE } from "../graphql/submit-milestone.mutation";
import { SubmissionForm } from "./submission-form";

const CONTRAT_ACI = {
  key: "CONTRAT_ACI",
  label: "Contrat ACI signé",
  fields: [
    { key: "signedAt", label: "Date de signature", type: "DATE" as const, required: true },
    { key: "sisaCommitment", label: "Engagement à constituer une SISA dans les 6 mois", type: "BOOLEAN" as const, required: false },
  ],
};

const pdf = () => new File(["%PDF-1.4 contrat"], "contrat-aci.pdf", { type: "application/pdf" });

function submitMock(input: SubmitMilestoneInput, result: Mock["result"]): Mock {
  return { request: { query: SUBMIT_MILESTONE, variables: { input } }, result };
}

function renderForm(mocks: Mocks = []) {
  const onSubmitted = vi.fn();
  const rendered = renderRoutes({
    routes: [
      {
        path: "/projets/:projectId",
        element: <SubmissionForm projectId="project-1" milestone={CONTRAT_ACI} onSubmitted={onSubmitted} />,
      },
    ],
    initialEntry: "/projets/project-1",
    mocks,
    user: buildUser({ role: "MSP_MEMBER" }),
  });
  return { ...rendered, onSubmitted };
}

describe(SubmissionForm.name, () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
    // Dates of signature may not be in the future: pin today.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-13T10:00:00.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("uploads each picked file with a progress bar, then submits the files, the typed fields and the comment", async () => {
    const { user, onSubmitted } = renderForm([
      submitMock(
        {
          projectId: "project-1",
          milestoneKey: "CONTRAT_ACI",
          fileIds: ["file-9"],
          fields: [
            { key: "signedAt", value: "2026-10-15" },
            { key: "sisaCommitment", value: "true" },
          ],
          comment: "Signé en présence de la CPAM",
        },
        { data: { __typename: "Mutation", submitMilestone: buildSubmission({ id: "submission-9", milestoneKey: "CONTRAT_ACI" }) } },
      ),
    ]);
    const file = pdf();
    await user.upload(screen.getByLabelText("Documents"), file);

    const [request] = xhr.instances;
    expect(request).toMatchObject({ method: "POST", url: "/files?projectId=project-1" });
    expect(request?.headers).toEqual({ "Apollo-Require-Preflight": "true" });
    expect(request?.file?.name).toBe("contrat-aci.pdf");

    const list = screen.getByRole("list", { name: "Fichiers joints" });
    expect(within(list).getByRole("progressbar", { name: "Envoi de contrat-aci.pdf" })).toHaveValue(0);
    expect(screen.getByRole("button", { name: "Déposer" })).toBeDisabled();

    await request?.progress(45, 100);
    expect(within(list).getByRole("progressbar", { name: "Envoi de contrat-aci.pdf" })).toHaveValue(45);
    expect(list).toHaveTextContent(/45\s%/);

    await request?.respond(201, storedFile("file-9", file));
    expect(within(list).queryByRole("progressbar")).not.toBeInTheDocument();
    expect(list).toHaveTextContent("Envoyé");
    expect(within(list).getByRole("button", { name: "Retirer contrat-aci.pdf" })).toBeInTheDocument();

    await user.type(screen.getByLabelText("Date de signature (obligatoire)"), "2026-10-15");
    await user.click(screen.getByLabelText("Engagement à constituer une SISA dans les 6 mois"));
    await user.type(screen.getByLabelText("Commentaire (facultatif)"), "Signé en présence de la CPAM");
    await user.click(screen.getByRole("button", { name: "Déposer" }));

    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalledWith("« Contrat ACI signé » est déposé : la fédération va le relire."));
  });

  it("explains in French a file refused as too large (413) or of a type not allowed (415)", async () => {
    const { user } = renderForm();
    // The API reads the content: a `.png` that is not a PNG is refused.
    const big = new File(["x"], "plans.pdf", { type: "application/pdf" });
    const scan = new File(["y"], "scan.png", { type: "image/png" });
    await user.upload(screen.getByLabelText("Documents"), [big, scan]);
    expect(xhr.instances).toHaveLength(2);

    await xhr.instances[0]?.respond(413, { error: { code: "FILE_TOO_LARGE", message: "Le fichier dépasse la taille maximale autorisée (20 Mo)." } });
    await xhr.instances[1]?.respond(415, "<html>Unsupported Media Type</html>");

    const alerts = screen.getAllByRole("alert");
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      "« plans.pdf » dépasse la taille maximale autorisée (20 Mo).",
      "Le format de « scan.png » n’est pas accepté. Formats acceptés : PDF, OpenDocument, Office (docx, xlsx, pptx), PNG, JPEG et CSV.",
    ]);
    await user.click(screen.getByRole("button", { name: "Retirer scan.png" }));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("refuses a file over 20 Mo without sending it", async () => {
    const { user } = renderForm();
    const huge = new File(["z"], "video.pdf", { type: "application/pdf" });
    Object.defineProperty(huge, "size", { value: 21 * 1024 * 1024 });
    await user.upload(screen.getByLabelText("Documents"), huge);
    expect(xhr.instances).toHaveLength(0);
    expect(screen.getByRole("alert")).toHaveTextContent("« video.pdf » dépasse la taille maximale autorisée (20 Mo).");
  });

  it("cancels an upload in progress", async () => {
    const { user } = renderForm();
    await user.upload(screen.getByLabelText("Documents"), pdf());
    await xhr.instances[0]?.progress(10, 100);
    await user.click(screen.getByRole("button", { name: "Annuler l’envoi de contrat-aci.pdf" }));
    expect(xhr.instances[0]?.isAborted).toBe(true);
    expect(screen.queryByRole("list", { name: "Fichiers joints" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Déposer" })).toBeEnabled();
  });

  it("shows field errors next to their fields: checked here first, then those the API sends back", async () => {
    const { user } = renderForm([
      submitMock(
        { projectId: "project-1", milestoneKey: "CONTRAT_ACI", fileIds: [], fields: [{ key: "signedAt", value: "2026-10-15" }, { key: "sisaCommitment", value: "false" }] },
        {
          errors: [
            apiError("BAD_USER_INPUT", "Le champ « Date de signature » ne peut pas être dans le futur.", {
              field: "fields.signedAt",
              fields: [
                { field: "fields.signedAt", code: "MILESTONE.FIELD_DATE_IN_FUTURE", message: "Le champ « Date de signature » ne peut pas être dans le futur." },
                { field: "fileIds", code: "SUBMISSION.FILE_UNKNOWN", message: "Ce document n'appartient pas au projet." },
              ],
            }),
          ],
        },
      ),
    ]);
    await user.click(screen.getByRole("button", { name: "Déposer" }));
    const signedAt = screen.getByLabelText("Date de signature (obligatoire)");
    expect(signedAt).toHaveAccessibleDescription("Le champ « Date de signature » est obligatoire.");
    expect(signedAt).toHaveAttribute("aria-invalid", "true");
    await vi.waitFor(() => expect(signedAt).toHaveFocus());

    await user.type(signedAt, "2026-10-15");
    expect(signedAt).not.toHaveAttribute("aria-invalid");
    await user.click(screen.getByRole("button", { name: "Déposer" }));

    expect(await screen.findByText("Le champ « Date de signature » ne peut pas être dans le futur.")).toBeInTheDocument();
    expect(signedAt).toHaveAccessibleDescription("Le champ « Date de signature » ne peut pas être dans le futur.");
    expect(screen.getByLabelText("Documents")).toHaveAccessibleDescription(/Ce document n'appartient pas au projet\.$/);
    expect(screen.getByText("Le dépôt contient des erreurs : corrigez les champs signalés.")).toHaveAttribute("role", "alert");
  });
});
