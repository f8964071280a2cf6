import { BadRequestException } from "@nestjs/common";
import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";

import { badUserInput, notFound } from "./errors.js";
import { formatGraphqlError } from "./graphql-errors.js";

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ["project"] });

describe("formatGraphqlError", () => {
  it("keeps our typed errors, with their code and field", () => {
    const log = vi.fn();
    const f = formatGraphqlError(wrap(badUserInput([{ field: "name", code: "PROJECT.NAME_TOO_SHORT", message: "Nom trop court." }])), log);
    expect(f.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    expect(f.message).toBe("Nom trop court.");
    expect(log).not.toHaveBeenCalled();
  });

  it("gives NOT_FOUND for a missing resource", () => {
    expect(formatGraphqlError(wrap(notFound("Projet")), vi.fn()).extensions?.code).toBe("NOT_FOUND");
  });

  it("hides unexpected errors behind INTERNAL_SERVER_ERROR and logs them", () => {
    const log = vi.fn();
    const f = formatGraphqlError(wrap(new Error("connection refused to 10.0.0.3")), log);
    expect(f.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(f.message).not.toContain("10.0.0.3");
    expect(log).toHaveBeenCalledOnce();
  });

  it("maps an HTTP 400 from a pipe to BAD_USER_INPUT", () => {
    expect(formatGraphqlError(wrap(new BadRequestException("bad")), vi.fn()).extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("codes validation and variable errors", () => {
    expect(formatGraphqlError(new GraphQLError('Cannot query field "x" on type "Query".'), vi.fn()).extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(formatGraphqlError(new GraphQLError('Variable "$input" got invalid value 3.'), vi.fn()).extensions?.code).toBe("BAD_USER_INPUT");
  });
});
