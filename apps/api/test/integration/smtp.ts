/**
 * A real SMTP server for the tests that send e-mail (smtp-server, on a free local port): it keeps every message it
 * receives, decoded (subject, plain text). Authentication is optional; when given, only digest / s3cret passes.
 */
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string; subject: string; text: string; user: string | undefined };

/** Decodes quoted-printable (RFC 2045) to UTF-8 text. */
const decodeQuotedPrintable = (s: string) =>
  Buffer.from(s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) of a header. */
const decodeHeader = (s: string) =>
  s
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );

/** The text/plain part of a MIME message, decoded. */
function plainText(raw: string): string {
  const match = /Content-Type: text\/plain[^]*?\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([^]*?)\r?\n--/i.exec(raw);
  if (!match) throw new Error(`no text/plain part in:\n${raw}`);
  const [, encoding, body] = match;
  if (/quoted-printable/i.test(encoding!)) return decodeQuotedPrintable(body!);
  if (/base64/i.test(encoding!)) return Buffer.from(body!, "base64").toString("utf8");
  return body!;
}

/** A real SMTP server on a free port that keeps what it receives (login optional; checks the password when given). */
export async function startSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "digest" && auth.password === "s3cret") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? "";
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeHeader(subject),
          text: plainText(raw),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
