import { graphql } from "../../../gql";

/** What a researcher may ask for: measures, dimensions with their categories (French labels), indicators. */
export const RESEARCH_CATALOG = graphql(`
  query ResearchCatalog {
    researchCatalog {
      measures {
        id
        label
        unit
        needsIndicator
      }
      dimensions {
        id
        label
        categories {
          value
          label
        }
      }
      indicators {
        code
        label
        programme
      }
    }
  }
`);
