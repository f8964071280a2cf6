export * from "./field-error.js";
export * from "./pagination.js";
export * from "./result.js";
export * from "./spreadsheet.js";
