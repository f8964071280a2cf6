import "./api-tokens.css";

export { ApiTokensPage } from "./components/api-tokens-page";
