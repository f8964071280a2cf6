import { Inject, Injectable, Logger, type OnApplicationShutdown } from "@nestjs/common";
import nodemailer, { type Transporter } from "nodemailer";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";

export type MailMessage = {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
};

/**
 * Sends e-mail through the SMTP server of SMTP_URL (nodemailer; STARTTLS when the server offers it,
 * smtps:// for implicit TLS). Without SMTP_URL, e-mail is off: callers check `enabled`.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger("Mailer");
  private readonly transport: Transporter | null;
  private saidDisabled = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Creating the transport opens no connection (schema emission boots without network).
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Logs, once per process, that e-mails are not sent. */
  noteDisabled(what: string): void {
    if (this.saidDisabled) return;
    this.saidDisabled = true;
    this.logger.warn(`${what} disabled: SMTP_URL is not set`);
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) throw new Error("e-mail is not configured (SMTP_URL)");
    await this.transport.sendMail({ from: this.config.mailFrom, ...message });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
