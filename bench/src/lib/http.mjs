/** Small HTTP helpers for single, isolated requests (never used under load: autocannon does that). */

/**
 * @typedef {{ status: number; headers: Headers; text: string; json: any }} JsonResponse
 */

/**
 * POSTs a JSON body and returns the status, headers and the parsed body (null when it is not JSON).
 * @param {string} url
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {Promise<JsonResponse>}
 */
export async function postJson(url, body, headers = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the caller reports the text
  }
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * Waits until GET `url` answers 200.
 * @param {string} url
 * @param {number} [timeoutMs]
 */
export async function waitForOk(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

const LOGIN = `mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { id } }`;

/**
 * Signs in through the GraphQL API and returns the `cookie` header value to send back.
 * @param {string} baseUrl
 * @param {{ email: string; password: string }} account
 */
export async function login(baseUrl, account) {
  const res = await postJson(`${baseUrl}/graphql`, { query: LOGIN, variables: account });
  if (res.status !== 200 || !res.json?.data?.login?.id || res.json.errors) {
    throw new Error(`login as ${account.email} failed: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  }
  const session = res.headers.getSetCookie().find((c) => c.startsWith("maillage_session="));
  if (!session) throw new Error(`login as ${account.email} answered no maillage_session cookie`);
  return session.split(";")[0] ?? "";
}
