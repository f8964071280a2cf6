import type { TeamMemberSnapshot } from "@maillage/domain";
import type { TeamMemberRowFragment } from "../../../gql/graphql";

const dayStart = (isoDay: string): Date => new Date(`${isoDay}T00:00:00Z`);

/** The domain's view of a member (dates typed `yyyy-mm-dd` are midnight UTC, as in the API). */
export function toTeamSnapshot(member: TeamMemberRowFragment): TeamMemberSnapshot {
  return {
    profession: member.profession,
    role: member.role,
    isAssociate: member.isAssociate,
    joinedAt: dayStart(member.joinedAt),
    leftAt: member.leftAt ? dayStart(member.leftAt) : null,
  };
}

/** Whether the member has left at `now` (`leftAt` is their first day of absence; a future date is announced). */
export function hasLeft(member: TeamMemberRowFragment, now: Date = new Date()): boolean {
  return member.leftAt !== null && dayStart(member.leftAt).getTime() <= now.getTime();
}
