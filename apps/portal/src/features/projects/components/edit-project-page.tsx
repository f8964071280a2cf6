import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { ProjectDetailsFragment, UpdateProjectInput } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { hasErrorCode } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { refreshProjectCache } from "../../pipeline";
import { PROJECT } from "../graphql/project.query";
import { STAFF } from "../graphql/staff.query";
import { UPDATE_PROJECT } from "../graphql/update-project.mutation";
import { type ProjectFormErrors, projectFormErrors } from "../utils/project-form-errors";
import { ProjectForm, type ProjectFormValues, type StaffOption } from "./project-form";
import { ProjectNotFound } from "./project-page";

function toFormValues(project: ProjectDetailsFragment): ProjectFormValues {
  return {
    name: project.name,
    commune: { code: project.communeCode, name: project.communeName },
    chargeId: project.charge?.id ?? "",
    status: project.status,
    statusReason: project.statusReason ?? "",
    legalForm: project.legalForm,
  };
}

/** Only the fields that changed; `chargeId: null` unassigns the project. */
function toUpdateInput(project: ProjectDetailsFragment, values: ProjectFormValues): UpdateProjectInput {
  const input: UpdateProjectInput = { id: project.id };
  if (values.name.trim() !== project.name) input.name = values.name.trim();
  if (values.commune && values.commune.code !== project.communeCode) input.communeCode = values.commune.code;
  if (values.chargeId !== (project.charge?.id ?? "")) input.chargeId = values.chargeId || null;
  if (values.status !== project.status) input.status = values.status;
  const reason = values.status === "ACTIVE" ? "" : values.statusReason.trim();
  if (reason && (values.status !== project.status || reason !== (project.statusReason ?? ""))) {
    input.statusReason = reason;
  }
  if (values.legalForm !== project.legalForm) input.legalForm = values.legalForm;
  return input;
}

export function EditProjectPage() {
  const { projectId = "" } = useParams();
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(PROJECT, { variables: { id: projectId } });
  const { data: staffData } = useQuery(STAFF);
  const [serverErrors, setServerErrors] = useState<ProjectFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [updateProject, { loading }] = useMutation(UPDATE_PROJECT, {
    // The project itself is normalised by id; filtered lists (and the board) may no longer contain it, and its
    // history has a new event.
    update(cache, { data }) {
      if (data) refreshProjectCache(cache, data.updateProject.id, ["timeline"]);
    },
  });
  const project = data?.project;
  useDocumentTitle(project ? `Modifier ${project.name}` : "Modifier le projet");

  if (hasErrorCode(error, "NOT_FOUND")) return <ProjectNotFound />;
  if (error) {
    return (
      <ErrorState
        title="Impossible de charger le projet"
        message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!project) return <PageLoading />;

  const projectPath = `/projets/${encodeURIComponent(project.id)}`;
  const staff: StaffOption[] = [...(staffData?.staff ?? [])];
  if (project.charge && !staff.some((member) => member.id === project.charge?.id)) staff.unshift(project.charge);

  async function handleSubmit(current: ProjectDetailsFragment, values: ProjectFormValues) {
    setServerErrors({});
    setFormError(null);
    const input = toUpdateInput(current, values);
    try {
      if (Object.keys(input).length > 1) await updateProject({ variables: { input } });
      await navigate(projectPath);
    } catch (caught) {
      const { fieldErrors, formError: message } = projectFormErrors(caught);
      setServerErrors(fieldErrors);
      setFormError(message);
    }
  }

  return (
    <section aria-labelledby="edit-project-title" className="narrow">
      <div className="page-header">
        <h1 id="edit-project-title">Modifier le projet</h1>
      </div>
      <ProjectForm
        key={project.id}
        mode="edit"
        initialValues={toFormValues(project)}
        staff={staff}
        isSubmitting={loading}
        serverErrors={serverErrors}
        formError={formError}
        submitLabel="Enregistrer"
        cancelTo={projectPath}
        onSubmit={(values) => void handleSubmit(project, values)}
      />
    </section>
  );
}
