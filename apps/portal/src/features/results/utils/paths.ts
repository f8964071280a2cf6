/**
 * Field paths as the domain's validation names them (`groups[2].patients`, `achievements.HORAIRES_SNP.units`):
 * the forms bind each field to such a path, so that an error — computed in the browser or sent by the server —
 * lands next to the field it names.
 */
export type PathSegment = string | number;

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of path.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

export function getIn(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of parsePath(path)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` with `path` set (objects and arrays along the path are copied, never mutated). */
export function setIn<T>(value: T, path: string, next: unknown): T {
  const segments = parsePath(path);
  const update = (current: unknown, index: number): unknown => {
    const segment = segments[index];
    if (segment === undefined) return next;
    if (Array.isArray(current)) {
      const copy = [...current];
      copy[segment as number] = update(copy[segment as number], index + 1);
      return copy;
    }
    const record = (current !== null && typeof current === "object" ? current : {}) as Record<string, unknown>;
    return { ...record, [segment]: update(record[segment], index + 1) };
  };
  return update(value, 0) as T;
}

/** A DOM id for the field at `path` (ids cannot hold brackets or dots safely in CSS selectors). */
export function fieldDomId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The server prefixes the paths of a mutation's input (`input.inputs.groups[0].patients`): keep the inputs' own path. */
export function inputPathOf(serverField: string): string {
  return serverField.replace(/^input\./, "").replace(/^inputs\./, "");
}
