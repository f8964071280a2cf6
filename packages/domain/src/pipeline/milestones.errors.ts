/**
 * Stable error codes of milestone validation (submitted field values, custom milestones).
 * Clients branch on the code, never on the message; messages are French and name the field.
 */
export const MILESTONE_ERROR_CODES = [
  // Field values of a submission (validateMilestoneFields)
  "MILESTONE.FIELD_UNKNOWN",
  "MILESTONE.FIELD_DUPLICATE",
  "MILESTONE.FIELD_REQUIRED",
  "MILESTONE.FIELD_DATE_INVALID",
  "MILESTONE.FIELD_DATE_IN_FUTURE",
  "MILESTONE.FIELD_BOOLEAN_INVALID",
  "MILESTONE.FIELD_NUMBER_INVALID",
  "MILESTONE.FIELD_YEAR_INVALID",
  "MILESTONE.FIELD_FINESS_INVALID",
  "MILESTONE.FIELD_TEXT_TOO_LONG",
  // Custom milestone definitions (validateCustomMilestone)
  "MILESTONE.STAGE_INVALID",
  "MILESTONE.LABEL_REQUIRED",
  "MILESTONE.LABEL_TOO_SHORT",
  "MILESTONE.LABEL_TOO_LONG",
  "MILESTONE.LABEL_INVALID_CHARACTERS",
  "MILESTONE.DESCRIPTION_TOO_LONG",
  "MILESTONE.KEY_INVALID",
  "MILESTONE.KEY_TAKEN",
] as const;
export type MilestoneErrorCode = (typeof MILESTONE_ERROR_CODES)[number];
