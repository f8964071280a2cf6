import { useQuery } from "@apollo/client/react";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { useSession } from "../../auth";
import { RESULTS_REFERENCE_DATA } from "../../results";
import { AciRuleSetsSection } from "./aci-rule-sets-section";
import { IpepParametersSection } from "./ipep-parameters-section";
import { PepsTablesSection } from "./peps-tables-section";

/**
 * « Référentiels »: the reference data the result periods are computed with — PEPS coefficient tables (imported from
 * the CPAM's file, DOMAIN.md §4.4), ACI rule sets with their flags (§3.5: rows « à vérifier » editable by admins),
 * IPEP parameters (§5.2). Federation admins change them; chargés read them.
 */
export function ReferenceDataPage() {
  useDocumentTitle("Référentiels");
  const user = useSession();
  const canEdit = user.role === "FEDERATION_ADMIN";
  const { data, error, refetch } = useQuery(RESULTS_REFERENCE_DATA);

  if (error && !data) {
    return (
      <ErrorState
        title="Impossible de charger les référentiels"
        message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <PageLoading label="Chargement des référentiels…" />;
  const reference = data.resultsReferenceData;

  return (
    <section aria-labelledby="reference-data-title" className="reference-data">
      <div className="page-header">
        <h1 id="reference-data-title">Référentiels</h1>
      </div>
      <p className="page-intro">
        Les tables et barèmes avec lesquels les résultats des MSP sont calculés.{" "}
        {canEdit ? "Les valeurs « à vérifier » doivent être confirmées avec le référent ACI ou la CPAM avant tout usage pour un paiement." : "Seuls les administrateurs de la fédération les modifient."}
      </p>
      <PepsTablesSection tables={reference.pepsTables} canEdit={canEdit} onImported={() => void refetch().catch(() => undefined)} />
      <AciRuleSetsSection ruleSets={reference.aciRuleSets} canEdit={canEdit} />
      <IpepParametersSection parameters={reference.ipepParameters} />
    </section>
  );
}
