import { useQuery } from "@apollo/client/react";
import type { ResultsReferenceData } from "@maillage/domain";
import { useMemo } from "react";
import { RESULTS_REFERENCE_DATA } from "../graphql/results-reference-data.query";
import { toDomainReferenceData } from "../utils/reference-data";

/** The federation's reference data, as the domain's calculators take it. */
export function useResultsReferenceData(): {
  referenceData: ResultsReferenceData | undefined;
  loading: boolean;
  error: unknown;
  refetch: () => void;
} {
  const { data, loading, error, refetch } = useQuery(RESULTS_REFERENCE_DATA);
  const api = data?.resultsReferenceData;
  const referenceData = useMemo(() => (api ? toDomainReferenceData(api) : undefined), [api]);
  return { referenceData, loading, error, refetch: () => void refetch().catch(() => undefined) };
}
