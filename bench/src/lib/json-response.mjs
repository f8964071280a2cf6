/** JSON answers of the raw-SQL floor servers (bench/src/servers). */
import http from "node:http";

/** @param {http.ServerResponse} res @param {number} status @param {unknown} body */
export function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
