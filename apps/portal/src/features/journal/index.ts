import "./journal.css";

export { JournalPage } from "./components/journal-page";
