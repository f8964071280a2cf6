import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { registerCsrfProtection } from "./csrf.js";

describe("registerCsrfProtection", () => {
  const app = Fastify();
  beforeAll(async () => {
    registerCsrfProtection(app);
    app.all("/graphql", async () => ({ reached: true }));
    app.post("/elsewhere", async () => ({ reached: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it("lets JSON POSTs through", async () => {
    const r = await app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: "{}" });
    expect(r.json()).toEqual({ reached: true });
  });

  it.each(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"])(
    "refuses a simple-request POST (%s) that a cross-site form could send",
    async (type) => {
      const r = await app.inject({ method: "POST", url: "/graphql", headers: { "content-type": type }, payload: "query={me{id}}" });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].extensions.code).toBe("CSRF_PREVENTED");
    },
  );

  it("refuses a GET without the preflight header, accepts it with the header", async () => {
    expect((await app.inject({ method: "GET", url: "/graphql?query={me{id}}" })).statusCode).toBe(400);
    expect((await app.inject({ method: "GET", url: "/graphql?query={me{id}}", headers: { "apollo-require-preflight": "true" } })).statusCode).toBe(200);
  });

  it("does not touch other routes", async () => {
    const r = await app.inject({ method: "POST", url: "/elsewhere", headers: { "content-type": "text/plain" }, payload: "x" });
    expect(r.statusCode).toBe(200);
  });
});
