import { Module } from "@nestjs/common";

import { DigestRepository } from "./digest.repository.js";
import { DigestResolver } from "./digest.resolver.js";
import { DigestService } from "./digest.service.js";
import { MailerService } from "./mailer.service.js";

/** E-mail (nodemailer over SMTP_URL) and the daily digests of open alerts. */
@Module({
  providers: [MailerService, DigestRepository, DigestService, DigestResolver],
  exports: [DigestService, MailerService],
})
export class NotificationsModule {}
