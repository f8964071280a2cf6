import type { Programme } from "@maillage/domain";
import type { PeriodStatus } from "./labels";

/** A period as the results pages read it (the `ResultPeriodDetails` fragment). */
export type PeriodRecord = {
  id: string;
  projectId: string;
  programme: Programme;
  year: number;
  status: PeriodStatus;
  inputs: unknown;
  ruleSetId?: string | null;
  returnComment?: string | null;
  submittedAt?: string | null;
  approvedAt?: string | null;
  updatedAt: string;
  project?: { id: string; name: string } | null;
  /** Where the period stands in its yearly calendar (DOMAIN.md §2.5). */
  calendar?: { status: string; statusLabel: string; evidenceDueAt: string } | null;
  summary?: {
    referenceId: string;
    illustrative: boolean;
    patients: number;
    computedEur: number;
    perPatientEur: number;
    receivedEur?: number | null;
    feeForServiceEquivalentEur?: number | null;
    score?: number | null;
  } | null;
};

/** The page of one period. */
export const periodPath = (projectId: string, periodId: string): string =>
  `/projets/${encodeURIComponent(projectId)}/resultats/${encodeURIComponent(periodId)}`;
