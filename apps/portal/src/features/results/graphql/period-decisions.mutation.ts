import { graphql } from "../../../gql";

export const SUBMIT_RESULT_PERIOD = graphql(`
  mutation SubmitResultPeriod($input: PeriodDecisionInput!) {
    submitResultPeriod(input: $input) {
      ...ResultPeriodDetails
    }
  }
`);

export const APPROVE_RESULT_PERIOD = graphql(`
  mutation ApproveResultPeriod($input: PeriodDecisionInput!) {
    approveResultPeriod(input: $input) {
      ...ResultPeriodDetails
    }
  }
`);

export const RETURN_RESULT_PERIOD = graphql(`
  mutation ReturnResultPeriod($input: PeriodDecisionInput!) {
    returnResultPeriod(input: $input) {
      ...ResultPeriodDetails
    }
  }
`);

export const UNLOCK_RESULT_PERIOD = graphql(`
  mutation UnlockResultPeriod($input: PeriodDecisionInput!) {
    unlockResultPeriod(input: $input) {
      ...ResultPeriodDetails
    }
  }
`);
