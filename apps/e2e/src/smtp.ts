/**
 * A real SMTP server for the browser tests that read e-mail (smtp-server on a free local port, no authentication,
 * no TLS): it keeps every message the product sends, with its recipients and its decoded plain text.
 */
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; text: string };

export type TestSmtp = {
  /** smtp://127.0.0.1:<port>, for the product's SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The first message to `to` received after the `after` first ones, waiting for it (e-mails leave in the background). */
  waitForMail: (to: string, options?: { after?: number; timeoutMs?: number }) => Promise<ReceivedMail>;
  close: () => Promise<void>;
};

/** Quoted-printable (RFC 2045) to UTF-8 text. */
const decodeQuotedPrintable = (s: string) =>
  Buffer.from(s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) of a header. */
const decodeHeader = (s: string) =>
  s
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );

/** The text/plain part of a MIME message (multipart or not), decoded. */
function plainText(raw: string): string {
  const match = /Content-Type: text\/plain[^]*?\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw);
  if (!match) return raw;
  const [, encoding = "", body = ""] = match;
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body);
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? "";
        received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: decodeHeader(subject), text: plainText(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  async function waitForMail(to: string, { after = 0, timeoutMs = 15_000 } = {}): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.slice(after).find((m) => m.to.includes(to.toLowerCase()));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within ${timeoutMs} ms (received: ${received.map((m) => m.to.join(",")).join("; ") || "none"})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitForMail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
