import { findMilestone, validateMilestoneFields } from "@maillage/domain";
import type { MilestoneFieldType } from "../../../gql/graphql";
import { formatDay } from "../../../shared/format";

export type MilestoneFieldSpec = { key: string; label: string; type: MilestoneFieldType; required: boolean };

/** A typed value as the team wrote it: dates in French, booleans as « Oui » / « Non », French decimals. */
export function formatFieldValue(type: MilestoneFieldType | undefined, value: string): string {
  switch (type) {
    case "DATE":
      return formatDay(value);
    case "BOOLEAN":
      return value === "true" ? "Oui" : value === "false" ? "Non" : value;
    case "NUMBER":
      return value.replace(".", ",");
    default:
      return value;
  }
}

/** The values to send: empty ones are left out (absent), booleans are always answered. */
export function fieldValuesToInput(
  fields: readonly MilestoneFieldSpec[],
  values: Readonly<Record<string, string>>,
): { key: string; value: string }[] {
  return fields.flatMap((field) => {
    const raw = values[field.key] ?? "";
    if (field.type === "BOOLEAN") return [{ key: field.key, value: raw === "true" ? "true" : "false" }];
    return raw.trim() === "" ? [] : [{ key: field.key, value: raw.trim() }];
  });
}

/**
 * The same checks as the API for the catalogue's milestones (`@maillage/domain`), keyed `fields.<key>` like
 * its errors. Federation milestones have no typed field.
 */
export function validateFieldValues(
  milestoneKey: string,
  input: readonly { key: string; value: string }[],
  now: Date = new Date(),
): Record<string, string> {
  const definition = findMilestone(milestoneKey, []);
  if (!definition) return {};
  const result = validateMilestoneFields(definition, input, now);
  if (result.ok) return {};
  const errors: Record<string, string> = {};
  for (const error of result.error) errors[error.field] ??= error.message;
  return errors;
}
