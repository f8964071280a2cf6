import { graphql } from "../../../gql";

/** The results dashboard of the signed-in staff member's federation, and its départements (filter choices, map). */
export const RESULTS_DASHBOARD = graphql(`
  query ResultsDashboard($filter: ResultsDashboardFilter) {
    federation {
      id
      departements {
        code
        name
      }
    }
    resultsDashboard(filter: $filter) {
      illustrative
      availableYears
      totals {
        mspCount
        periodCount
        departementCount
        computedEur
        receivedEur
      }
      byYear {
        year
        programme
        mspCount
        patients
        computedEur
        perPatientEur
        q1PerPatientEur
        medianPerPatientEur
        q3PerPatientEur
        receivedEur
        receivedCount
      }
      byDepartement {
        departementCode
        departementName
        mspCount
        patients
        aciEur
        pepsEur
        ipepEur
        totalEur
      }
      bySizeBand {
        sizeBand
        sizeBandLabel
        programme
        mspCount
        patients
        computedEur
        perPatientEur
        medianPerPatientEur
      }
      byExperiment {
        year
        experiment
        mspCount
        patients
        aciEur
        perPatientEur
        medianPerPatientEur
      }
      pepsVsFeeForService {
        years {
          year
          mspCount
          patients
          forfaitEur
          feeForServiceEur
          ratio
          illustrative
        }
        points {
          projectId
          projectName
          departementCode
          year
          patients
          forfaitEur
          feeForServiceEur
          illustrative
        }
      }
      aciIndicators {
        year
        code
        label
        mspCount
        achievedCount
        achievedShare
      }
    }
  }
`);
