export { ResultsImportPage } from "./components/results-import-page";
