export * from "./cells.js";
export * from "./period-sheet.js";
