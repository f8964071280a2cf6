import { graphql } from "../../../gql";

/** Answers the whole rule set, so that the page shows the new points and « vérifié par … le … ». */
export const UPDATE_ACI_INDICATOR = graphql(`
  mutation UpdateAciIndicator($input: UpdateAciIndicatorInput!) {
    updateAciIndicator(input: $input) {
      code
      source
      indicators {
        ...AciIndicatorRow
      }
    }
  }
`);
