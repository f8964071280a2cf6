import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { PageLoading } from "../../../shared/components/page-loading";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { useSession } from "../../auth";
import { CREATE_PROJECT } from "../graphql/create-project.mutation";
import { STAFF } from "../graphql/staff.query";
import { type ProjectFormErrors, projectFormErrors } from "../utils/project-form-errors";
import { ProjectForm, type ProjectFormValues } from "./project-form";

export function NewProjectPage() {
  useDocumentTitle("Nouveau projet");
  const user = useSession();
  const navigate = useNavigate();
  const { data: staffData, loading: isStaffLoading } = useQuery(STAFF);
  const [serverErrors, setServerErrors] = useState<ProjectFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createProject, { loading }] = useMutation(CREATE_PROJECT, {
    // Lists cached so far do not know the new project: fetch them again on the next visit.
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "projects" });
      cache.gc();
    },
  });

  const staff = staffData?.staff ?? [];
  // A chargé·e creating a project usually follows it: preselect them.
  const defaultChargeId =
    user.role === "CHARGE_DEVELOPPEMENT" && staff.some((member) => member.id === user.id) ? user.id : "";

  async function handleSubmit(values: ProjectFormValues) {
    if (!values.commune) return;
    setServerErrors({});
    setFormError(null);
    try {
      const { data } = await createProject({
        variables: {
          input: {
            name: values.name.trim(),
            communeCode: values.commune.code,
            ...(values.chargeId ? { chargeId: values.chargeId } : {}),
          },
        },
      });
      if (!data) throw new Error("Empty createProject response");
      await navigate(`/projets/${encodeURIComponent(data.createProject.id)}`);
    } catch (error) {
      const { fieldErrors, formError: message } = projectFormErrors(error);
      setServerErrors(fieldErrors);
      setFormError(message);
    }
  }

  return (
    <section aria-labelledby="new-project-title" className="narrow">
      <div className="page-header">
        <h1 id="new-project-title">Nouveau projet</h1>
      </div>
      {/* Wait for the staff list so the default chargé·e is known before anything is typed. */}
      {isStaffLoading ? (
        <PageLoading />
      ) : (
      <ProjectForm
        mode="create"
        initialValues={{
          name: "",
          commune: null,
          chargeId: defaultChargeId,
          status: "ACTIVE",
          statusReason: "",
          legalForm: null,
        }}
        staff={staff}
        isSubmitting={loading}
        serverErrors={serverErrors}
        formError={formError}
        submitLabel="Créer le projet"
        cancelTo="/projets"
        onSubmit={(values) => void handleSubmit(values)}
      />
      )}
    </section>
  );
}
