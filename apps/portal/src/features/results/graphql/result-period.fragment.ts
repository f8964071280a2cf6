import { graphql } from "../../../gql";

/** Everything the results pages show of a period: status, inputs, the typed summary and what is still invalid. */
export const RESULT_PERIOD_DETAILS = graphql(`
  fragment ResultPeriodDetails on ResultPeriod {
    id
    projectId
    programme
    year
    status
    inputs
    ruleSetId
    returnComment
    submittedAt
    approvedAt
    updatedAt
    project {
      id
      name
    }
    summary {
      referenceId
      illustrative
      patients
      computedEur
      perPatientEur
      receivedEur
      feeForServiceEquivalentEur
      score
    }
    calendar {
      status
      statusLabel
      evidenceDueAt
    }
    validationErrors {
      field
      code
      message
    }
  }
`);
