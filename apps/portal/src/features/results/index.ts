import "./results.css";

export { PeriodPage } from "./components/period-page";
export { ResultsPage } from "./components/results-page";
export { ReviewPage } from "./components/review-page";
export { IllustrativeBadge } from "./components/illustrative-badge";
export { ToVerifyBadge } from "./components/to-verify-badge";
export { RESULTS_REFERENCE_DATA } from "./graphql/results-reference-data.query";
export { ACI_AXES, ACI_AXIS_LABELS, ACI_TYPE_LABELS, isToVerify } from "./utils/labels";
export { formatDecimal, formatEur, formatShare, numberFromText, textFromNumber } from "./utils/numbers";
export type { ApiAciIndicator, ApiAciRuleSet, ApiIpepParameters, ApiPepsTable } from "./utils/reference-data";
