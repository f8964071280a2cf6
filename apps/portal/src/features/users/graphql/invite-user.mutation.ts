import { graphql } from "../../../gql";

/** Invites someone into the federation with a role (and their MSP for an MSP member). */
export const INVITE_USER = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ...InvitationResult
    }
  }
`);
