/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n": typeof types.RevokeMySessionDocument,
    "\n  query Alerts($filter: AlertFilter, $first: Int!, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          kind\n          kindLabel\n          message\n          dueAt\n          createdAt\n          resolvedAt\n          project {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  query OpenAlertCount {\n    alerts(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.OpenAlertCountDocument,
    "\n  mutation RefreshAlerts {\n    refreshAlerts {\n      opened\n      resolved\n      updated\n    }\n  }\n": typeof types.RefreshAlertsDocument,
    "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenRowFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenRow\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  query Board($filter: ProjectFilter) {\n    board(filter: $filter) {\n      stage\n      label\n      count\n      projects {\n        id\n        name\n        communeName\n        departementCode\n        chargeName\n        status\n        stageEnteredAt\n        lastActivityAt\n        milestoneProgress {\n          approved\n          required\n        }\n      }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  query ResultsDashboard($filter: ResultsDashboardFilter) {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    resultsDashboard(filter: $filter) {\n      illustrative\n      availableYears\n      totals {\n        mspCount\n        periodCount\n        departementCount\n        computedEur\n        receivedEur\n      }\n      byYear {\n        year\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        q1PerPatientEur\n        medianPerPatientEur\n        q3PerPatientEur\n        receivedEur\n        receivedCount\n      }\n      byDepartement {\n        departementCode\n        departementName\n        mspCount\n        patients\n        aciEur\n        pepsEur\n        ipepEur\n        totalEur\n      }\n      bySizeBand {\n        sizeBand\n        sizeBandLabel\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      byExperiment {\n        year\n        experiment\n        mspCount\n        patients\n        aciEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      pepsVsFeeForService {\n        years {\n          year\n          mspCount\n          patients\n          forfaitEur\n          feeForServiceEur\n          ratio\n          illustrative\n        }\n        points {\n          projectId\n          projectName\n          departementCode\n          year\n          patients\n          forfaitEur\n          feeForServiceEur\n          illustrative\n        }\n      }\n      aciIndicators {\n        year\n        code\n        label\n        mspCount\n        achievedCount\n        achievedShare\n      }\n    }\n  }\n": typeof types.ResultsDashboardDocument,
    "\n  fragment AuditEventRow on AuditEvent {\n    id\n    createdAt\n    action\n    label\n    actor {\n      id\n      displayName\n      email\n    }\n    summary\n  }\n": typeof types.AuditEventRowFragmentDoc,
    "\n  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query JournalPeople {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.JournalPeopleDocument,
    "\n  mutation AddMilestoneDefinition($input: AddMilestoneDefinitionInput!) {\n    addMilestoneDefinition(input: $input) {\n      ...MilestoneDefinitionRow\n    }\n  }\n": typeof types.AddMilestoneDefinitionDocument,
    "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation AdvanceProjectStage($input: AdvanceProjectStageInput!) {\n    advanceProjectStage(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n": typeof types.AdvanceProjectStageDocument,
    "\n  fragment ChecklistItemDetails on ChecklistItem {\n    key\n    label\n    description\n    stage\n    required\n    isCustom\n    status\n    fields {\n      key\n      label\n      type\n      required\n    }\n    lastSubmission {\n      ...SubmissionDetails\n    }\n  }\n": typeof types.ChecklistItemDetailsFragmentDoc,
    "\n  query MilestoneCatalogue {\n    milestoneCatalogue {\n      ...MilestoneDefinitionRow\n    }\n  }\n": typeof types.MilestoneCatalogueDocument,
    "\n  fragment MilestoneDefinitionRow on MilestoneDefinition {\n    key\n    stage\n    label\n    description\n    required\n    isCustom\n    fields {\n      key\n      label\n      type\n      required\n    }\n  }\n": typeof types.MilestoneDefinitionRowFragmentDoc,
    "\n  query ProjectChecklist($id: ID!, $stage: ProjectStage!) {\n    project(id: $id) {\n      id\n      checklist(stage: $stage) {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n": typeof types.ProjectChecklistDocument,
    "\n  query ProjectNextSteps($id: ID!) {\n    project(id: $id) {\n      id\n      stage\n      nextSteps {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n": typeof types.ProjectNextStepsDocument,
    "\n  query ProjectStageStates($id: ID!) {\n    project(id: $id) {\n      ...ProjectStages\n    }\n  }\n": typeof types.ProjectStageStatesDocument,
    "\n  query ProjectTeam($id: ID!) {\n    project(id: $id) {\n      id\n      team {\n        ...TeamMemberRow\n      }\n    }\n  }\n": typeof types.ProjectTeamDocument,
    "\n  query ProjectTimeline($id: ID!, $first: Int!) {\n    project(id: $id) {\n      id\n      timeline(first: $first) {\n        id\n        action\n        label\n        detail\n        createdAt\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ProjectTimelineDocument,
    "\n  mutation ReviewMilestone($input: ReviewMilestoneInput!) {\n    reviewMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n": typeof types.ReviewMilestoneDocument,
    "\n  mutation SetStageApplicability($input: SetStageApplicabilityInput!) {\n    setStageApplicability(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n": typeof types.SetStageApplicabilityDocument,
    "\n  fragment ProjectStages on Project {\n    id\n    stage\n    status\n    stageEnteredAt\n    milestoneProgress {\n      approved\n      required\n    }\n    stageStates {\n      stage\n      label\n      isCurrent\n      startedAt\n      completedAt\n      notApplicable\n      notApplicableReason\n      canBeNotApplicable\n    }\n  }\n": typeof types.ProjectStagesFragmentDoc,
    "\n  fragment SubmissionDetails on Submission {\n    id\n    milestoneKey\n    milestoneLabel\n    status\n    comment\n    createdAt\n    author {\n      id\n      displayName\n    }\n    fields {\n      key\n      value\n    }\n    files {\n      id\n      originalName\n      size\n      contentType\n      url\n    }\n    reviewer {\n      id\n      displayName\n    }\n    reviewComment\n    reviewedAt\n  }\n": typeof types.SubmissionDetailsFragmentDoc,
    "\n  mutation SubmitMilestone($input: SubmitMilestoneInput!) {\n    submitMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n": typeof types.SubmitMilestoneDocument,
    "\n  fragment TeamMemberRow on TeamMember {\n    id\n    fullName\n    profession\n    rpps\n    adeli\n    role\n    isAssociate\n    joinedAt\n    leftAt\n  }\n": typeof types.TeamMemberRowFragmentDoc,
    "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n": typeof types.UpdateTeamMemberDocument,
    "\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n": typeof types.CommunesDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    statusReason\n    legalForm\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n": typeof types.ProjectDetailsFragmentDoc,
    "\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.ProjectFilterOptionsDocument,
    "\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n": typeof types.ProjectRowFragmentDoc,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n": typeof types.ProjectDocument,
    "\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.StaffDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  mutation UpdateAciIndicator($input: UpdateAciIndicatorInput!) {\n    updateAciIndicator(input: $input) {\n      code\n      source\n      indicators {\n        ...AciIndicatorRow\n      }\n    }\n  }\n": typeof types.UpdateAciIndicatorDocument,
    "\n  query ResearchAggregate($input: ResearchAggregateInput!) {\n    researchAggregate(input: $input) {\n      queryId\n      measure\n      measureLabel\n      unit\n      groupBy\n      cells {\n        coordinates {\n          dimension\n          value\n          label\n        }\n        value\n        suppressed\n        reason\n        reasonLabel\n      }\n      cellCount\n      suppressedCount\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      noise {\n        mechanism\n        epsilon\n      }\n      perturbation {\n        method\n        description\n        maxRelativeErrorPercent\n        countBase\n      }\n      cached\n      dataVersion\n      methodology\n    }\n  }\n": typeof types.ResearchAggregateDocument,
    "\n  query ResearchBudget {\n    researchBudget {\n      mode\n      epsilonTotal\n      epsilonSpent\n      epsilonRemaining\n      epsilonPerQuery\n    }\n  }\n": typeof types.ResearchBudgetDocument,
    "\n  query ResearchCatalog {\n    researchCatalog {\n      measures {\n        id\n        label\n        unit\n        needsIndicator\n      }\n      dimensions {\n        id\n        label\n        categories {\n          value\n          label\n        }\n      }\n      indicators {\n        code\n        label\n        programme\n      }\n    }\n  }\n": typeof types.ResearchCatalogDocument,
    "\n  query ResearchQueries($first: Int, $after: String) {\n    researchQueries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          measure\n          groupBy\n          filters\n          indicatorCode\n          cellsReturned\n          cellsSuppressed\n          epsilon\n        }\n      }\n    }\n  }\n": typeof types.ResearchQueriesDocument,
    "\n  query ResearchSettings {\n    researchSettings {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n": typeof types.ResearchSettingsDocument,
    "\n  mutation UpdateResearchSettings($input: UpdateResearchSettingsInput!) {\n    updateResearchSettings(input: $input) {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n": typeof types.UpdateResearchSettingsDocument,
    "\n  fragment ResearchThresholdValues on ResearchThresholds {\n    minPatients\n    minContributors\n    dominanceShare\n    minRateNumerator\n    minRateDenominator\n    minProfessionals\n    protectionPercent\n  }\n": typeof types.ResearchThresholdValuesFragmentDoc,
    "\n  mutation SubmitResultPeriod($input: PeriodDecisionInput!) {\n    submitResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": typeof types.SubmitResultPeriodDocument,
    "\n  mutation ApproveResultPeriod($input: PeriodDecisionInput!) {\n    approveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": typeof types.ApproveResultPeriodDocument,
    "\n  mutation ReturnResultPeriod($input: PeriodDecisionInput!) {\n    returnResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": typeof types.ReturnResultPeriodDocument,
    "\n  mutation UnlockResultPeriod($input: PeriodDecisionInput!) {\n    unlockResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": typeof types.UnlockResultPeriodDocument,
    "\n  query ProjectResultPeriods($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      name\n    }\n    resultPeriods(projectId: $projectId) {\n      ...ResultPeriodDetails\n    }\n  }\n": typeof types.ProjectResultPeriodsDocument,
    "\n  fragment ResultPeriodDetails on ResultPeriod {\n    id\n    projectId\n    programme\n    year\n    status\n    inputs\n    ruleSetId\n    returnComment\n    submittedAt\n    approvedAt\n    updatedAt\n    project {\n      id\n      name\n    }\n    summary {\n      referenceId\n      illustrative\n      patients\n      computedEur\n      perPatientEur\n      receivedEur\n      feeForServiceEquivalentEur\n      score\n    }\n    calendar {\n      status\n      statusLabel\n      evidenceDueAt\n    }\n    validationErrors {\n      field\n      code\n      message\n    }\n  }\n": typeof types.ResultPeriodDetailsFragmentDoc,
    "\n  query ResultPeriodsForReview($status: PeriodStatus, $first: Int, $after: String) {\n    resultPeriodsForReview(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ResultPeriodDetails\n        }\n      }\n    }\n  }\n": typeof types.ResultPeriodsForReviewDocument,
    "\n  query ResultsReferenceData {\n    resultsReferenceData {\n      pepsTables {\n        code\n        label\n        illustrative\n        basePerPatientEur\n        ageBands {\n          band\n          minAge\n          maxAge\n          coefficient\n        }\n        sexCoefficients {\n          F\n          M\n        }\n        aldCoefficients {\n          count\n          coefficient\n        }\n        precariteCoefficient\n        qualityBonusMaxRate\n        feeForServiceCapRate\n        source\n        importedAt\n      }\n      aciRuleSets {\n        code\n        label\n        validFrom\n        pointValueEur\n        referencePatients\n        source\n        indicators {\n          ...AciIndicatorRow\n        }\n      }\n      ipepParameters {\n        code\n        cEcart\n        cEvolution\n        shareOfSavings\n        patientExperienceMaxPoints\n        modulation {\n          kind\n          maxScore\n          minimumScore\n        }\n        source\n      }\n    }\n  }\n": typeof types.ResultsReferenceDataDocument,
    "\n  fragment AciIndicatorRow on AciIndicator {\n    code\n    label\n    axis\n    type\n    fixedPoints\n    variablePointsPer4000\n    maxUnits\n    flag\n    source\n    edited\n    verifiedAt\n    verifiedByName\n  }\n": typeof types.AciIndicatorRowFragmentDoc,
    "\n  mutation SaveResultPeriod($input: SaveResultPeriodInput!) {\n    saveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": typeof types.SaveResultPeriodDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  fragment InvitationResult on Invitation {\n    emailSent\n    invitationLink\n    user {\n      ...ManagedUserRow\n    }\n  }\n": typeof types.InvitationResultFragmentDoc,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationResult\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  fragment ManagedUserRow on ManagedUser {\n    id\n    email\n    displayName\n    role\n    roleLabel\n    mspProject {\n      id\n      name\n    }\n    status\n    createdAt\n    disabledAt\n    lastLoginAt\n  }\n": typeof types.ManagedUserRowFragmentDoc,
    "\n  query MspProjectOptions($filter: ProjectFilter, $first: Int!) {\n    projects(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          communeName\n        }\n      }\n    }\n  }\n": typeof types.MspProjectOptionsDocument,
    "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...InvitationResult\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query Users($filter: UsersFilterInput) {\n    users(filter: $filter) {\n      ...ManagedUserRow\n    }\n  }\n": typeof types.UsersDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n": types.RevokeMySessionDocument,
    "\n  query Alerts($filter: AlertFilter, $first: Int!, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          kind\n          kindLabel\n          message\n          dueAt\n          createdAt\n          resolvedAt\n          project {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  query OpenAlertCount {\n    alerts(first: 1) {\n      totalCount\n    }\n  }\n": types.OpenAlertCountDocument,
    "\n  mutation RefreshAlerts {\n    refreshAlerts {\n      opened\n      resolved\n      updated\n    }\n  }\n": types.RefreshAlertsDocument,
    "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenRowFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenRow\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Board($filter: ProjectFilter) {\n    board(filter: $filter) {\n      stage\n      label\n      count\n      projects {\n        id\n        name\n        communeName\n        departementCode\n        chargeName\n        status\n        stageEnteredAt\n        lastActivityAt\n        milestoneProgress {\n          approved\n          required\n        }\n      }\n    }\n  }\n": types.BoardDocument,
    "\n  query ResultsDashboard($filter: ResultsDashboardFilter) {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    resultsDashboard(filter: $filter) {\n      illustrative\n      availableYears\n      totals {\n        mspCount\n        periodCount\n        departementCount\n        computedEur\n        receivedEur\n      }\n      byYear {\n        year\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        q1PerPatientEur\n        medianPerPatientEur\n        q3PerPatientEur\n        receivedEur\n        receivedCount\n      }\n      byDepartement {\n        departementCode\n        departementName\n        mspCount\n        patients\n        aciEur\n        pepsEur\n        ipepEur\n        totalEur\n      }\n      bySizeBand {\n        sizeBand\n        sizeBandLabel\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      byExperiment {\n        year\n        experiment\n        mspCount\n        patients\n        aciEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      pepsVsFeeForService {\n        years {\n          year\n          mspCount\n          patients\n          forfaitEur\n          feeForServiceEur\n          ratio\n          illustrative\n        }\n        points {\n          projectId\n          projectName\n          departementCode\n          year\n          patients\n          forfaitEur\n          feeForServiceEur\n          illustrative\n        }\n      }\n      aciIndicators {\n        year\n        code\n        label\n        mspCount\n        achievedCount\n        achievedShare\n      }\n    }\n  }\n": types.ResultsDashboardDocument,
    "\n  fragment AuditEventRow on AuditEvent {\n    id\n    createdAt\n    action\n    label\n    actor {\n      id\n      displayName\n      email\n    }\n    summary\n  }\n": types.AuditEventRowFragmentDoc,
    "\n  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query JournalPeople {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n": types.JournalPeopleDocument,
    "\n  mutation AddMilestoneDefinition($input: AddMilestoneDefinitionInput!) {\n    addMilestoneDefinition(input: $input) {\n      ...MilestoneDefinitionRow\n    }\n  }\n": types.AddMilestoneDefinitionDocument,
    "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation AdvanceProjectStage($input: AdvanceProjectStageInput!) {\n    advanceProjectStage(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n": types.AdvanceProjectStageDocument,
    "\n  fragment ChecklistItemDetails on ChecklistItem {\n    key\n    label\n    description\n    stage\n    required\n    isCustom\n    status\n    fields {\n      key\n      label\n      type\n      required\n    }\n    lastSubmission {\n      ...SubmissionDetails\n    }\n  }\n": types.ChecklistItemDetailsFragmentDoc,
    "\n  query MilestoneCatalogue {\n    milestoneCatalogue {\n      ...MilestoneDefinitionRow\n    }\n  }\n": types.MilestoneCatalogueDocument,
    "\n  fragment MilestoneDefinitionRow on MilestoneDefinition {\n    key\n    stage\n    label\n    description\n    required\n    isCustom\n    fields {\n      key\n      label\n      type\n      required\n    }\n  }\n": types.MilestoneDefinitionRowFragmentDoc,
    "\n  query ProjectChecklist($id: ID!, $stage: ProjectStage!) {\n    project(id: $id) {\n      id\n      checklist(stage: $stage) {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n": types.ProjectChecklistDocument,
    "\n  query ProjectNextSteps($id: ID!) {\n    project(id: $id) {\n      id\n      stage\n      nextSteps {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n": types.ProjectNextStepsDocument,
    "\n  query ProjectStageStates($id: ID!) {\n    project(id: $id) {\n      ...ProjectStages\n    }\n  }\n": types.ProjectStageStatesDocument,
    "\n  query ProjectTeam($id: ID!) {\n    project(id: $id) {\n      id\n      team {\n        ...TeamMemberRow\n      }\n    }\n  }\n": types.ProjectTeamDocument,
    "\n  query ProjectTimeline($id: ID!, $first: Int!) {\n    project(id: $id) {\n      id\n      timeline(first: $first) {\n        id\n        action\n        label\n        detail\n        createdAt\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ProjectTimelineDocument,
    "\n  mutation ReviewMilestone($input: ReviewMilestoneInput!) {\n    reviewMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n": types.ReviewMilestoneDocument,
    "\n  mutation SetStageApplicability($input: SetStageApplicabilityInput!) {\n    setStageApplicability(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n": types.SetStageApplicabilityDocument,
    "\n  fragment ProjectStages on Project {\n    id\n    stage\n    status\n    stageEnteredAt\n    milestoneProgress {\n      approved\n      required\n    }\n    stageStates {\n      stage\n      label\n      isCurrent\n      startedAt\n      completedAt\n      notApplicable\n      notApplicableReason\n      canBeNotApplicable\n    }\n  }\n": types.ProjectStagesFragmentDoc,
    "\n  fragment SubmissionDetails on Submission {\n    id\n    milestoneKey\n    milestoneLabel\n    status\n    comment\n    createdAt\n    author {\n      id\n      displayName\n    }\n    fields {\n      key\n      value\n    }\n    files {\n      id\n      originalName\n      size\n      contentType\n      url\n    }\n    reviewer {\n      id\n      displayName\n    }\n    reviewComment\n    reviewedAt\n  }\n": types.SubmissionDetailsFragmentDoc,
    "\n  mutation SubmitMilestone($input: SubmitMilestoneInput!) {\n    submitMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n": types.SubmitMilestoneDocument,
    "\n  fragment TeamMemberRow on TeamMember {\n    id\n    fullName\n    profession\n    rpps\n    adeli\n    role\n    isAssociate\n    joinedAt\n    leftAt\n  }\n": types.TeamMemberRowFragmentDoc,
    "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n": types.UpdateTeamMemberDocument,
    "\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n": types.CommunesDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": types.CreateProjectDocument,
    "\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    statusReason\n    legalForm\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n": types.ProjectDetailsFragmentDoc,
    "\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": types.ProjectFilterOptionsDocument,
    "\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n": types.ProjectRowFragmentDoc,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n": types.ProjectDocument,
    "\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n": types.ProjectsDocument,
    "\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": types.StaffDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  mutation UpdateAciIndicator($input: UpdateAciIndicatorInput!) {\n    updateAciIndicator(input: $input) {\n      code\n      source\n      indicators {\n        ...AciIndicatorRow\n      }\n    }\n  }\n": types.UpdateAciIndicatorDocument,
    "\n  query ResearchAggregate($input: ResearchAggregateInput!) {\n    researchAggregate(input: $input) {\n      queryId\n      measure\n      measureLabel\n      unit\n      groupBy\n      cells {\n        coordinates {\n          dimension\n          value\n          label\n        }\n        value\n        suppressed\n        reason\n        reasonLabel\n      }\n      cellCount\n      suppressedCount\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      noise {\n        mechanism\n        epsilon\n      }\n      perturbation {\n        method\n        description\n        maxRelativeErrorPercent\n        countBase\n      }\n      cached\n      dataVersion\n      methodology\n    }\n  }\n": types.ResearchAggregateDocument,
    "\n  query ResearchBudget {\n    researchBudget {\n      mode\n      epsilonTotal\n      epsilonSpent\n      epsilonRemaining\n      epsilonPerQuery\n    }\n  }\n": types.ResearchBudgetDocument,
    "\n  query ResearchCatalog {\n    researchCatalog {\n      measures {\n        id\n        label\n        unit\n        needsIndicator\n      }\n      dimensions {\n        id\n        label\n        categories {\n          value\n          label\n        }\n      }\n      indicators {\n        code\n        label\n        programme\n      }\n    }\n  }\n": types.ResearchCatalogDocument,
    "\n  query ResearchQueries($first: Int, $after: String) {\n    researchQueries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          measure\n          groupBy\n          filters\n          indicatorCode\n          cellsReturned\n          cellsSuppressed\n          epsilon\n        }\n      }\n    }\n  }\n": types.ResearchQueriesDocument,
    "\n  query ResearchSettings {\n    researchSettings {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n": types.ResearchSettingsDocument,
    "\n  mutation UpdateResearchSettings($input: UpdateResearchSettingsInput!) {\n    updateResearchSettings(input: $input) {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n": types.UpdateResearchSettingsDocument,
    "\n  fragment ResearchThresholdValues on ResearchThresholds {\n    minPatients\n    minContributors\n    dominanceShare\n    minRateNumerator\n    minRateDenominator\n    minProfessionals\n    protectionPercent\n  }\n": types.ResearchThresholdValuesFragmentDoc,
    "\n  mutation SubmitResultPeriod($input: PeriodDecisionInput!) {\n    submitResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": types.SubmitResultPeriodDocument,
    "\n  mutation ApproveResultPeriod($input: PeriodDecisionInput!) {\n    approveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": types.ApproveResultPeriodDocument,
    "\n  mutation ReturnResultPeriod($input: PeriodDecisionInput!) {\n    returnResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": types.ReturnResultPeriodDocument,
    "\n  mutation UnlockResultPeriod($input: PeriodDecisionInput!) {\n    unlockResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": types.UnlockResultPeriodDocument,
    "\n  query ProjectResultPeriods($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      name\n    }\n    resultPeriods(projectId: $projectId) {\n      ...ResultPeriodDetails\n    }\n  }\n": types.ProjectResultPeriodsDocument,
    "\n  fragment ResultPeriodDetails on ResultPeriod {\n    id\n    projectId\n    programme\n    year\n    status\n    inputs\n    ruleSetId\n    returnComment\n    submittedAt\n    approvedAt\n    updatedAt\n    project {\n      id\n      name\n    }\n    summary {\n      referenceId\n      illustrative\n      patients\n      computedEur\n      perPatientEur\n      receivedEur\n      feeForServiceEquivalentEur\n      score\n    }\n    calendar {\n      status\n      statusLabel\n      evidenceDueAt\n    }\n    validationErrors {\n      field\n      code\n      message\n    }\n  }\n": types.ResultPeriodDetailsFragmentDoc,
    "\n  query ResultPeriodsForReview($status: PeriodStatus, $first: Int, $after: String) {\n    resultPeriodsForReview(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ResultPeriodDetails\n        }\n      }\n    }\n  }\n": types.ResultPeriodsForReviewDocument,
    "\n  query ResultsReferenceData {\n    resultsReferenceData {\n      pepsTables {\n        code\n        label\n        illustrative\n        basePerPatientEur\n        ageBands {\n          band\n          minAge\n          maxAge\n          coefficient\n        }\n        sexCoefficients {\n          F\n          M\n        }\n        aldCoefficients {\n          count\n          coefficient\n        }\n        precariteCoefficient\n        qualityBonusMaxRate\n        feeForServiceCapRate\n        source\n        importedAt\n      }\n      aciRuleSets {\n        code\n        label\n        validFrom\n        pointValueEur\n        referencePatients\n        source\n        indicators {\n          ...AciIndicatorRow\n        }\n      }\n      ipepParameters {\n        code\n        cEcart\n        cEvolution\n        shareOfSavings\n        patientExperienceMaxPoints\n        modulation {\n          kind\n          maxScore\n          minimumScore\n        }\n        source\n      }\n    }\n  }\n": types.ResultsReferenceDataDocument,
    "\n  fragment AciIndicatorRow on AciIndicator {\n    code\n    label\n    axis\n    type\n    fixedPoints\n    variablePointsPer4000\n    maxUnits\n    flag\n    source\n    edited\n    verifiedAt\n    verifiedByName\n  }\n": types.AciIndicatorRowFragmentDoc,
    "\n  mutation SaveResultPeriod($input: SaveResultPeriodInput!) {\n    saveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n": types.SaveResultPeriodDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  fragment InvitationResult on Invitation {\n    emailSent\n    invitationLink\n    user {\n      ...ManagedUserRow\n    }\n  }\n": types.InvitationResultFragmentDoc,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationResult\n    }\n  }\n": types.InviteUserDocument,
    "\n  fragment ManagedUserRow on ManagedUser {\n    id\n    email\n    displayName\n    role\n    roleLabel\n    mspProject {\n      id\n      name\n    }\n    status\n    createdAt\n    disabledAt\n    lastLoginAt\n  }\n": types.ManagedUserRowFragmentDoc,
    "\n  query MspProjectOptions($filter: ProjectFilter, $first: Int!) {\n    projects(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          communeName\n        }\n      }\n    }\n  }\n": types.MspProjectOptionsDocument,
    "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...InvitationResult\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query Users($filter: UsersFilterInput) {\n    users(filter: $filter) {\n      ...ManagedUserRow\n    }\n  }\n": types.UsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($filter: AlertFilter, $first: Int!, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          kind\n          kindLabel\n          message\n          dueAt\n          createdAt\n          resolvedAt\n          project {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alerts($filter: AlertFilter, $first: Int!, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          kind\n          kindLabel\n          message\n          dueAt\n          createdAt\n          resolvedAt\n          project {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenAlertCount {\n    alerts(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query OpenAlertCount {\n    alerts(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshAlerts {\n    refreshAlerts {\n      opened\n      resolved\n      updated\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshAlerts {\n    refreshAlerts {\n      opened\n      resolved\n      updated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenRow\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($filter: ProjectFilter) {\n    board(filter: $filter) {\n      stage\n      label\n      count\n      projects {\n        id\n        name\n        communeName\n        departementCode\n        chargeName\n        status\n        stageEnteredAt\n        lastActivityAt\n        milestoneProgress {\n          approved\n          required\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Board($filter: ProjectFilter) {\n    board(filter: $filter) {\n      stage\n      label\n      count\n      projects {\n        id\n        name\n        communeName\n        departementCode\n        chargeName\n        status\n        stageEnteredAt\n        lastActivityAt\n        milestoneProgress {\n          approved\n          required\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResultsDashboard($filter: ResultsDashboardFilter) {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    resultsDashboard(filter: $filter) {\n      illustrative\n      availableYears\n      totals {\n        mspCount\n        periodCount\n        departementCount\n        computedEur\n        receivedEur\n      }\n      byYear {\n        year\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        q1PerPatientEur\n        medianPerPatientEur\n        q3PerPatientEur\n        receivedEur\n        receivedCount\n      }\n      byDepartement {\n        departementCode\n        departementName\n        mspCount\n        patients\n        aciEur\n        pepsEur\n        ipepEur\n        totalEur\n      }\n      bySizeBand {\n        sizeBand\n        sizeBandLabel\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      byExperiment {\n        year\n        experiment\n        mspCount\n        patients\n        aciEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      pepsVsFeeForService {\n        years {\n          year\n          mspCount\n          patients\n          forfaitEur\n          feeForServiceEur\n          ratio\n          illustrative\n        }\n        points {\n          projectId\n          projectName\n          departementCode\n          year\n          patients\n          forfaitEur\n          feeForServiceEur\n          illustrative\n        }\n      }\n      aciIndicators {\n        year\n        code\n        label\n        mspCount\n        achievedCount\n        achievedShare\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResultsDashboard($filter: ResultsDashboardFilter) {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    resultsDashboard(filter: $filter) {\n      illustrative\n      availableYears\n      totals {\n        mspCount\n        periodCount\n        departementCount\n        computedEur\n        receivedEur\n      }\n      byYear {\n        year\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        q1PerPatientEur\n        medianPerPatientEur\n        q3PerPatientEur\n        receivedEur\n        receivedCount\n      }\n      byDepartement {\n        departementCode\n        departementName\n        mspCount\n        patients\n        aciEur\n        pepsEur\n        ipepEur\n        totalEur\n      }\n      bySizeBand {\n        sizeBand\n        sizeBandLabel\n        programme\n        mspCount\n        patients\n        computedEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      byExperiment {\n        year\n        experiment\n        mspCount\n        patients\n        aciEur\n        perPatientEur\n        medianPerPatientEur\n      }\n      pepsVsFeeForService {\n        years {\n          year\n          mspCount\n          patients\n          forfaitEur\n          feeForServiceEur\n          ratio\n          illustrative\n        }\n        points {\n          projectId\n          projectName\n          departementCode\n          year\n          patients\n          forfaitEur\n          feeForServiceEur\n          illustrative\n        }\n      }\n      aciIndicators {\n        year\n        code\n        label\n        mspCount\n        achievedCount\n        achievedShare\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventRow on AuditEvent {\n    id\n    createdAt\n    action\n    label\n    actor {\n      id\n      displayName\n      email\n    }\n    summary\n  }\n"): (typeof documents)["\n  fragment AuditEventRow on AuditEvent {\n    id\n    createdAt\n    action\n    label\n    actor {\n      id\n      displayName\n      email\n    }\n    summary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JournalPeople {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  query JournalPeople {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMilestoneDefinition($input: AddMilestoneDefinitionInput!) {\n    addMilestoneDefinition(input: $input) {\n      ...MilestoneDefinitionRow\n    }\n  }\n"): (typeof documents)["\n  mutation AddMilestoneDefinition($input: AddMilestoneDefinitionInput!) {\n    addMilestoneDefinition(input: $input) {\n      ...MilestoneDefinitionRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n"): (typeof documents)["\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceProjectStage($input: AdvanceProjectStageInput!) {\n    advanceProjectStage(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdvanceProjectStage($input: AdvanceProjectStageInput!) {\n    advanceProjectStage(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChecklistItemDetails on ChecklistItem {\n    key\n    label\n    description\n    stage\n    required\n    isCustom\n    status\n    fields {\n      key\n      label\n      type\n      required\n    }\n    lastSubmission {\n      ...SubmissionDetails\n    }\n  }\n"): (typeof documents)["\n  fragment ChecklistItemDetails on ChecklistItem {\n    key\n    label\n    description\n    stage\n    required\n    isCustom\n    status\n    fields {\n      key\n      label\n      type\n      required\n    }\n    lastSubmission {\n      ...SubmissionDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MilestoneCatalogue {\n    milestoneCatalogue {\n      ...MilestoneDefinitionRow\n    }\n  }\n"): (typeof documents)["\n  query MilestoneCatalogue {\n    milestoneCatalogue {\n      ...MilestoneDefinitionRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MilestoneDefinitionRow on MilestoneDefinition {\n    key\n    stage\n    label\n    description\n    required\n    isCustom\n    fields {\n      key\n      label\n      type\n      required\n    }\n  }\n"): (typeof documents)["\n  fragment MilestoneDefinitionRow on MilestoneDefinition {\n    key\n    stage\n    label\n    description\n    required\n    isCustom\n    fields {\n      key\n      label\n      type\n      required\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectChecklist($id: ID!, $stage: ProjectStage!) {\n    project(id: $id) {\n      id\n      checklist(stage: $stage) {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectChecklist($id: ID!, $stage: ProjectStage!) {\n    project(id: $id) {\n      id\n      checklist(stage: $stage) {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectNextSteps($id: ID!) {\n    project(id: $id) {\n      id\n      stage\n      nextSteps {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectNextSteps($id: ID!) {\n    project(id: $id) {\n      id\n      stage\n      nextSteps {\n        ...ChecklistItemDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectStageStates($id: ID!) {\n    project(id: $id) {\n      ...ProjectStages\n    }\n  }\n"): (typeof documents)["\n  query ProjectStageStates($id: ID!) {\n    project(id: $id) {\n      ...ProjectStages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectTeam($id: ID!) {\n    project(id: $id) {\n      id\n      team {\n        ...TeamMemberRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectTeam($id: ID!) {\n    project(id: $id) {\n      id\n      team {\n        ...TeamMemberRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectTimeline($id: ID!, $first: Int!) {\n    project(id: $id) {\n      id\n      timeline(first: $first) {\n        id\n        action\n        label\n        detail\n        createdAt\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectTimeline($id: ID!, $first: Int!) {\n    project(id: $id) {\n      id\n      timeline(first: $first) {\n        id\n        action\n        label\n        detail\n        createdAt\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewMilestone($input: ReviewMilestoneInput!) {\n    reviewMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewMilestone($input: ReviewMilestoneInput!) {\n    reviewMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStageApplicability($input: SetStageApplicabilityInput!) {\n    setStageApplicability(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetStageApplicability($input: SetStageApplicabilityInput!) {\n    setStageApplicability(input: $input) {\n      ...ProjectStages\n      lastActivityAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectStages on Project {\n    id\n    stage\n    status\n    stageEnteredAt\n    milestoneProgress {\n      approved\n      required\n    }\n    stageStates {\n      stage\n      label\n      isCurrent\n      startedAt\n      completedAt\n      notApplicable\n      notApplicableReason\n      canBeNotApplicable\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectStages on Project {\n    id\n    stage\n    status\n    stageEnteredAt\n    milestoneProgress {\n      approved\n      required\n    }\n    stageStates {\n      stage\n      label\n      isCurrent\n      startedAt\n      completedAt\n      notApplicable\n      notApplicableReason\n      canBeNotApplicable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubmissionDetails on Submission {\n    id\n    milestoneKey\n    milestoneLabel\n    status\n    comment\n    createdAt\n    author {\n      id\n      displayName\n    }\n    fields {\n      key\n      value\n    }\n    files {\n      id\n      originalName\n      size\n      contentType\n      url\n    }\n    reviewer {\n      id\n      displayName\n    }\n    reviewComment\n    reviewedAt\n  }\n"): (typeof documents)["\n  fragment SubmissionDetails on Submission {\n    id\n    milestoneKey\n    milestoneLabel\n    status\n    comment\n    createdAt\n    author {\n      id\n      displayName\n    }\n    fields {\n      key\n      value\n    }\n    files {\n      id\n      originalName\n      size\n      contentType\n      url\n    }\n    reviewer {\n      id\n      displayName\n    }\n    reviewComment\n    reviewedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitMilestone($input: SubmitMilestoneInput!) {\n    submitMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitMilestone($input: SubmitMilestoneInput!) {\n    submitMilestone(input: $input) {\n      ...SubmissionDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMemberRow on TeamMember {\n    id\n    fullName\n    profession\n    rpps\n    adeli\n    role\n    isAssociate\n    joinedAt\n    leftAt\n  }\n"): (typeof documents)["\n  fragment TeamMemberRow on TeamMember {\n    id\n    fullName\n    profession\n    rpps\n    adeli\n    role\n    isAssociate\n    joinedAt\n    leftAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      ...TeamMemberRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n"): (typeof documents)["\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    statusReason\n    legalForm\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n"): (typeof documents)["\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    statusReason\n    legalForm\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n"): (typeof documents)["\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAciIndicator($input: UpdateAciIndicatorInput!) {\n    updateAciIndicator(input: $input) {\n      code\n      source\n      indicators {\n        ...AciIndicatorRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAciIndicator($input: UpdateAciIndicatorInput!) {\n    updateAciIndicator(input: $input) {\n      code\n      source\n      indicators {\n        ...AciIndicatorRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResearchAggregate($input: ResearchAggregateInput!) {\n    researchAggregate(input: $input) {\n      queryId\n      measure\n      measureLabel\n      unit\n      groupBy\n      cells {\n        coordinates {\n          dimension\n          value\n          label\n        }\n        value\n        suppressed\n        reason\n        reasonLabel\n      }\n      cellCount\n      suppressedCount\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      noise {\n        mechanism\n        epsilon\n      }\n      perturbation {\n        method\n        description\n        maxRelativeErrorPercent\n        countBase\n      }\n      cached\n      dataVersion\n      methodology\n    }\n  }\n"): (typeof documents)["\n  query ResearchAggregate($input: ResearchAggregateInput!) {\n    researchAggregate(input: $input) {\n      queryId\n      measure\n      measureLabel\n      unit\n      groupBy\n      cells {\n        coordinates {\n          dimension\n          value\n          label\n        }\n        value\n        suppressed\n        reason\n        reasonLabel\n      }\n      cellCount\n      suppressedCount\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      noise {\n        mechanism\n        epsilon\n      }\n      perturbation {\n        method\n        description\n        maxRelativeErrorPercent\n        countBase\n      }\n      cached\n      dataVersion\n      methodology\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResearchBudget {\n    researchBudget {\n      mode\n      epsilonTotal\n      epsilonSpent\n      epsilonRemaining\n      epsilonPerQuery\n    }\n  }\n"): (typeof documents)["\n  query ResearchBudget {\n    researchBudget {\n      mode\n      epsilonTotal\n      epsilonSpent\n      epsilonRemaining\n      epsilonPerQuery\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResearchCatalog {\n    researchCatalog {\n      measures {\n        id\n        label\n        unit\n        needsIndicator\n      }\n      dimensions {\n        id\n        label\n        categories {\n          value\n          label\n        }\n      }\n      indicators {\n        code\n        label\n        programme\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResearchCatalog {\n    researchCatalog {\n      measures {\n        id\n        label\n        unit\n        needsIndicator\n      }\n      dimensions {\n        id\n        label\n        categories {\n          value\n          label\n        }\n      }\n      indicators {\n        code\n        label\n        programme\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResearchQueries($first: Int, $after: String) {\n    researchQueries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          measure\n          groupBy\n          filters\n          indicatorCode\n          cellsReturned\n          cellsSuppressed\n          epsilon\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResearchQueries($first: Int, $after: String) {\n    researchQueries(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          measure\n          groupBy\n          filters\n          indicatorCode\n          cellsReturned\n          cellsSuppressed\n          epsilon\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResearchSettings {\n    researchSettings {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n"): (typeof documents)["\n  query ResearchSettings {\n    researchSettings {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateResearchSettings($input: UpdateResearchSettingsInput!) {\n    updateResearchSettings(input: $input) {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateResearchSettings($input: UpdateResearchSettingsInput!) {\n    updateResearchSettings(input: $input) {\n      thresholds {\n        ...ResearchThresholdValues\n      }\n      federationThresholds {\n        ...ResearchThresholdValues\n      }\n      privacyMode\n      epsilonPerQuery\n      epsilonBudget\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResearchThresholdValues on ResearchThresholds {\n    minPatients\n    minContributors\n    dominanceShare\n    minRateNumerator\n    minRateDenominator\n    minProfessionals\n    protectionPercent\n  }\n"): (typeof documents)["\n  fragment ResearchThresholdValues on ResearchThresholds {\n    minPatients\n    minContributors\n    dominanceShare\n    minRateNumerator\n    minRateDenominator\n    minProfessionals\n    protectionPercent\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitResultPeriod($input: PeriodDecisionInput!) {\n    submitResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitResultPeriod($input: PeriodDecisionInput!) {\n    submitResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveResultPeriod($input: PeriodDecisionInput!) {\n    approveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveResultPeriod($input: PeriodDecisionInput!) {\n    approveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnResultPeriod($input: PeriodDecisionInput!) {\n    returnResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnResultPeriod($input: PeriodDecisionInput!) {\n    returnResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockResultPeriod($input: PeriodDecisionInput!) {\n    unlockResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockResultPeriod($input: PeriodDecisionInput!) {\n    unlockResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectResultPeriods($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      name\n    }\n    resultPeriods(projectId: $projectId) {\n      ...ResultPeriodDetails\n    }\n  }\n"): (typeof documents)["\n  query ProjectResultPeriods($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      name\n    }\n    resultPeriods(projectId: $projectId) {\n      ...ResultPeriodDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResultPeriodDetails on ResultPeriod {\n    id\n    projectId\n    programme\n    year\n    status\n    inputs\n    ruleSetId\n    returnComment\n    submittedAt\n    approvedAt\n    updatedAt\n    project {\n      id\n      name\n    }\n    summary {\n      referenceId\n      illustrative\n      patients\n      computedEur\n      perPatientEur\n      receivedEur\n      feeForServiceEquivalentEur\n      score\n    }\n    calendar {\n      status\n      statusLabel\n      evidenceDueAt\n    }\n    validationErrors {\n      field\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment ResultPeriodDetails on ResultPeriod {\n    id\n    projectId\n    programme\n    year\n    status\n    inputs\n    ruleSetId\n    returnComment\n    submittedAt\n    approvedAt\n    updatedAt\n    project {\n      id\n      name\n    }\n    summary {\n      referenceId\n      illustrative\n      patients\n      computedEur\n      perPatientEur\n      receivedEur\n      feeForServiceEquivalentEur\n      score\n    }\n    calendar {\n      status\n      statusLabel\n      evidenceDueAt\n    }\n    validationErrors {\n      field\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResultPeriodsForReview($status: PeriodStatus, $first: Int, $after: String) {\n    resultPeriodsForReview(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ResultPeriodDetails\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResultPeriodsForReview($status: PeriodStatus, $first: Int, $after: String) {\n    resultPeriodsForReview(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ResultPeriodDetails\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResultsReferenceData {\n    resultsReferenceData {\n      pepsTables {\n        code\n        label\n        illustrative\n        basePerPatientEur\n        ageBands {\n          band\n          minAge\n          maxAge\n          coefficient\n        }\n        sexCoefficients {\n          F\n          M\n        }\n        aldCoefficients {\n          count\n          coefficient\n        }\n        precariteCoefficient\n        qualityBonusMaxRate\n        feeForServiceCapRate\n        source\n        importedAt\n      }\n      aciRuleSets {\n        code\n        label\n        validFrom\n        pointValueEur\n        referencePatients\n        source\n        indicators {\n          ...AciIndicatorRow\n        }\n      }\n      ipepParameters {\n        code\n        cEcart\n        cEvolution\n        shareOfSavings\n        patientExperienceMaxPoints\n        modulation {\n          kind\n          maxScore\n          minimumScore\n        }\n        source\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResultsReferenceData {\n    resultsReferenceData {\n      pepsTables {\n        code\n        label\n        illustrative\n        basePerPatientEur\n        ageBands {\n          band\n          minAge\n          maxAge\n          coefficient\n        }\n        sexCoefficients {\n          F\n          M\n        }\n        aldCoefficients {\n          count\n          coefficient\n        }\n        precariteCoefficient\n        qualityBonusMaxRate\n        feeForServiceCapRate\n        source\n        importedAt\n      }\n      aciRuleSets {\n        code\n        label\n        validFrom\n        pointValueEur\n        referencePatients\n        source\n        indicators {\n          ...AciIndicatorRow\n        }\n      }\n      ipepParameters {\n        code\n        cEcart\n        cEvolution\n        shareOfSavings\n        patientExperienceMaxPoints\n        modulation {\n          kind\n          maxScore\n          minimumScore\n        }\n        source\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AciIndicatorRow on AciIndicator {\n    code\n    label\n    axis\n    type\n    fixedPoints\n    variablePointsPer4000\n    maxUnits\n    flag\n    source\n    edited\n    verifiedAt\n    verifiedByName\n  }\n"): (typeof documents)["\n  fragment AciIndicatorRow on AciIndicator {\n    code\n    label\n    axis\n    type\n    fixedPoints\n    variablePointsPer4000\n    maxUnits\n    flag\n    source\n    edited\n    verifiedAt\n    verifiedByName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveResultPeriod($input: SaveResultPeriodInput!) {\n    saveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"): (typeof documents)["\n  mutation SaveResultPeriod($input: SaveResultPeriodInput!) {\n    saveResultPeriod(input: $input) {\n      ...ResultPeriodDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationResult on Invitation {\n    emailSent\n    invitationLink\n    user {\n      ...ManagedUserRow\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationResult on Invitation {\n    emailSent\n    invitationLink\n    user {\n      ...ManagedUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationResult\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ManagedUserRow on ManagedUser {\n    id\n    email\n    displayName\n    role\n    roleLabel\n    mspProject {\n      id\n      name\n    }\n    status\n    createdAt\n    disabledAt\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment ManagedUserRow on ManagedUser {\n    id\n    email\n    displayName\n    role\n    roleLabel\n    mspProject {\n      id\n      name\n    }\n    status\n    createdAt\n    disabledAt\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MspProjectOptions($filter: ProjectFilter, $first: Int!) {\n    projects(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          communeName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MspProjectOptions($filter: ProjectFilter, $first: Int!) {\n    projects(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          communeName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...InvitationResult\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...InvitationResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...ManagedUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UsersFilterInput) {\n    users(filter: $filter) {\n      ...ManagedUserRow\n    }\n  }\n"): (typeof documents)["\n  query Users($filter: UsersFilterInput) {\n    users(filter: $filter) {\n      ...ManagedUserRow\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;