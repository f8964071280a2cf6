import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";
import {
  PROFESSION_LABELS,
  PROFESSIONS,
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
  type MilestoneFieldType,
  type MilestoneStatus,
  type Profession,
  type TeamRole,
} from "@maillage/domain";

import { ProjectStageEnum, ProjectStatusEnum } from "../../../common/enums.js";

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const MILESTONE_STATUSES = ["MISSING", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const satisfies readonly MilestoneStatus[];
export const SUBMISSION_STATUSES = ["SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const;
export const REVIEW_DECISIONS = ["APPROVE", "REQUEST_CHANGES"] as const;
export const FIELD_TYPES = ["DATE", "BOOLEAN", "TEXT", "NUMBER", "FINESS"] as const satisfies readonly MilestoneFieldType[];

export const MilestoneStatusEnum = asEnum(MILESTONE_STATUSES);
export const SubmissionStatusEnum = asEnum(SUBMISSION_STATUSES);
export const ReviewDecisionEnum = asEnum(REVIEW_DECISIONS);
export const MilestoneFieldTypeEnum = asEnum(FIELD_TYPES);
export const ProfessionEnum = asEnum(PROFESSIONS);
export const TeamRoleEnum = asEnum(TEAM_ROLES);

registerEnumType(MilestoneStatusEnum, {
  name: "MilestoneStatus",
  valuesMap: {
    MISSING: { description: "À déposer" },
    SUBMITTED: { description: "En attente de relecture" },
    APPROVED: { description: "Validé" },
    CHANGES_REQUESTED: { description: "Modifications demandées" },
  },
});
registerEnumType(SubmissionStatusEnum, { name: "SubmissionStatus" });
registerEnumType(ReviewDecisionEnum, { name: "ReviewDecision" });
registerEnumType(MilestoneFieldTypeEnum, { name: "MilestoneFieldType" });
registerEnumType(ProfessionEnum, {
  name: "Profession",
  valuesMap: Object.fromEntries(PROFESSIONS.map((p) => [p, { description: PROFESSION_LABELS[p] }])),
});
registerEnumType(TeamRoleEnum, {
  name: "TeamRole",
  valuesMap: Object.fromEntries(TEAM_ROLES.map((r) => [r, { description: TEAM_ROLE_LABELS[r] }])),
});

@ObjectType("Person", { description: "A user as shown in a project's history." })
export class PersonModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType("StageState", { description: "One stage of a project: its dates, or not applicable." })
export class StageStateModel {
  @Field(() => ProjectStageEnum)
  stage: string;

  @Field()
  label: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  completedAt: Date | null;

  @Field()
  notApplicable: boolean;

  @Field(() => String, { nullable: true })
  notApplicableReason: string | null;

  @Field({ description: "The project's current (derived) stage." })
  isCurrent: boolean;

  @Field({ description: "Whether the stage may be marked not applicable (e.g. no premises for a multi-site MSP)." })
  canBeNotApplicable: boolean;
}

@ObjectType("MilestoneField", { description: "A form field of a milestone (e.g. the signature date of the CPOM)." })
export class MilestoneFieldModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => MilestoneFieldTypeEnum)
  type: string;

  @Field()
  required: boolean;
}

@ObjectType("FieldValue")
export class FieldValueModel {
  @Field()
  key: string;

  @Field()
  value: string;
}

@ObjectType("StoredFile", { description: "An uploaded document (download: GET /files/{id})." })
export class StoredFileModel {
  @Field(() => ID)
  id: string;

  @Field()
  originalName: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  size: number;

  @Field()
  sha256: string;

  @Field({ description: "Where to download it (same origin, with the session cookie)." })
  url: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType("Submission", { description: "A milestone submitted by the MSP team (documents + fields), and its review." })
export class SubmissionModel {
  @Field(() => ID)
  id: string;

  @Field()
  milestoneKey: string;

  @Field()
  milestoneLabel: string;

  @Field(() => SubmissionStatusEnum)
  status: string;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => [FieldValueModel])
  fields: FieldValueModel[];

  @Field(() => PersonModel, { nullable: true })
  author: PersonModel | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => PersonModel, { nullable: true })
  reviewer: PersonModel | null;

  @Field(() => String, { nullable: true })
  reviewComment: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => [StoredFileModel])
  files: StoredFileModel[];
}

@ObjectType("ChecklistItem", { description: "A milestone of a stage's checklist and where the project stands on it." })
export class ChecklistItemModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ProjectStageEnum)
  stage: string;

  @Field()
  required: boolean;

  @Field({ description: "Added by the federation (not in the default catalogue)." })
  isCustom: boolean;

  @Field(() => MilestoneStatusEnum)
  status: string;

  @Field(() => [MilestoneFieldModel])
  fields: MilestoneFieldModel[];

  @Field(() => SubmissionModel, { nullable: true })
  lastSubmission: SubmissionModel | null;
}

@ObjectType("MilestoneProgress")
export class MilestoneProgressModel {
  @Field(() => Int, { description: "Required milestones of the current stage that are approved." })
  approved: number;

  @Field(() => Int, { description: "Required milestones of the current stage." })
  required: number;
}

@ObjectType("TeamMember", { description: "A professional of the project's team." })
export class TeamMemberModel {
  @Field(() => ID)
  id: string;

  @Field()
  fullName: string;

  @Field(() => ProfessionEnum)
  profession: Profession;

  @Field(() => String, { nullable: true, description: "RPPS number (11 digits)." })
  rpps: string | null;

  @Field(() => String, { nullable: true, description: "ADELI number (9 characters)." })
  adeli: string | null;

  @Field(() => TeamRoleEnum)
  role: TeamRole;

  @Field({ description: "Associate of the SISA." })
  isAssociate: boolean;

  @Field({ description: "ISO date (yyyy-mm-dd)." })
  joinedAt: string;

  @Field(() => String, { nullable: true, description: "ISO date (yyyy-mm-dd) when the professional left." })
  leftAt: string | null;
}

@ObjectType("TimelineEvent", { description: "An event of the project's history (from the append-only audit log)." })
export class TimelineEventModel {
  @Field(() => ID)
  id: string;

  @Field({ description: "Machine-readable action, e.g. project.stage, milestone.review." })
  action: string;

  @Field({ description: "What happened, in French." })
  label: string;

  @Field(() => String, { nullable: true, description: "Details in French (stage names, milestone, comment)." })
  detail: string | null;

  @Field(() => PersonModel, { nullable: true })
  actor: PersonModel | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType("MilestoneDefinition", { description: "A milestone of the federation's catalogue (default or added by the federation)." })
export class MilestoneDefinitionModel {
  @Field()
  key: string;

  @Field(() => ProjectStageEnum)
  stage: string;

  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field()
  required: boolean;

  @Field()
  isCustom: boolean;

  @Field(() => [MilestoneFieldModel])
  fields: MilestoneFieldModel[];
}

@ObjectType("BoardCard", { description: "A project on the pipeline board." })
export class BoardCardModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  communeName: string;

  @Field()
  departementCode: string;

  @Field(() => ProjectStatusEnum)
  status: string;

  @Field(() => String, { nullable: true })
  chargeName: string | null;

  @Field(() => MilestoneProgressModel)
  milestoneProgress: MilestoneProgressModel;

  @Field(() => GraphQLISODateTime)
  stageEnteredAt: Date;

  @Field(() => GraphQLISODateTime)
  lastActivityAt: Date;
}

@ObjectType("BoardColumn", { description: "One stage of the board, in lifecycle order." })
export class BoardColumnModel {
  @Field(() => ProjectStageEnum)
  stage: string;

  @Field()
  label: string;

  @Field(() => Int)
  count: number;

  @Field(() => [BoardCardModel])
  projects: BoardCardModel[];
}
