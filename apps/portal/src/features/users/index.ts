import "./users.css";

export { UsersPage } from "./components/users-page";
