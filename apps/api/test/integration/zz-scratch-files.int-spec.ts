import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, it } from "vitest";
import { startTestApp, type TestApp, type GqlClient } from "./harness.js";
let t: TestApp; let msp: GqlClient;
beforeAll(async () => { t = await startTestApp(); msp = await t.as("msp@demo.maillage.fr"); });
afterAll(() => t.close());
it("scratch", async () => {
  const base = { cookie: msp.cookie ?? "", "apollo-require-preflight": "true" };
  const url = `${t.url}/files?projectId=${DEMO_IDS.projects.msp}`;
  for (const [label, headers, body] of [
    ["truncated multipart", { "content-type": "multipart/form-data; boundary=XX" }, '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na;b\n1;2\n'],
  ] as const) {
    const res = await fetch(url, { method: "POST", headers: { ...base, ...headers }, body });
    console.log(label, res.status, await res.text());
  }
}, 60000);
