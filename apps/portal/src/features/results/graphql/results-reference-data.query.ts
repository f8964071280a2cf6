import { graphql } from "../../../gql";

/** The federation's PEPS tables, ACI rule sets and IPEP parameters (the forms compute with them in the browser). */
export const RESULTS_REFERENCE_DATA = graphql(`
  query ResultsReferenceData {
    resultsReferenceData {
      pepsTables {
        code
        label
        illustrative
        basePerPatientEur
        ageBands {
          band
          minAge
          maxAge
          coefficient
        }
        sexCoefficients {
          F
          M
        }
        aldCoefficients {
          count
          coefficient
        }
        precariteCoefficient
        qualityBonusMaxRate
        feeForServiceCapRate
        source
        importedAt
      }
      aciRuleSets {
        code
        label
        validFrom
        pointValueEur
        referencePatients
        source
        indicators {
          ...AciIndicatorRow
        }
      }
      ipepParameters {
        code
        cEcart
        cEvolution
        shareOfSavings
        patientExperienceMaxPoints
        modulation {
          kind
          maxScore
          minimumScore
        }
        source
      }
    }
  }
`);

export const ACI_INDICATOR_ROW = graphql(`
  fragment AciIndicatorRow on AciIndicator {
    code
    label
    axis
    type
    fixedPoints
    variablePointsPer4000
    maxUnits
    flag
    source
    edited
    verifiedAt
    verifiedByName
  }
`);
