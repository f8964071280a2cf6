import { graphql } from "../../../gql";

/** The researcher's privacy budget (ε), meaningful when the deployment adds Laplace noise. */
export const RESEARCH_BUDGET = graphql(`
  query ResearchBudget {
    researchBudget {
      mode
      epsilonTotal
      epsilonSpent
      epsilonRemaining
      epsilonPerQuery
    }
  }
`);
