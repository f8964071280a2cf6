/**
 * One invalid input field, reported to the user. `code` is stable (clients branch on it, never on
 * `message`); `message` is the French text shown next to the field.
 */
export type FieldError<Code extends string = string> = {
  readonly field: string;
  readonly code: Code;
  readonly message: string;
};
