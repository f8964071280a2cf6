import "./account.css";

export { AccountPage } from "./components/account-page";
