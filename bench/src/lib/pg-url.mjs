/** PostgreSQL URL helpers, free of heavy imports (the raw-SQL floor server uses them too). */

/** The URL with its password hidden, for messages. @param {string} url */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Discrete connection fields from a URL (what the API's own parser does: `connection_limit` and `schema`
 * are Prisma parameters, not pg ones). Also used by the raw-SQL floor server.
 * @param {string} url
 */
export function connectionConfig(url) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
}

/** The API's pool size for a URL: pg's default (10) unless the URL sets `connection_limit`. @param {string} url */
export function apiPoolSize(url) {
  const limit = Number(new URL(url).searchParams.get("connection_limit"));
  return Number.isInteger(limit) && limit > 0 ? limit : 10;
}
