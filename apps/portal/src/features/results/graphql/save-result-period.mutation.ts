import { graphql } from "../../../gql";

export const SAVE_RESULT_PERIOD = graphql(`
  mutation SaveResultPeriod($input: SaveResultPeriodInput!) {
    saveResultPeriod(input: $input) {
      ...ResultPeriodDetails
    }
  }
`);
