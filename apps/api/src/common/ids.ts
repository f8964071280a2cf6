const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a client-supplied id can be a row id. Checked before querying, so that a malformed id answers
 * NOT_FOUND (or BAD_USER_INPUT) instead of a database cast error.
 */
export const isUuid = (id: string): boolean => UUID.test(id);
