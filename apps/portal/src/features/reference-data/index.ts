export { ReferenceDataPage } from "./components/reference-data-page";
