import { Int, Mutation, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { DigestService } from "./digest.service.js";

@Resolver()
export class DigestResolver {
  constructor(private readonly digests: DigestService) {}

  @Mutation(() => Int, {
    description:
      "Sends today's e-mail digest of open alerts to the staff of the admin's federation who have not had it today (federation admins); returns how many e-mails went out (0 when e-mail is not configured).",
  })
  sendAlertDigests(@CurrentActor() actor: Actor): Promise<number> {
    return this.digests.sendFor(actor);
  }
}
