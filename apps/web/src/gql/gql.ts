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
    "\n  query Groups($first: Int!, $after: String) {\n    groups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  query ViewerAbilities {\n    viewerAbilities {\n      createUser\n      createGroup\n      definePermission\n      manageSettings\n      readAudit\n    }\n  }\n": typeof types.ViewerAbilitiesDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n      ssoEnabled\n      ssoDisplayName\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query NotificationBell {\n    notifications(first: 15) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationList_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationBellDocument,
    "\n  query QueueCount {\n    groupRequests(filter: { status: PENDING }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.QueueCountDocument,
    "\n  query ReviewItemsWaiting {\n    reviewItemsWaiting\n  }\n": typeof types.ReviewItemsWaitingDocument,
    "\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n": typeof types.ServerVersionDocument,
    "\n  fragment NotificationPreferencesForm_user on User {\n    id\n    notificationPreferences {\n      kind\n      email\n      label\n      description\n    }\n  }\n": typeof types.NotificationPreferencesForm_UserFragmentDoc,
    "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n": typeof types.ProfileForm_UserFragmentDoc,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n      label\n      description\n    }\n  }\n": typeof types.SetNotificationPreferencesDocument,
    "\n  query AuditPeople($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": typeof types.AuditPeopleDocument,
    "\n  query AuditPerson($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.AuditPersonDocument,
    "\n  query AuditGroups($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AuditGroupsDocument,
    "\n  query AuditGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.AuditGroupDocument,
    "\n  query AuditResources($search: String) {\n    resources(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.AuditResourcesDocument,
    "\n  query AuditResource($id: ID!) {\n    resource(id: $id) {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.AuditResourceDocument,
    "\n  query AuditActions {\n    auditActions {\n      key\n      label\n    }\n  }\n": typeof types.AuditActionsDocument,
    "\n  fragment AuditTable_event on AuditEvent {\n    id\n    occurredAt\n    action\n    actionLabel\n    # Dates in the sentence are days in the reader's zone (SPEC §20): every query passes $timeZone.\n    summary(timeZone: $timeZone)\n    actorId\n    actorLabel\n    groupId\n    groupLabel\n    userId\n    userLabel\n    resourceId\n    resourceLabel\n    details\n  }\n": typeof types.AuditTable_EventFragmentDoc,
    "\n  fragment DeleteGroupCard_group on Group {\n    id\n    name\n    builtIn\n    memberCount\n    viewerCan {\n      delete\n    }\n  }\n": typeof types.DeleteGroupCard_GroupFragmentDoc,
    "\n  fragment GroupDirectoryTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    full\n    joinPath\n    ...GroupFlagBadges_group\n    viewerCan {\n      join\n      requestJoin\n    }\n    viewerMembership {\n      source\n    }\n    viewerPendingRequest {\n      id\n      kind\n    }\n  }\n": typeof types.GroupDirectoryTable_GroupFragmentDoc,
    "\n  fragment GroupFlagBadges_group on Group {\n    id\n    builtIn\n    system\n    internal\n    hidden\n    open\n    public\n    restricted\n    source\n  }\n": typeof types.GroupFlagBadges_GroupFragmentDoc,
    "\n  query GroupHistory($filter: AuditFilter!, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.GroupHistoryDocument,
    "\n  fragment GroupLeadersForm_group on Group {\n    id\n    leaders {\n      id\n      displayName\n      email\n    }\n    leaderGroups {\n      id\n      name\n    }\n    viewerCan {\n      setLeaders\n    }\n  }\n": typeof types.GroupLeadersForm_GroupFragmentDoc,
    "\n  query GroupMembers($id: ID!, $search: String, $first: Int!, $after: String) {\n    group(id: $id) {\n      id\n      members(search: $search, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...GroupMembersTable_membership @unmask\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  fragment GroupMembersTable_membership on Membership {\n    source\n    createdAt\n    expiresAt\n    addedBy {\n      id\n      displayName\n    }\n    user {\n      id\n      displayName\n      email\n      kind\n      isActive\n    }\n  }\n": typeof types.GroupMembersTable_MembershipFragmentDoc,
    "\n  fragment GroupMembershipCard_group on Group {\n    id\n    name\n    memberCount\n    maxMembers\n    full\n    permissions\n    viewerCan {\n      join\n      requestJoin\n      leave\n      requestLeave\n      requestExtension\n    }\n    viewerMembership {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n    }\n    viewerPendingRequest {\n      id\n      kind\n      reason\n      createdAt\n    }\n  }\n": typeof types.GroupMembershipCard_GroupFragmentDoc,
    "\n  fragment GroupPermissionsForm_group on Group {\n    id\n    permissions\n    viewerCan {\n      setPermissions\n    }\n  }\n": typeof types.GroupPermissionsForm_GroupFragmentDoc,
    "\n  query GroupPickerSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.GroupPickerSearchDocument,
    "\n  fragment GroupSettingsForm_group on Group {\n    id\n    name\n    description\n    builtIn\n    internal\n    hidden\n    open\n    public\n    restricted\n    shareable\n    maxMembers\n    metadata\n    viewerCan {\n      update\n    }\n  }\n": typeof types.GroupSettingsForm_GroupFragmentDoc,
    "\n  fragment GroupsTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    ...GroupFlagBadges_group\n  }\n": typeof types.GroupsTable_GroupFragmentDoc,
    "\n  mutation AddGroupMembers($groupId: ID!, $userIds: [ID!]!, $expiresAt: DateTime) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds, expiresAt: $expiresAt) {\n      user {\n        id\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.AddGroupMembersDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n      ...GroupsTable_group\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": typeof types.DeleteGroupDocument,
    "\n  query GroupGives {\n    resources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          kind\n          accessReasons {\n            kind\n            level\n            group {\n              id\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.GroupGivesDocument,
    "\n  mutation JoinGroup($groupId: ID!, $reason: String) {\n    joinGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n": typeof types.JoinGroupDocument,
    "\n  mutation LeaveGroup($groupId: ID!, $reason: String) {\n    leaveGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n": typeof types.LeaveGroupDocument,
    "\n  mutation RemoveGroupMembers($groupId: ID!, $userIds: [ID!]!, $reason: String) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds, reason: $reason)\n  }\n": typeof types.RemoveGroupMembersDocument,
    "\n  mutation SetGroupLeaders($groupId: ID!, $userIds: [ID!]!, $groupIds: [ID!]!) {\n    setGroupLeaders(groupId: $groupId, userIds: $userIds, groupIds: $groupIds) {\n      id\n      ...GroupLeadersForm_group\n    }\n  }\n": typeof types.SetGroupLeadersDocument,
    "\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n      memberCount\n      ...GroupSettingsForm_group @unmask\n      ...GroupPermissionsForm_group @unmask\n      ...GroupsTable_group\n    }\n  }\n": typeof types.UpdateGroupDocument,
    "\n  subscription GroupEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      data\n    }\n  }\n": typeof types.GroupEventsDocument,
    "\n  subscription GroupPageNotifications {\n    notificationAdded {\n      id\n    }\n  }\n": typeof types.GroupPageNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n": typeof types.MembershipsTable_UserFragmentDoc,
    "\n  mutation RequestExtension($groupId: ID!, $until: DateTime!, $reason: String) {\n    requestExtension(groupId: $groupId, until: $until, reason: $reason) {\n      id\n      kind\n      status\n      requestedUntil\n      group {\n        id\n        ...GroupMembershipCard_group\n      }\n    }\n  }\n": typeof types.RequestExtensionDocument,
    "\n  mutation UpdateMembership($groupId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    updateMembership(groupId: $groupId, userId: $userId, expiresAt: $expiresAt) {\n      expiresAt\n    }\n  }\n": typeof types.UpdateMembershipDocument,
    "\n  fragment NotificationList_notification on Notification {\n    id\n    title\n    body\n    link\n    createdAt\n    readAt\n  }\n": typeof types.NotificationList_NotificationFragmentDoc,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment PermissionCatalogTable_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n": typeof types.PermissionCatalogTable_PermissionFragmentDoc,
    "\n  fragment PermissionImpactNotice_impact on PermissionImpact {\n    membershipsEnded\n    usersLosingRequest\n    users {\n      id\n      displayName\n    }\n  }\n": typeof types.PermissionImpactNotice_ImpactFragmentDoc,
    "\n  query GroupPermissionImpact($groupId: ID!, $permissions: [String!]!) {\n    groupPermissionImpact(groupId: $groupId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n": typeof types.GroupPermissionImpactDocument,
    "\n  query UserPermissionImpact($userId: ID!, $permissions: [String!]!) {\n    userPermissionImpact(userId: $userId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n": typeof types.UserPermissionImpactDocument,
    "\n  fragment PermissionOriginsTable_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PermissionOriginsTable_UserFragmentDoc,
    "\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n": typeof types.PermissionSelect_PermissionFragmentDoc,
    "\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalogTable_permission\n    }\n  }\n": typeof types.DefinePermissionDocument,
    "\n  mutation CreateScimToken($name: String) {\n    createScimToken(name: $name) {\n      id\n      token\n    }\n  }\n": typeof types.CreateScimTokenDocument,
    "\n  fragment MyRequestsTable_request on GroupRequest {\n    id\n    kind\n    status\n    reason\n    createdAt\n    decidedAt\n    decisionComment\n    decidedBy {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n": typeof types.MyRequestsTable_RequestFragmentDoc,
    "\n  fragment QueueTable_request on GroupRequest {\n    id\n    kind\n    reason\n    createdAt\n    requestedUntil\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n": typeof types.QueueTable_RequestFragmentDoc,
    "\n  mutation ApproveRequest($requestId: ID!, $comment: String, $expiresAt: DateTime) {\n    approveRequest(requestId: $requestId, comment: $comment, expiresAt: $expiresAt) {\n      id\n      status\n      decidedAt\n      decisionComment\n      user {\n        id\n      }\n      group {\n        id\n      }\n    }\n  }\n": typeof types.ApproveRequestDocument,
    "\n  mutation DecideRequests($requestIds: [ID!]!, $approve: Boolean!, $comment: String) {\n    decideRequests(requestIds: $requestIds, approve: $approve, comment: $comment) {\n      requestId\n      ok\n      error {\n        code\n        reason\n        message\n      }\n      request {\n        id\n        status\n        user {\n          id\n        }\n        group {\n          id\n        }\n      }\n    }\n  }\n": typeof types.DecideRequestsDocument,
    "\n  mutation RejectRequest($requestId: ID!, $comment: String) {\n    rejectRequest(requestId: $requestId, comment: $comment) {\n      id\n      status\n      decidedAt\n      decisionComment\n      group {\n        id\n      }\n    }\n  }\n": typeof types.RejectRequestDocument,
    "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n      }\n    }\n  }\n": typeof types.WithdrawRequestDocument,
    "\n  fragment AccessEditor_resource on Resource {\n    id\n    name\n    visibility\n    grants {\n      id\n      level\n      createdAt\n      expiresAt\n      user {\n        id\n        displayName\n        email\n      }\n      group {\n        id\n        name\n      }\n      grantedBy {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.AccessEditor_ResourceFragmentDoc,
    "\n  fragment AccessExplanationView_explanation on AccessExplanation {\n    level\n    reasons {\n      kind\n      level\n      expiresAt\n      group {\n        id\n        name\n      }\n      grant {\n        id\n      }\n    }\n  }\n": typeof types.AccessExplanationView_ExplanationFragmentDoc,
    "\n  fragment ResourceDetailsForm_resource on Resource {\n    id\n    name\n    description\n  }\n": typeof types.ResourceDetailsForm_ResourceFragmentDoc,
    "\n  query ResourceKinds {\n    resourceKinds\n  }\n": typeof types.ResourceKindsDocument,
    "\n  fragment ResourcesTable_resource on Resource {\n    id\n    kind\n    name\n    externalId\n    visibility\n    viewerLevel\n    owner {\n      id\n      displayName\n    }\n  }\n": typeof types.ResourcesTable_ResourceFragmentDoc,
    "\n  query ShareGroupSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          viewerCanShare\n          viewerShareRefusal\n        }\n      }\n    }\n  }\n": typeof types.ShareGroupSearchDocument,
    "\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      id\n      ...ResourcesTable_resource\n    }\n  }\n": typeof types.CreateResourceDocument,
    "\n  mutation DeleteResource($id: ID!) {\n    deleteResource(id: $id)\n  }\n": typeof types.DeleteResourceDocument,
    "\n  mutation GrantAccess($resourceId: ID!, $level: AccessLevel!, $userId: ID, $groupId: ID, $expiresAt: DateTime) {\n    grantAccess(resourceId: $resourceId, level: $level, userId: $userId, groupId: $groupId, expiresAt: $expiresAt) {\n      id\n      resource {\n        id\n        ...AccessEditor_resource\n      }\n    }\n  }\n": typeof types.GrantAccessDocument,
    "\n  mutation RevokeAccess($grantId: ID!) {\n    revokeAccess(grantId: $grantId)\n  }\n": typeof types.RevokeAccessDocument,
    "\n  mutation SetResourceAccess($resourceId: ID!, $input: AccessControlInput!) {\n    setResourceAccess(resourceId: $resourceId, input: $input) {\n      id\n      ...AccessEditor_resource\n    }\n  }\n": typeof types.SetResourceAccessDocument,
    "\n  mutation TransferResourceOwnership($resourceId: ID!, $userId: ID!) {\n    transferResourceOwnership(resourceId: $resourceId, userId: $userId) {\n      id\n      viewerLevel\n      owner {\n        id\n        displayName\n        email\n      }\n      ...AccessEditor_resource\n    }\n  }\n": typeof types.TransferResourceOwnershipDocument,
    "\n  mutation UpdateResource($id: ID!, $input: UpdateResourceInput!) {\n    updateResource(id: $id, input: $input) {\n      id\n      ...ResourceDetailsForm_resource @unmask\n    }\n  }\n": typeof types.UpdateResourceDocument,
    "\n  query ReviewDecisionsCsv($id: ID!) {\n    accessReview(id: $id) {\n      id\n      decisionsCsv\n    }\n  }\n": typeof types.ReviewDecisionsCsvDocument,
    "\n  fragment ReviewGroupHeader_group on Group {\n    id\n    name\n    permissions\n    # eslint-disable-next-line @graphql-eslint/require-selections -- no grant ids (see above)\n    grants {\n      level\n      resourceId\n      resourceName\n    }\n  }\n": typeof types.ReviewGroupHeader_GroupFragmentDoc,
    "\n  fragment ReviewItemsTable_item on AccessReviewItem {\n    id\n    source\n    memberSince\n    lastSignInAt\n    decision\n    decidedAt\n    comment\n    applied\n    viewerCanDecide\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n    }\n    decidedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.ReviewItemsTable_ItemFragmentDoc,
    "\n  fragment ReviewProgress_review on AccessReview {\n    id\n    itemCount\n    decidedCount\n    groupProgress {\n      itemCount\n      decidedCount\n      group {\n        id\n        name\n      }\n    }\n    reviewerProgress {\n      decidedCount\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ReviewProgress_ReviewFragmentDoc,
    "\n  fragment ReviewsTable_review on AccessReview {\n    id\n    name\n    status\n    deadline\n    closedAt\n    itemCount\n    decidedCount\n    groups {\n      id\n      name\n    }\n  }\n": typeof types.ReviewsTable_ReviewFragmentDoc,
    "\n  query ReviewPermissionCatalog {\n    permissions {\n      key\n      description\n    }\n  }\n": typeof types.ReviewPermissionCatalogDocument,
    "\n  mutation StartAccessReview($input: AccessReviewInput!) {\n    startAccessReview(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.StartAccessReviewDocument,
    "\n  mutation DecideReviewItems($itemIds: [ID!]!, $decision: ReviewDecision!, $comment: String) {\n    decideReviewItems(itemIds: $itemIds, decision: $decision, comment: $comment) {\n      id\n      decision\n      decidedAt\n      comment\n      viewerCanDecide\n      decidedBy {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.DecideReviewItemsDocument,
    "\n  mutation CloseAccessReview($id: ID!) {\n    closeAccessReview(id: $id) {\n      id\n      status\n      closedAt\n      itemCount\n      decidedCount\n      viewerCanClose\n    }\n  }\n": typeof types.CloseAccessReviewDocument,
    "\n  query ReviewCounts($id: ID!) {\n    accessReview(id: $id) {\n      id\n      itemCount\n      decidedCount\n      ...ReviewProgress_review\n    }\n  }\n": typeof types.ReviewCountsDocument,
    "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.CompleteSetupDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  fragment EmailDeliveryCard_settings on Settings {\n    emailDelivery {\n      enabled\n      server\n      from\n    }\n  }\n": typeof types.EmailDeliveryCard_SettingsFragmentDoc,
    "\n  fragment SettingsForm_settings on Settings {\n    autoLeave\n    notifyApprovers\n    allowSelfApproval\n    requireRequestReason\n    permissionLossPolicy\n    defaultGroups {\n      id\n      name\n    }\n    adminBypass\n    registration\n    expiryWarningDays\n  }\n": typeof types.SettingsForm_SettingsFragmentDoc,
    "\n  mutation TestEmail($to: String!) {\n    testEmail(to: $to) {\n      accepted\n      code\n      response\n      durationMs\n    }\n  }\n": typeof types.TestEmailDocument,
    "\n  mutation UpdateSettings($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      ...SettingsForm_settings @unmask\n    }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  query SsoSyncPreview($userId: ID!, $claimValue: String!) {\n    ssoSyncPreview(userId: $userId, claimValue: $claimValue) {\n      claimed\n      join\n      leave\n      create\n      blocked\n    }\n  }\n": typeof types.SsoSyncPreviewDocument,
    "\n  fragment SsoSettingsForm_sso on SsoSettings {\n    groupSync\n    claim\n    createGroups\n    blockedGroups\n    createUsers\n    linkByEmail\n  }\n": typeof types.SsoSettingsForm_SsoFragmentDoc,
    "\n  mutation UpdateSsoSettings($sso: SsoSettingsInput!) {\n    updateSettings(input: { sso: $sso }) {\n      sso {\n        ...SsoSettingsForm_sso @unmask\n      }\n    }\n  }\n": typeof types.UpdateSsoSettingsDocument,
    "\n  fragment ApiTokensCard_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n": typeof types.ApiTokensCard_UserFragmentDoc,
    "\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment DirectPermissionsForm_user on User {\n    id\n    isAdmin\n    permissions\n  }\n": typeof types.DirectPermissionsForm_UserFragmentDoc,
    "\n  fragment UserDetailsForm_user on User {\n    id\n    displayName\n    email\n  }\n": typeof types.UserDetailsForm_UserFragmentDoc,
    "\n  query UserPickerSearch($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          isActive\n        }\n      }\n    }\n  }\n": typeof types.UserPickerSearchDocument,
    "\n  query UserReach($userId: ID!, $after: String) {\n    resources(userId: $userId, first: 10, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          accessExplanation(userId: $userId) {\n            level\n          }\n          accessReasons(userId: $userId) {\n            kind\n            level\n            expiresAt\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.UserReachDocument,
    "\n  fragment UserStatusCard_user on User {\n    id\n    displayName\n    kind\n    isActive\n    isAdmin\n    viewerCan {\n      setActive\n      setAdmin\n    }\n  }\n": typeof types.UserStatusCard_UserFragmentDoc,
    "\n  fragment UsersTable_user on User {\n    id\n    displayName\n    email\n    kind\n    isAdmin\n    isActive\n    createdAt\n    lastSignInAt\n  }\n": typeof types.UsersTable_UserFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      ...UsersTable_user\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation SetUserPermissions($userId: ID!, $permissions: [String!]!) {\n    setUserPermissions(userId: $userId, permissions: $permissions) {\n      id\n      permissions\n      effectivePermissions\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n    }\n  }\n": typeof types.SetUserPermissionsDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  fragment DeliveriesTable_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    httpStatus\n    durationMs\n    error\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n": typeof types.DeliveriesTable_DeliveryFragmentDoc,
    "\n  fragment WebhookSettingsForm_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n  }\n": typeof types.WebhookSettingsForm_WebhookFragmentDoc,
    "\n  fragment WebhooksTable_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n    lastDeliveryAt\n    lastHttpStatus\n    failingSince\n  }\n": typeof types.WebhooksTable_WebhookFragmentDoc,
    "\n  query WebhookGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.WebhookGroupDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: WebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      failingSince\n      ...WebhookSettingsForm_webhook @unmask\n      ...WebhooksTable_webhook\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      eventId\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation RedeliverEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n      eventId\n    }\n  }\n": typeof types.RedeliverEventDocument,
    "\n  query MyAccess($search: String, $first: Int!, $after: String) {\n    resources(filter: { minLevel: READ, search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          name\n          viewerLevel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MyAccessDocument,
    "\n  query MyAccessExplanation($resourceId: ID!) {\n    explainAccess(resourceId: $resourceId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n": typeof types.MyAccessExplanationDocument,
    "\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n      ...NotificationPreferencesForm_user\n    }\n  }\n": typeof types.AccountPageDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AdminGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      createdAt\n      joinPath\n      memberCount\n      maxMembers\n      ...GroupFlagBadges_group\n      ...GroupSettingsForm_group\n      ...GroupPermissionsForm_group\n      ...GroupLeadersForm_group\n      ...DeleteGroupCard_group\n      viewerCan {\n        addMembers\n        removeMembers\n        changeExpiry\n      }\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n": typeof types.AdminGroupDocument,
    "\n  query AdminGroups($search: String, $first: Int!, $after: String) {\n    groups(filter: { search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupsTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.AdminGroupsDocument,
    "\n  query AdminPermissions {\n    permissions {\n      key\n      ...PermissionCatalogTable_permission\n    }\n  }\n": typeof types.AdminPermissionsDocument,
    "\n  query AdminProvisioning {\n    scimProvisioning {\n      baseUrl\n      scimPath\n      account {\n        id\n        displayName\n        ...ApiTokensCard_user\n      }\n    }\n  }\n": typeof types.AdminProvisioningDocument,
    "\n  query ScimActivity($actorId: ID!, $timeZone: String) {\n    auditEvents(filter: { actorId: $actorId }, first: 20) {\n      edges {\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n    }\n  }\n": typeof types.ScimActivityDocument,
    "\n  query AdminSettings {\n    settings {\n      ...SettingsForm_settings\n      ...EmailDeliveryCard_settings\n    }\n  }\n": typeof types.AdminSettingsDocument,
    "\n  query AdminSso {\n    authConfig {\n      ssoEnabled\n      ssoDisplayName\n    }\n    settings {\n      sso {\n        groupSync\n        ...SsoSettingsForm_sso\n      }\n    }\n  }\n": typeof types.AdminSsoDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      kind\n      isActive\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...UserDetailsForm_user\n      ...UserStatusCard_user\n      ...DirectPermissionsForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query AdminUsers($search: String, $filter: UserFilter, $first: Int!, $after: String) {\n    users(search: $search, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...UsersTable_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminWebhook($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean!) {\n    webhook(id: $id) {\n      id\n      url\n      enabled\n      createdAt\n      lastDeliveryAt\n      lastHttpStatus\n      failingSince\n      ...WebhookSettingsForm_webhook\n      deliveries(first: $first, after: $after, failedOnly: $failedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            nextAttemptAt\n            ...DeliveriesTable_delivery\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AdminWebhookDocument,
    "\n  query AdminWebhooks {\n    webhooks {\n      id\n      ...WebhooksTable_webhook\n    }\n  }\n": typeof types.AdminWebhooksDocument,
    "\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      description\n      joinPath\n      memberCount\n      maxMembers\n      permissions\n      pendingRequestCount\n      internal\n      hidden\n      open\n      public\n      restricted\n      ...GroupFlagBadges_group\n      ...GroupMembershipCard_group\n      leaders {\n        id\n        displayName\n      }\n      leaderGroups {\n        id\n        name\n      }\n      viewerMembership {\n        source\n      }\n      viewerCan {\n        decideRequests\n        addMembers\n        removeMembers\n        changeExpiry\n        listMembers\n        readHistory\n        update\n      }\n    }\n  }\n": typeof types.GroupPageDocument,
    "\n  query GroupDirectory($filter: GroupFilter, $first: Int!, $after: String) {\n    groups(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupDirectoryTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GroupDirectoryDocument,
    "\n  query LedGroups($first: Int!, $after: String) {\n    groups(filter: { ledOnly: true }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          joinPath\n          memberCount\n          maxMembers\n          pendingRequestCount\n          ...GroupFlagBadges_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.LedGroupsDocument,
    "\n  query Queue($kind: RequestKind!, $groupId: ID, $first: Int!, $after: String) {\n    list: groupRequests(filter: { status: PENDING, kind: $kind, groupId: $groupId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...QueueTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    joins: groupRequests(filter: { status: PENDING, kind: JOIN, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    leaves: groupRequests(filter: { status: PENDING, kind: LEAVE, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    extensions: groupRequests(filter: { status: PENDING, kind: EXTEND, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.QueueDocument,
    "\n  query MyRequests($status: RequestStatus, $first: Int!, $after: String) {\n    groupRequests(filter: { mine: true, status: $status }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyRequestsTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MyRequestsDocument,
    "\n  query ExplainUserAccess($resourceId: ID!, $userId: ID!) {\n    explainAccess(resourceId: $resourceId, userId: $userId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n": typeof types.ExplainUserAccessDocument,
    "\n  query ResourcePage($id: ID!) {\n    resource(id: $id) {\n      id\n      kind\n      name\n      description\n      externalId\n      visibility\n      viewerLevel\n      viewerCan {\n        edit\n        own\n      }\n      createdAt\n      owner {\n        id\n        displayName\n        email\n      }\n      ...ResourceDetailsForm_resource\n      ...AccessEditor_resource\n    }\n  }\n": typeof types.ResourcePageDocument,
    "\n  query ResourceAccessors($id: ID!, $minLevel: AccessLevel!, $first: Int!, $after: String) {\n    resource(id: $id) {\n      id\n      accessors(minLevel: $minLevel, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            level\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.ResourceAccessorsDocument,
    "\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ResourcesTable_resource\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ResourcesDocument,
    "\n  query Review($id: ID!, $groupId: ID, $undecidedOnly: Boolean, $first: Int!, $after: String) {\n    accessReview(id: $id) {\n      id\n      name\n      status\n      deadline\n      closedAt\n      defaultDecision\n      autoApply\n      permission\n      viewerCanClose\n      createdBy {\n        id\n        displayName\n      }\n      groups {\n        id\n        name\n        # eslint-disable-next-line @graphql-eslint/require-selections -- its grants carry no id by design\n        ...ReviewGroupHeader_group\n      }\n      ...ReviewProgress_review\n      items(first: $first, after: $after, groupId: $groupId, undecidedOnly: $undecidedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            ...ReviewItemsTable_item\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.ReviewDocument,
    "\n  query Reviews($status: ReviewStatus, $first: Int!, $after: String) {\n    accessReviews(status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ReviewsTable_review\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    viewerAbilities {\n      startAccessReview\n    }\n  }\n": typeof types.ReviewsDocument,
};
const documents: Documents = {
    "\n  query Groups($first: Int!, $after: String) {\n    groups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GroupsDocument,
    "\n  query ViewerAbilities {\n    viewerAbilities {\n      createUser\n      createGroup\n      definePermission\n      manageSettings\n      readAudit\n    }\n  }\n": types.ViewerAbilitiesDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n      ssoEnabled\n      ssoDisplayName\n    }\n  }\n": types.ViewerDocument,
    "\n  query NotificationBell {\n    notifications(first: 15) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationList_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationBellDocument,
    "\n  query QueueCount {\n    groupRequests(filter: { status: PENDING }, first: 1) {\n      totalCount\n    }\n  }\n": types.QueueCountDocument,
    "\n  query ReviewItemsWaiting {\n    reviewItemsWaiting\n  }\n": types.ReviewItemsWaitingDocument,
    "\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n": types.ServerVersionDocument,
    "\n  fragment NotificationPreferencesForm_user on User {\n    id\n    notificationPreferences {\n      kind\n      email\n      label\n      description\n    }\n  }\n": types.NotificationPreferencesForm_UserFragmentDoc,
    "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n": types.ProfileForm_UserFragmentDoc,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n      label\n      description\n    }\n  }\n": types.SetNotificationPreferencesDocument,
    "\n  query AuditPeople($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": types.AuditPeopleDocument,
    "\n  query AuditPerson($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n    }\n  }\n": types.AuditPersonDocument,
    "\n  query AuditGroups($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AuditGroupsDocument,
    "\n  query AuditGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n": types.AuditGroupDocument,
    "\n  query AuditResources($search: String) {\n    resources(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.AuditResourcesDocument,
    "\n  query AuditResource($id: ID!) {\n    resource(id: $id) {\n      id\n      name\n      kind\n    }\n  }\n": types.AuditResourceDocument,
    "\n  query AuditActions {\n    auditActions {\n      key\n      label\n    }\n  }\n": types.AuditActionsDocument,
    "\n  fragment AuditTable_event on AuditEvent {\n    id\n    occurredAt\n    action\n    actionLabel\n    # Dates in the sentence are days in the reader's zone (SPEC §20): every query passes $timeZone.\n    summary(timeZone: $timeZone)\n    actorId\n    actorLabel\n    groupId\n    groupLabel\n    userId\n    userLabel\n    resourceId\n    resourceLabel\n    details\n  }\n": types.AuditTable_EventFragmentDoc,
    "\n  fragment DeleteGroupCard_group on Group {\n    id\n    name\n    builtIn\n    memberCount\n    viewerCan {\n      delete\n    }\n  }\n": types.DeleteGroupCard_GroupFragmentDoc,
    "\n  fragment GroupDirectoryTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    full\n    joinPath\n    ...GroupFlagBadges_group\n    viewerCan {\n      join\n      requestJoin\n    }\n    viewerMembership {\n      source\n    }\n    viewerPendingRequest {\n      id\n      kind\n    }\n  }\n": types.GroupDirectoryTable_GroupFragmentDoc,
    "\n  fragment GroupFlagBadges_group on Group {\n    id\n    builtIn\n    system\n    internal\n    hidden\n    open\n    public\n    restricted\n    source\n  }\n": types.GroupFlagBadges_GroupFragmentDoc,
    "\n  query GroupHistory($filter: AuditFilter!, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.GroupHistoryDocument,
    "\n  fragment GroupLeadersForm_group on Group {\n    id\n    leaders {\n      id\n      displayName\n      email\n    }\n    leaderGroups {\n      id\n      name\n    }\n    viewerCan {\n      setLeaders\n    }\n  }\n": types.GroupLeadersForm_GroupFragmentDoc,
    "\n  query GroupMembers($id: ID!, $search: String, $first: Int!, $after: String) {\n    group(id: $id) {\n      id\n      members(search: $search, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...GroupMembersTable_membership @unmask\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  fragment GroupMembersTable_membership on Membership {\n    source\n    createdAt\n    expiresAt\n    addedBy {\n      id\n      displayName\n    }\n    user {\n      id\n      displayName\n      email\n      kind\n      isActive\n    }\n  }\n": types.GroupMembersTable_MembershipFragmentDoc,
    "\n  fragment GroupMembershipCard_group on Group {\n    id\n    name\n    memberCount\n    maxMembers\n    full\n    permissions\n    viewerCan {\n      join\n      requestJoin\n      leave\n      requestLeave\n      requestExtension\n    }\n    viewerMembership {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n    }\n    viewerPendingRequest {\n      id\n      kind\n      reason\n      createdAt\n    }\n  }\n": types.GroupMembershipCard_GroupFragmentDoc,
    "\n  fragment GroupPermissionsForm_group on Group {\n    id\n    permissions\n    viewerCan {\n      setPermissions\n    }\n  }\n": types.GroupPermissionsForm_GroupFragmentDoc,
    "\n  query GroupPickerSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.GroupPickerSearchDocument,
    "\n  fragment GroupSettingsForm_group on Group {\n    id\n    name\n    description\n    builtIn\n    internal\n    hidden\n    open\n    public\n    restricted\n    shareable\n    maxMembers\n    metadata\n    viewerCan {\n      update\n    }\n  }\n": types.GroupSettingsForm_GroupFragmentDoc,
    "\n  fragment GroupsTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    ...GroupFlagBadges_group\n  }\n": types.GroupsTable_GroupFragmentDoc,
    "\n  mutation AddGroupMembers($groupId: ID!, $userIds: [ID!]!, $expiresAt: DateTime) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds, expiresAt: $expiresAt) {\n      user {\n        id\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.AddGroupMembersDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n      ...GroupsTable_group\n    }\n  }\n": types.CreateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": types.DeleteGroupDocument,
    "\n  query GroupGives {\n    resources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          kind\n          accessReasons {\n            kind\n            level\n            group {\n              id\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.GroupGivesDocument,
    "\n  mutation JoinGroup($groupId: ID!, $reason: String) {\n    joinGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n": types.JoinGroupDocument,
    "\n  mutation LeaveGroup($groupId: ID!, $reason: String) {\n    leaveGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n": types.LeaveGroupDocument,
    "\n  mutation RemoveGroupMembers($groupId: ID!, $userIds: [ID!]!, $reason: String) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds, reason: $reason)\n  }\n": types.RemoveGroupMembersDocument,
    "\n  mutation SetGroupLeaders($groupId: ID!, $userIds: [ID!]!, $groupIds: [ID!]!) {\n    setGroupLeaders(groupId: $groupId, userIds: $userIds, groupIds: $groupIds) {\n      id\n      ...GroupLeadersForm_group\n    }\n  }\n": types.SetGroupLeadersDocument,
    "\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n      memberCount\n      ...GroupSettingsForm_group @unmask\n      ...GroupPermissionsForm_group @unmask\n      ...GroupsTable_group\n    }\n  }\n": types.UpdateGroupDocument,
    "\n  subscription GroupEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      data\n    }\n  }\n": types.GroupEventsDocument,
    "\n  subscription GroupPageNotifications {\n    notificationAdded {\n      id\n    }\n  }\n": types.GroupPageNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n": types.MembershipsTable_UserFragmentDoc,
    "\n  mutation RequestExtension($groupId: ID!, $until: DateTime!, $reason: String) {\n    requestExtension(groupId: $groupId, until: $until, reason: $reason) {\n      id\n      kind\n      status\n      requestedUntil\n      group {\n        id\n        ...GroupMembershipCard_group\n      }\n    }\n  }\n": types.RequestExtensionDocument,
    "\n  mutation UpdateMembership($groupId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    updateMembership(groupId: $groupId, userId: $userId, expiresAt: $expiresAt) {\n      expiresAt\n    }\n  }\n": types.UpdateMembershipDocument,
    "\n  fragment NotificationList_notification on Notification {\n    id\n    title\n    body\n    link\n    createdAt\n    readAt\n  }\n": types.NotificationList_NotificationFragmentDoc,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment PermissionCatalogTable_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n": types.PermissionCatalogTable_PermissionFragmentDoc,
    "\n  fragment PermissionImpactNotice_impact on PermissionImpact {\n    membershipsEnded\n    usersLosingRequest\n    users {\n      id\n      displayName\n    }\n  }\n": types.PermissionImpactNotice_ImpactFragmentDoc,
    "\n  query GroupPermissionImpact($groupId: ID!, $permissions: [String!]!) {\n    groupPermissionImpact(groupId: $groupId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n": types.GroupPermissionImpactDocument,
    "\n  query UserPermissionImpact($userId: ID!, $permissions: [String!]!) {\n    userPermissionImpact(userId: $userId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n": types.UserPermissionImpactDocument,
    "\n  fragment PermissionOriginsTable_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n": types.PermissionOriginsTable_UserFragmentDoc,
    "\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n": types.PermissionSelect_PermissionFragmentDoc,
    "\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalogTable_permission\n    }\n  }\n": types.DefinePermissionDocument,
    "\n  mutation CreateScimToken($name: String) {\n    createScimToken(name: $name) {\n      id\n      token\n    }\n  }\n": types.CreateScimTokenDocument,
    "\n  fragment MyRequestsTable_request on GroupRequest {\n    id\n    kind\n    status\n    reason\n    createdAt\n    decidedAt\n    decisionComment\n    decidedBy {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n": types.MyRequestsTable_RequestFragmentDoc,
    "\n  fragment QueueTable_request on GroupRequest {\n    id\n    kind\n    reason\n    createdAt\n    requestedUntil\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n": types.QueueTable_RequestFragmentDoc,
    "\n  mutation ApproveRequest($requestId: ID!, $comment: String, $expiresAt: DateTime) {\n    approveRequest(requestId: $requestId, comment: $comment, expiresAt: $expiresAt) {\n      id\n      status\n      decidedAt\n      decisionComment\n      user {\n        id\n      }\n      group {\n        id\n      }\n    }\n  }\n": types.ApproveRequestDocument,
    "\n  mutation DecideRequests($requestIds: [ID!]!, $approve: Boolean!, $comment: String) {\n    decideRequests(requestIds: $requestIds, approve: $approve, comment: $comment) {\n      requestId\n      ok\n      error {\n        code\n        reason\n        message\n      }\n      request {\n        id\n        status\n        user {\n          id\n        }\n        group {\n          id\n        }\n      }\n    }\n  }\n": types.DecideRequestsDocument,
    "\n  mutation RejectRequest($requestId: ID!, $comment: String) {\n    rejectRequest(requestId: $requestId, comment: $comment) {\n      id\n      status\n      decidedAt\n      decisionComment\n      group {\n        id\n      }\n    }\n  }\n": types.RejectRequestDocument,
    "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n      }\n    }\n  }\n": types.WithdrawRequestDocument,
    "\n  fragment AccessEditor_resource on Resource {\n    id\n    name\n    visibility\n    grants {\n      id\n      level\n      createdAt\n      expiresAt\n      user {\n        id\n        displayName\n        email\n      }\n      group {\n        id\n        name\n      }\n      grantedBy {\n        id\n        displayName\n      }\n    }\n  }\n": types.AccessEditor_ResourceFragmentDoc,
    "\n  fragment AccessExplanationView_explanation on AccessExplanation {\n    level\n    reasons {\n      kind\n      level\n      expiresAt\n      group {\n        id\n        name\n      }\n      grant {\n        id\n      }\n    }\n  }\n": types.AccessExplanationView_ExplanationFragmentDoc,
    "\n  fragment ResourceDetailsForm_resource on Resource {\n    id\n    name\n    description\n  }\n": types.ResourceDetailsForm_ResourceFragmentDoc,
    "\n  query ResourceKinds {\n    resourceKinds\n  }\n": types.ResourceKindsDocument,
    "\n  fragment ResourcesTable_resource on Resource {\n    id\n    kind\n    name\n    externalId\n    visibility\n    viewerLevel\n    owner {\n      id\n      displayName\n    }\n  }\n": types.ResourcesTable_ResourceFragmentDoc,
    "\n  query ShareGroupSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          viewerCanShare\n          viewerShareRefusal\n        }\n      }\n    }\n  }\n": types.ShareGroupSearchDocument,
    "\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      id\n      ...ResourcesTable_resource\n    }\n  }\n": types.CreateResourceDocument,
    "\n  mutation DeleteResource($id: ID!) {\n    deleteResource(id: $id)\n  }\n": types.DeleteResourceDocument,
    "\n  mutation GrantAccess($resourceId: ID!, $level: AccessLevel!, $userId: ID, $groupId: ID, $expiresAt: DateTime) {\n    grantAccess(resourceId: $resourceId, level: $level, userId: $userId, groupId: $groupId, expiresAt: $expiresAt) {\n      id\n      resource {\n        id\n        ...AccessEditor_resource\n      }\n    }\n  }\n": types.GrantAccessDocument,
    "\n  mutation RevokeAccess($grantId: ID!) {\n    revokeAccess(grantId: $grantId)\n  }\n": types.RevokeAccessDocument,
    "\n  mutation SetResourceAccess($resourceId: ID!, $input: AccessControlInput!) {\n    setResourceAccess(resourceId: $resourceId, input: $input) {\n      id\n      ...AccessEditor_resource\n    }\n  }\n": types.SetResourceAccessDocument,
    "\n  mutation TransferResourceOwnership($resourceId: ID!, $userId: ID!) {\n    transferResourceOwnership(resourceId: $resourceId, userId: $userId) {\n      id\n      viewerLevel\n      owner {\n        id\n        displayName\n        email\n      }\n      ...AccessEditor_resource\n    }\n  }\n": types.TransferResourceOwnershipDocument,
    "\n  mutation UpdateResource($id: ID!, $input: UpdateResourceInput!) {\n    updateResource(id: $id, input: $input) {\n      id\n      ...ResourceDetailsForm_resource @unmask\n    }\n  }\n": types.UpdateResourceDocument,
    "\n  query ReviewDecisionsCsv($id: ID!) {\n    accessReview(id: $id) {\n      id\n      decisionsCsv\n    }\n  }\n": types.ReviewDecisionsCsvDocument,
    "\n  fragment ReviewGroupHeader_group on Group {\n    id\n    name\n    permissions\n    # eslint-disable-next-line @graphql-eslint/require-selections -- no grant ids (see above)\n    grants {\n      level\n      resourceId\n      resourceName\n    }\n  }\n": types.ReviewGroupHeader_GroupFragmentDoc,
    "\n  fragment ReviewItemsTable_item on AccessReviewItem {\n    id\n    source\n    memberSince\n    lastSignInAt\n    decision\n    decidedAt\n    comment\n    applied\n    viewerCanDecide\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n    }\n    decidedBy {\n      id\n      displayName\n    }\n  }\n": types.ReviewItemsTable_ItemFragmentDoc,
    "\n  fragment ReviewProgress_review on AccessReview {\n    id\n    itemCount\n    decidedCount\n    groupProgress {\n      itemCount\n      decidedCount\n      group {\n        id\n        name\n      }\n    }\n    reviewerProgress {\n      decidedCount\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n": types.ReviewProgress_ReviewFragmentDoc,
    "\n  fragment ReviewsTable_review on AccessReview {\n    id\n    name\n    status\n    deadline\n    closedAt\n    itemCount\n    decidedCount\n    groups {\n      id\n      name\n    }\n  }\n": types.ReviewsTable_ReviewFragmentDoc,
    "\n  query ReviewPermissionCatalog {\n    permissions {\n      key\n      description\n    }\n  }\n": types.ReviewPermissionCatalogDocument,
    "\n  mutation StartAccessReview($input: AccessReviewInput!) {\n    startAccessReview(input: $input) {\n      id\n      name\n    }\n  }\n": types.StartAccessReviewDocument,
    "\n  mutation DecideReviewItems($itemIds: [ID!]!, $decision: ReviewDecision!, $comment: String) {\n    decideReviewItems(itemIds: $itemIds, decision: $decision, comment: $comment) {\n      id\n      decision\n      decidedAt\n      comment\n      viewerCanDecide\n      decidedBy {\n        id\n        displayName\n      }\n    }\n  }\n": types.DecideReviewItemsDocument,
    "\n  mutation CloseAccessReview($id: ID!) {\n    closeAccessReview(id: $id) {\n      id\n      status\n      closedAt\n      itemCount\n      decidedCount\n      viewerCanClose\n    }\n  }\n": types.CloseAccessReviewDocument,
    "\n  query ReviewCounts($id: ID!) {\n    accessReview(id: $id) {\n      id\n      itemCount\n      decidedCount\n      ...ReviewProgress_review\n    }\n  }\n": types.ReviewCountsDocument,
    "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.CompleteSetupDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  fragment EmailDeliveryCard_settings on Settings {\n    emailDelivery {\n      enabled\n      server\n      from\n    }\n  }\n": types.EmailDeliveryCard_SettingsFragmentDoc,
    "\n  fragment SettingsForm_settings on Settings {\n    autoLeave\n    notifyApprovers\n    allowSelfApproval\n    requireRequestReason\n    permissionLossPolicy\n    defaultGroups {\n      id\n      name\n    }\n    adminBypass\n    registration\n    expiryWarningDays\n  }\n": types.SettingsForm_SettingsFragmentDoc,
    "\n  mutation TestEmail($to: String!) {\n    testEmail(to: $to) {\n      accepted\n      code\n      response\n      durationMs\n    }\n  }\n": types.TestEmailDocument,
    "\n  mutation UpdateSettings($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      ...SettingsForm_settings @unmask\n    }\n  }\n": types.UpdateSettingsDocument,
    "\n  query SsoSyncPreview($userId: ID!, $claimValue: String!) {\n    ssoSyncPreview(userId: $userId, claimValue: $claimValue) {\n      claimed\n      join\n      leave\n      create\n      blocked\n    }\n  }\n": types.SsoSyncPreviewDocument,
    "\n  fragment SsoSettingsForm_sso on SsoSettings {\n    groupSync\n    claim\n    createGroups\n    blockedGroups\n    createUsers\n    linkByEmail\n  }\n": types.SsoSettingsForm_SsoFragmentDoc,
    "\n  mutation UpdateSsoSettings($sso: SsoSettingsInput!) {\n    updateSettings(input: { sso: $sso }) {\n      sso {\n        ...SsoSettingsForm_sso @unmask\n      }\n    }\n  }\n": types.UpdateSsoSettingsDocument,
    "\n  fragment ApiTokensCard_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n": types.ApiTokensCard_UserFragmentDoc,
    "\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment DirectPermissionsForm_user on User {\n    id\n    isAdmin\n    permissions\n  }\n": types.DirectPermissionsForm_UserFragmentDoc,
    "\n  fragment UserDetailsForm_user on User {\n    id\n    displayName\n    email\n  }\n": types.UserDetailsForm_UserFragmentDoc,
    "\n  query UserPickerSearch($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          isActive\n        }\n      }\n    }\n  }\n": types.UserPickerSearchDocument,
    "\n  query UserReach($userId: ID!, $after: String) {\n    resources(userId: $userId, first: 10, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          accessExplanation(userId: $userId) {\n            level\n          }\n          accessReasons(userId: $userId) {\n            kind\n            level\n            expiresAt\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.UserReachDocument,
    "\n  fragment UserStatusCard_user on User {\n    id\n    displayName\n    kind\n    isActive\n    isAdmin\n    viewerCan {\n      setActive\n      setAdmin\n    }\n  }\n": types.UserStatusCard_UserFragmentDoc,
    "\n  fragment UsersTable_user on User {\n    id\n    displayName\n    email\n    kind\n    isAdmin\n    isActive\n    createdAt\n    lastSignInAt\n  }\n": types.UsersTable_UserFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      ...UsersTable_user\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation SetUserPermissions($userId: ID!, $permissions: [String!]!) {\n    setUserPermissions(userId: $userId, permissions: $permissions) {\n      id\n      permissions\n      effectivePermissions\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n    }\n  }\n": types.SetUserPermissionsDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n  }\n": types.UpdateUserDocument,
    "\n  fragment DeliveriesTable_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    httpStatus\n    durationMs\n    error\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n": types.DeliveriesTable_DeliveryFragmentDoc,
    "\n  fragment WebhookSettingsForm_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n  }\n": types.WebhookSettingsForm_WebhookFragmentDoc,
    "\n  fragment WebhooksTable_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n    lastDeliveryAt\n    lastHttpStatus\n    failingSince\n  }\n": types.WebhooksTable_WebhookFragmentDoc,
    "\n  query WebhookGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n": types.WebhookGroupDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: WebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      failingSince\n      ...WebhookSettingsForm_webhook @unmask\n      ...WebhooksTable_webhook\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      eventId\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation RedeliverEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n      eventId\n    }\n  }\n": types.RedeliverEventDocument,
    "\n  query MyAccess($search: String, $first: Int!, $after: String) {\n    resources(filter: { minLevel: READ, search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          name\n          viewerLevel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MyAccessDocument,
    "\n  query MyAccessExplanation($resourceId: ID!) {\n    explainAccess(resourceId: $resourceId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n": types.MyAccessExplanationDocument,
    "\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n      ...NotificationPreferencesForm_user\n    }\n  }\n": types.AccountPageDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AdminGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      createdAt\n      joinPath\n      memberCount\n      maxMembers\n      ...GroupFlagBadges_group\n      ...GroupSettingsForm_group\n      ...GroupPermissionsForm_group\n      ...GroupLeadersForm_group\n      ...DeleteGroupCard_group\n      viewerCan {\n        addMembers\n        removeMembers\n        changeExpiry\n      }\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n": types.AdminGroupDocument,
    "\n  query AdminGroups($search: String, $first: Int!, $after: String) {\n    groups(filter: { search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupsTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.AdminGroupsDocument,
    "\n  query AdminPermissions {\n    permissions {\n      key\n      ...PermissionCatalogTable_permission\n    }\n  }\n": types.AdminPermissionsDocument,
    "\n  query AdminProvisioning {\n    scimProvisioning {\n      baseUrl\n      scimPath\n      account {\n        id\n        displayName\n        ...ApiTokensCard_user\n      }\n    }\n  }\n": types.AdminProvisioningDocument,
    "\n  query ScimActivity($actorId: ID!, $timeZone: String) {\n    auditEvents(filter: { actorId: $actorId }, first: 20) {\n      edges {\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n    }\n  }\n": types.ScimActivityDocument,
    "\n  query AdminSettings {\n    settings {\n      ...SettingsForm_settings\n      ...EmailDeliveryCard_settings\n    }\n  }\n": types.AdminSettingsDocument,
    "\n  query AdminSso {\n    authConfig {\n      ssoEnabled\n      ssoDisplayName\n    }\n    settings {\n      sso {\n        groupSync\n        ...SsoSettingsForm_sso\n      }\n    }\n  }\n": types.AdminSsoDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      kind\n      isActive\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...UserDetailsForm_user\n      ...UserStatusCard_user\n      ...DirectPermissionsForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n": types.AdminUserDocument,
    "\n  query AdminUsers($search: String, $filter: UserFilter, $first: Int!, $after: String) {\n    users(search: $search, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...UsersTable_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminWebhook($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean!) {\n    webhook(id: $id) {\n      id\n      url\n      enabled\n      createdAt\n      lastDeliveryAt\n      lastHttpStatus\n      failingSince\n      ...WebhookSettingsForm_webhook\n      deliveries(first: $first, after: $after, failedOnly: $failedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            nextAttemptAt\n            ...DeliveriesTable_delivery\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.AdminWebhookDocument,
    "\n  query AdminWebhooks {\n    webhooks {\n      id\n      ...WebhooksTable_webhook\n    }\n  }\n": types.AdminWebhooksDocument,
    "\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      description\n      joinPath\n      memberCount\n      maxMembers\n      permissions\n      pendingRequestCount\n      internal\n      hidden\n      open\n      public\n      restricted\n      ...GroupFlagBadges_group\n      ...GroupMembershipCard_group\n      leaders {\n        id\n        displayName\n      }\n      leaderGroups {\n        id\n        name\n      }\n      viewerMembership {\n        source\n      }\n      viewerCan {\n        decideRequests\n        addMembers\n        removeMembers\n        changeExpiry\n        listMembers\n        readHistory\n        update\n      }\n    }\n  }\n": types.GroupPageDocument,
    "\n  query GroupDirectory($filter: GroupFilter, $first: Int!, $after: String) {\n    groups(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupDirectoryTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GroupDirectoryDocument,
    "\n  query LedGroups($first: Int!, $after: String) {\n    groups(filter: { ledOnly: true }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          joinPath\n          memberCount\n          maxMembers\n          pendingRequestCount\n          ...GroupFlagBadges_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.LedGroupsDocument,
    "\n  query Queue($kind: RequestKind!, $groupId: ID, $first: Int!, $after: String) {\n    list: groupRequests(filter: { status: PENDING, kind: $kind, groupId: $groupId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...QueueTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    joins: groupRequests(filter: { status: PENDING, kind: JOIN, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    leaves: groupRequests(filter: { status: PENDING, kind: LEAVE, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    extensions: groupRequests(filter: { status: PENDING, kind: EXTEND, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n  }\n": types.QueueDocument,
    "\n  query MyRequests($status: RequestStatus, $first: Int!, $after: String) {\n    groupRequests(filter: { mine: true, status: $status }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyRequestsTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MyRequestsDocument,
    "\n  query ExplainUserAccess($resourceId: ID!, $userId: ID!) {\n    explainAccess(resourceId: $resourceId, userId: $userId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n": types.ExplainUserAccessDocument,
    "\n  query ResourcePage($id: ID!) {\n    resource(id: $id) {\n      id\n      kind\n      name\n      description\n      externalId\n      visibility\n      viewerLevel\n      viewerCan {\n        edit\n        own\n      }\n      createdAt\n      owner {\n        id\n        displayName\n        email\n      }\n      ...ResourceDetailsForm_resource\n      ...AccessEditor_resource\n    }\n  }\n": types.ResourcePageDocument,
    "\n  query ResourceAccessors($id: ID!, $minLevel: AccessLevel!, $first: Int!, $after: String) {\n    resource(id: $id) {\n      id\n      accessors(minLevel: $minLevel, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            level\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.ResourceAccessorsDocument,
    "\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ResourcesTable_resource\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ResourcesDocument,
    "\n  query Review($id: ID!, $groupId: ID, $undecidedOnly: Boolean, $first: Int!, $after: String) {\n    accessReview(id: $id) {\n      id\n      name\n      status\n      deadline\n      closedAt\n      defaultDecision\n      autoApply\n      permission\n      viewerCanClose\n      createdBy {\n        id\n        displayName\n      }\n      groups {\n        id\n        name\n        # eslint-disable-next-line @graphql-eslint/require-selections -- its grants carry no id by design\n        ...ReviewGroupHeader_group\n      }\n      ...ReviewProgress_review\n      items(first: $first, after: $after, groupId: $groupId, undecidedOnly: $undecidedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            ...ReviewItemsTable_item\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.ReviewDocument,
    "\n  query Reviews($status: ReviewStatus, $first: Int!, $after: String) {\n    accessReviews(status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ReviewsTable_review\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    viewerAbilities {\n      startAccessReview\n    }\n  }\n": types.ReviewsDocument,
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
export function graphql(source: "\n  query Groups($first: Int!, $after: String) {\n    groups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Groups($first: Int!, $after: String) {\n    groups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerAbilities {\n    viewerAbilities {\n      createUser\n      createGroup\n      definePermission\n      manageSettings\n      readAudit\n    }\n  }\n"): (typeof documents)["\n  query ViewerAbilities {\n    viewerAbilities {\n      createUser\n      createGroup\n      definePermission\n      manageSettings\n      readAudit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n      ssoEnabled\n      ssoDisplayName\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n      ssoEnabled\n      ssoDisplayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationBell {\n    notifications(first: 15) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationList_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationBell {\n    notifications(first: 15) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationList_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueCount {\n    groupRequests(filter: { status: PENDING }, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query QueueCount {\n    groupRequests(filter: { status: PENDING }, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewItemsWaiting {\n    reviewItemsWaiting\n  }\n"): (typeof documents)["\n  query ReviewItemsWaiting {\n    reviewItemsWaiting\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationPreferencesForm_user on User {\n    id\n    notificationPreferences {\n      kind\n      email\n      label\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationPreferencesForm_user on User {\n    id\n    notificationPreferences {\n      kind\n      email\n      label\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n"): (typeof documents)["\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n      label\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n      label\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPeople($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditPeople($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPerson($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  query AuditPerson($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditGroups($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditGroups($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditResources($search: String) {\n    resources(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditResources($search: String) {\n    resources(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditResource($id: ID!) {\n    resource(id: $id) {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query AuditResource($id: ID!) {\n    resource(id: $id) {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActions {\n    auditActions {\n      key\n      label\n    }\n  }\n"): (typeof documents)["\n  query AuditActions {\n    auditActions {\n      key\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditTable_event on AuditEvent {\n    id\n    occurredAt\n    action\n    actionLabel\n    # Dates in the sentence are days in the reader's zone (SPEC §20): every query passes $timeZone.\n    summary(timeZone: $timeZone)\n    actorId\n    actorLabel\n    groupId\n    groupLabel\n    userId\n    userLabel\n    resourceId\n    resourceLabel\n    details\n  }\n"): (typeof documents)["\n  fragment AuditTable_event on AuditEvent {\n    id\n    occurredAt\n    action\n    actionLabel\n    # Dates in the sentence are days in the reader's zone (SPEC §20): every query passes $timeZone.\n    summary(timeZone: $timeZone)\n    actorId\n    actorLabel\n    groupId\n    groupLabel\n    userId\n    userLabel\n    resourceId\n    resourceLabel\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeleteGroupCard_group on Group {\n    id\n    name\n    builtIn\n    memberCount\n    viewerCan {\n      delete\n    }\n  }\n"): (typeof documents)["\n  fragment DeleteGroupCard_group on Group {\n    id\n    name\n    builtIn\n    memberCount\n    viewerCan {\n      delete\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupDirectoryTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    full\n    joinPath\n    ...GroupFlagBadges_group\n    viewerCan {\n      join\n      requestJoin\n    }\n    viewerMembership {\n      source\n    }\n    viewerPendingRequest {\n      id\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment GroupDirectoryTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    full\n    joinPath\n    ...GroupFlagBadges_group\n    viewerCan {\n      join\n      requestJoin\n    }\n    viewerMembership {\n      source\n    }\n    viewerPendingRequest {\n      id\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupFlagBadges_group on Group {\n    id\n    builtIn\n    system\n    internal\n    hidden\n    open\n    public\n    restricted\n    source\n  }\n"): (typeof documents)["\n  fragment GroupFlagBadges_group on Group {\n    id\n    builtIn\n    system\n    internal\n    hidden\n    open\n    public\n    restricted\n    source\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupHistory($filter: AuditFilter!, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupHistory($filter: AuditFilter!, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupLeadersForm_group on Group {\n    id\n    leaders {\n      id\n      displayName\n      email\n    }\n    leaderGroups {\n      id\n      name\n    }\n    viewerCan {\n      setLeaders\n    }\n  }\n"): (typeof documents)["\n  fragment GroupLeadersForm_group on Group {\n    id\n    leaders {\n      id\n      displayName\n      email\n    }\n    leaderGroups {\n      id\n      name\n    }\n    viewerCan {\n      setLeaders\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($id: ID!, $search: String, $first: Int!, $after: String) {\n    group(id: $id) {\n      id\n      members(search: $search, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...GroupMembersTable_membership @unmask\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupMembers($id: ID!, $search: String, $first: Int!, $after: String) {\n    group(id: $id) {\n      id\n      members(search: $search, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...GroupMembersTable_membership @unmask\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupMembersTable_membership on Membership {\n    source\n    createdAt\n    expiresAt\n    addedBy {\n      id\n      displayName\n    }\n    user {\n      id\n      displayName\n      email\n      kind\n      isActive\n    }\n  }\n"): (typeof documents)["\n  fragment GroupMembersTable_membership on Membership {\n    source\n    createdAt\n    expiresAt\n    addedBy {\n      id\n      displayName\n    }\n    user {\n      id\n      displayName\n      email\n      kind\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupMembershipCard_group on Group {\n    id\n    name\n    memberCount\n    maxMembers\n    full\n    permissions\n    viewerCan {\n      join\n      requestJoin\n      leave\n      requestLeave\n      requestExtension\n    }\n    viewerMembership {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n    }\n    viewerPendingRequest {\n      id\n      kind\n      reason\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment GroupMembershipCard_group on Group {\n    id\n    name\n    memberCount\n    maxMembers\n    full\n    permissions\n    viewerCan {\n      join\n      requestJoin\n      leave\n      requestLeave\n      requestExtension\n    }\n    viewerMembership {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n    }\n    viewerPendingRequest {\n      id\n      kind\n      reason\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupPermissionsForm_group on Group {\n    id\n    permissions\n    viewerCan {\n      setPermissions\n    }\n  }\n"): (typeof documents)["\n  fragment GroupPermissionsForm_group on Group {\n    id\n    permissions\n    viewerCan {\n      setPermissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPickerSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupPickerSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupSettingsForm_group on Group {\n    id\n    name\n    description\n    builtIn\n    internal\n    hidden\n    open\n    public\n    restricted\n    shareable\n    maxMembers\n    metadata\n    viewerCan {\n      update\n    }\n  }\n"): (typeof documents)["\n  fragment GroupSettingsForm_group on Group {\n    id\n    name\n    description\n    builtIn\n    internal\n    hidden\n    open\n    public\n    restricted\n    shareable\n    maxMembers\n    metadata\n    viewerCan {\n      update\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupsTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    ...GroupFlagBadges_group\n  }\n"): (typeof documents)["\n  fragment GroupsTable_group on Group {\n    id\n    name\n    description\n    memberCount\n    maxMembers\n    ...GroupFlagBadges_group\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMembers($groupId: ID!, $userIds: [ID!]!, $expiresAt: DateTime) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds, expiresAt: $expiresAt) {\n      user {\n        id\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddGroupMembers($groupId: ID!, $userIds: [ID!]!, $expiresAt: DateTime) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds, expiresAt: $expiresAt) {\n      user {\n        id\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n      ...GroupsTable_group\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n      ...GroupsTable_group\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupGives {\n    resources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          kind\n          accessReasons {\n            kind\n            level\n            group {\n              id\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupGives {\n    resources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          kind\n          accessReasons {\n            kind\n            level\n            group {\n              id\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinGroup($groupId: ID!, $reason: String) {\n    joinGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinGroup($groupId: ID!, $reason: String) {\n    joinGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveGroup($groupId: ID!, $reason: String) {\n    leaveGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveGroup($groupId: ID!, $reason: String) {\n    leaveGroup(groupId: $groupId, reason: $reason) {\n      outcome\n      group {\n        id\n        ...GroupMembershipCard_group\n        ...GroupDirectoryTable_group\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMembers($groupId: ID!, $userIds: [ID!]!, $reason: String) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds, reason: $reason)\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMembers($groupId: ID!, $userIds: [ID!]!, $reason: String) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds, reason: $reason)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupLeaders($groupId: ID!, $userIds: [ID!]!, $groupIds: [ID!]!) {\n    setGroupLeaders(groupId: $groupId, userIds: $userIds, groupIds: $groupIds) {\n      id\n      ...GroupLeadersForm_group\n    }\n  }\n"): (typeof documents)["\n  mutation SetGroupLeaders($groupId: ID!, $userIds: [ID!]!, $groupIds: [ID!]!) {\n    setGroupLeaders(groupId: $groupId, userIds: $userIds, groupIds: $groupIds) {\n      id\n      ...GroupLeadersForm_group\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n      memberCount\n      ...GroupSettingsForm_group @unmask\n      ...GroupPermissionsForm_group @unmask\n      ...GroupsTable_group\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n      memberCount\n      ...GroupSettingsForm_group @unmask\n      ...GroupPermissionsForm_group @unmask\n      ...GroupsTable_group\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GroupEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription GroupEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GroupPageNotifications {\n    notificationAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription GroupPageNotifications {\n    notificationAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestExtension($groupId: ID!, $until: DateTime!, $reason: String) {\n    requestExtension(groupId: $groupId, until: $until, reason: $reason) {\n      id\n      kind\n      status\n      requestedUntil\n      group {\n        id\n        ...GroupMembershipCard_group\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestExtension($groupId: ID!, $until: DateTime!, $reason: String) {\n    requestExtension(groupId: $groupId, until: $until, reason: $reason) {\n      id\n      kind\n      status\n      requestedUntil\n      group {\n        id\n        ...GroupMembershipCard_group\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMembership($groupId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    updateMembership(groupId: $groupId, userId: $userId, expiresAt: $expiresAt) {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMembership($groupId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    updateMembership(groupId: $groupId, userId: $userId, expiresAt: $expiresAt) {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationList_notification on Notification {\n    id\n    title\n    body\n    link\n    createdAt\n    readAt\n  }\n"): (typeof documents)["\n  fragment NotificationList_notification on Notification {\n    id\n    title\n    body\n    link\n    createdAt\n    readAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionCatalogTable_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n"): (typeof documents)["\n  fragment PermissionCatalogTable_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionImpactNotice_impact on PermissionImpact {\n    membershipsEnded\n    usersLosingRequest\n    users {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment PermissionImpactNotice_impact on PermissionImpact {\n    membershipsEnded\n    usersLosingRequest\n    users {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPermissionImpact($groupId: ID!, $permissions: [String!]!) {\n    groupPermissionImpact(groupId: $groupId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n"): (typeof documents)["\n  query GroupPermissionImpact($groupId: ID!, $permissions: [String!]!) {\n    groupPermissionImpact(groupId: $groupId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPermissionImpact($userId: ID!, $permissions: [String!]!) {\n    userPermissionImpact(userId: $userId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n"): (typeof documents)["\n  query UserPermissionImpact($userId: ID!, $permissions: [String!]!) {\n    userPermissionImpact(userId: $userId, permissions: $permissions) {\n      ...PermissionImpactNotice_impact @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionOriginsTable_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PermissionOriginsTable_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n"): (typeof documents)["\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalogTable_permission\n    }\n  }\n"): (typeof documents)["\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalogTable_permission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScimToken($name: String) {\n    createScimToken(name: $name) {\n      id\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CreateScimToken($name: String) {\n    createScimToken(name: $name) {\n      id\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyRequestsTable_request on GroupRequest {\n    id\n    kind\n    status\n    reason\n    createdAt\n    decidedAt\n    decisionComment\n    decidedBy {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n"): (typeof documents)["\n  fragment MyRequestsTable_request on GroupRequest {\n    id\n    kind\n    status\n    reason\n    createdAt\n    decidedAt\n    decisionComment\n    decidedBy {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueTable_request on GroupRequest {\n    id\n    kind\n    reason\n    createdAt\n    requestedUntil\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n"): (typeof documents)["\n  fragment QueueTable_request on GroupRequest {\n    id\n    kind\n    reason\n    createdAt\n    requestedUntil\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n      joinPath\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveRequest($requestId: ID!, $comment: String, $expiresAt: DateTime) {\n    approveRequest(requestId: $requestId, comment: $comment, expiresAt: $expiresAt) {\n      id\n      status\n      decidedAt\n      decisionComment\n      user {\n        id\n      }\n      group {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveRequest($requestId: ID!, $comment: String, $expiresAt: DateTime) {\n    approveRequest(requestId: $requestId, comment: $comment, expiresAt: $expiresAt) {\n      id\n      status\n      decidedAt\n      decisionComment\n      user {\n        id\n      }\n      group {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideRequests($requestIds: [ID!]!, $approve: Boolean!, $comment: String) {\n    decideRequests(requestIds: $requestIds, approve: $approve, comment: $comment) {\n      requestId\n      ok\n      error {\n        code\n        reason\n        message\n      }\n      request {\n        id\n        status\n        user {\n          id\n        }\n        group {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecideRequests($requestIds: [ID!]!, $approve: Boolean!, $comment: String) {\n    decideRequests(requestIds: $requestIds, approve: $approve, comment: $comment) {\n      requestId\n      ok\n      error {\n        code\n        reason\n        message\n      }\n      request {\n        id\n        status\n        user {\n          id\n        }\n        group {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectRequest($requestId: ID!, $comment: String) {\n    rejectRequest(requestId: $requestId, comment: $comment) {\n      id\n      status\n      decidedAt\n      decisionComment\n      group {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectRequest($requestId: ID!, $comment: String) {\n    rejectRequest(requestId: $requestId, comment: $comment) {\n      id\n      status\n      decidedAt\n      decisionComment\n      group {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawRequest($requestId: ID!) {\n    withdrawRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccessEditor_resource on Resource {\n    id\n    name\n    visibility\n    grants {\n      id\n      level\n      createdAt\n      expiresAt\n      user {\n        id\n        displayName\n        email\n      }\n      group {\n        id\n        name\n      }\n      grantedBy {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AccessEditor_resource on Resource {\n    id\n    name\n    visibility\n    grants {\n      id\n      level\n      createdAt\n      expiresAt\n      user {\n        id\n        displayName\n        email\n      }\n      group {\n        id\n        name\n      }\n      grantedBy {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccessExplanationView_explanation on AccessExplanation {\n    level\n    reasons {\n      kind\n      level\n      expiresAt\n      group {\n        id\n        name\n      }\n      grant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AccessExplanationView_explanation on AccessExplanation {\n    level\n    reasons {\n      kind\n      level\n      expiresAt\n      group {\n        id\n        name\n      }\n      grant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceDetailsForm_resource on Resource {\n    id\n    name\n    description\n  }\n"): (typeof documents)["\n  fragment ResourceDetailsForm_resource on Resource {\n    id\n    name\n    description\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceKinds {\n    resourceKinds\n  }\n"): (typeof documents)["\n  query ResourceKinds {\n    resourceKinds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourcesTable_resource on Resource {\n    id\n    kind\n    name\n    externalId\n    visibility\n    viewerLevel\n    owner {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ResourcesTable_resource on Resource {\n    id\n    kind\n    name\n    externalId\n    visibility\n    viewerLevel\n    owner {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareGroupSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          viewerCanShare\n          viewerShareRefusal\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShareGroupSearch($search: String) {\n    groups(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          viewerCanShare\n          viewerShareRefusal\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      id\n      ...ResourcesTable_resource\n    }\n  }\n"): (typeof documents)["\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      id\n      ...ResourcesTable_resource\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteResource($id: ID!) {\n    deleteResource(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteResource($id: ID!) {\n    deleteResource(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantAccess($resourceId: ID!, $level: AccessLevel!, $userId: ID, $groupId: ID, $expiresAt: DateTime) {\n    grantAccess(resourceId: $resourceId, level: $level, userId: $userId, groupId: $groupId, expiresAt: $expiresAt) {\n      id\n      resource {\n        id\n        ...AccessEditor_resource\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantAccess($resourceId: ID!, $level: AccessLevel!, $userId: ID, $groupId: ID, $expiresAt: DateTime) {\n    grantAccess(resourceId: $resourceId, level: $level, userId: $userId, groupId: $groupId, expiresAt: $expiresAt) {\n      id\n      resource {\n        id\n        ...AccessEditor_resource\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccess($grantId: ID!) {\n    revokeAccess(grantId: $grantId)\n  }\n"): (typeof documents)["\n  mutation RevokeAccess($grantId: ID!) {\n    revokeAccess(grantId: $grantId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetResourceAccess($resourceId: ID!, $input: AccessControlInput!) {\n    setResourceAccess(resourceId: $resourceId, input: $input) {\n      id\n      ...AccessEditor_resource\n    }\n  }\n"): (typeof documents)["\n  mutation SetResourceAccess($resourceId: ID!, $input: AccessControlInput!) {\n    setResourceAccess(resourceId: $resourceId, input: $input) {\n      id\n      ...AccessEditor_resource\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferResourceOwnership($resourceId: ID!, $userId: ID!) {\n    transferResourceOwnership(resourceId: $resourceId, userId: $userId) {\n      id\n      viewerLevel\n      owner {\n        id\n        displayName\n        email\n      }\n      ...AccessEditor_resource\n    }\n  }\n"): (typeof documents)["\n  mutation TransferResourceOwnership($resourceId: ID!, $userId: ID!) {\n    transferResourceOwnership(resourceId: $resourceId, userId: $userId) {\n      id\n      viewerLevel\n      owner {\n        id\n        displayName\n        email\n      }\n      ...AccessEditor_resource\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateResource($id: ID!, $input: UpdateResourceInput!) {\n    updateResource(id: $id, input: $input) {\n      id\n      ...ResourceDetailsForm_resource @unmask\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateResource($id: ID!, $input: UpdateResourceInput!) {\n    updateResource(id: $id, input: $input) {\n      id\n      ...ResourceDetailsForm_resource @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewDecisionsCsv($id: ID!) {\n    accessReview(id: $id) {\n      id\n      decisionsCsv\n    }\n  }\n"): (typeof documents)["\n  query ReviewDecisionsCsv($id: ID!) {\n    accessReview(id: $id) {\n      id\n      decisionsCsv\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewGroupHeader_group on Group {\n    id\n    name\n    permissions\n    # eslint-disable-next-line @graphql-eslint/require-selections -- no grant ids (see above)\n    grants {\n      level\n      resourceId\n      resourceName\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewGroupHeader_group on Group {\n    id\n    name\n    permissions\n    # eslint-disable-next-line @graphql-eslint/require-selections -- no grant ids (see above)\n    grants {\n      level\n      resourceId\n      resourceName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewItemsTable_item on AccessReviewItem {\n    id\n    source\n    memberSince\n    lastSignInAt\n    decision\n    decidedAt\n    comment\n    applied\n    viewerCanDecide\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n    }\n    decidedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewItemsTable_item on AccessReviewItem {\n    id\n    source\n    memberSince\n    lastSignInAt\n    decision\n    decidedAt\n    comment\n    applied\n    viewerCanDecide\n    user {\n      id\n      displayName\n      email\n    }\n    group {\n      id\n      name\n    }\n    decidedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewProgress_review on AccessReview {\n    id\n    itemCount\n    decidedCount\n    groupProgress {\n      itemCount\n      decidedCount\n      group {\n        id\n        name\n      }\n    }\n    reviewerProgress {\n      decidedCount\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewProgress_review on AccessReview {\n    id\n    itemCount\n    decidedCount\n    groupProgress {\n      itemCount\n      decidedCount\n      group {\n        id\n        name\n      }\n    }\n    reviewerProgress {\n      decidedCount\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewsTable_review on AccessReview {\n    id\n    name\n    status\n    deadline\n    closedAt\n    itemCount\n    decidedCount\n    groups {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewsTable_review on AccessReview {\n    id\n    name\n    status\n    deadline\n    closedAt\n    itemCount\n    decidedCount\n    groups {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewPermissionCatalog {\n    permissions {\n      key\n      description\n    }\n  }\n"): (typeof documents)["\n  query ReviewPermissionCatalog {\n    permissions {\n      key\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAccessReview($input: AccessReviewInput!) {\n    startAccessReview(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation StartAccessReview($input: AccessReviewInput!) {\n    startAccessReview(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideReviewItems($itemIds: [ID!]!, $decision: ReviewDecision!, $comment: String) {\n    decideReviewItems(itemIds: $itemIds, decision: $decision, comment: $comment) {\n      id\n      decision\n      decidedAt\n      comment\n      viewerCanDecide\n      decidedBy {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecideReviewItems($itemIds: [ID!]!, $decision: ReviewDecision!, $comment: String) {\n    decideReviewItems(itemIds: $itemIds, decision: $decision, comment: $comment) {\n      id\n      decision\n      decidedAt\n      comment\n      viewerCanDecide\n      decidedBy {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAccessReview($id: ID!) {\n    closeAccessReview(id: $id) {\n      id\n      status\n      closedAt\n      itemCount\n      decidedCount\n      viewerCanClose\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAccessReview($id: ID!) {\n    closeAccessReview(id: $id) {\n      id\n      status\n      closedAt\n      itemCount\n      decidedCount\n      viewerCanClose\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewCounts($id: ID!) {\n    accessReview(id: $id) {\n      id\n      itemCount\n      decidedCount\n      ...ReviewProgress_review\n    }\n  }\n"): (typeof documents)["\n  query ReviewCounts($id: ID!) {\n    accessReview(id: $id) {\n      id\n      itemCount\n      decidedCount\n      ...ReviewProgress_review\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailDeliveryCard_settings on Settings {\n    emailDelivery {\n      enabled\n      server\n      from\n    }\n  }\n"): (typeof documents)["\n  fragment EmailDeliveryCard_settings on Settings {\n    emailDelivery {\n      enabled\n      server\n      from\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SettingsForm_settings on Settings {\n    autoLeave\n    notifyApprovers\n    allowSelfApproval\n    requireRequestReason\n    permissionLossPolicy\n    defaultGroups {\n      id\n      name\n    }\n    adminBypass\n    registration\n    expiryWarningDays\n  }\n"): (typeof documents)["\n  fragment SettingsForm_settings on Settings {\n    autoLeave\n    notifyApprovers\n    allowSelfApproval\n    requireRequestReason\n    permissionLossPolicy\n    defaultGroups {\n      id\n      name\n    }\n    adminBypass\n    registration\n    expiryWarningDays\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestEmail($to: String!) {\n    testEmail(to: $to) {\n      accepted\n      code\n      response\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  mutation TestEmail($to: String!) {\n    testEmail(to: $to) {\n      accepted\n      code\n      response\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      ...SettingsForm_settings @unmask\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSettings($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      ...SettingsForm_settings @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoSyncPreview($userId: ID!, $claimValue: String!) {\n    ssoSyncPreview(userId: $userId, claimValue: $claimValue) {\n      claimed\n      join\n      leave\n      create\n      blocked\n    }\n  }\n"): (typeof documents)["\n  query SsoSyncPreview($userId: ID!, $claimValue: String!) {\n    ssoSyncPreview(userId: $userId, claimValue: $claimValue) {\n      claimed\n      join\n      leave\n      create\n      blocked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SsoSettingsForm_sso on SsoSettings {\n    groupSync\n    claim\n    createGroups\n    blockedGroups\n    createUsers\n    linkByEmail\n  }\n"): (typeof documents)["\n  fragment SsoSettingsForm_sso on SsoSettings {\n    groupSync\n    claim\n    createGroups\n    blockedGroups\n    createUsers\n    linkByEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSsoSettings($sso: SsoSettingsInput!) {\n    updateSettings(input: { sso: $sso }) {\n      sso {\n        ...SsoSettingsForm_sso @unmask\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSsoSettings($sso: SsoSettingsInput!) {\n    updateSettings(input: { sso: $sso }) {\n      sso {\n        ...SsoSettingsForm_sso @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokensCard_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n"): (typeof documents)["\n  fragment ApiTokensCard_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DirectPermissionsForm_user on User {\n    id\n    isAdmin\n    permissions\n  }\n"): (typeof documents)["\n  fragment DirectPermissionsForm_user on User {\n    id\n    isAdmin\n    permissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserDetailsForm_user on User {\n    id\n    displayName\n    email\n  }\n"): (typeof documents)["\n  fragment UserDetailsForm_user on User {\n    id\n    displayName\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPickerSearch($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          isActive\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserPickerSearch($search: String) {\n    users(search: $search, first: 20) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          isActive\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserReach($userId: ID!, $after: String) {\n    resources(userId: $userId, first: 10, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          accessExplanation(userId: $userId) {\n            level\n          }\n          accessReasons(userId: $userId) {\n            kind\n            level\n            expiresAt\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query UserReach($userId: ID!, $after: String) {\n    resources(userId: $userId, first: 10, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          accessExplanation(userId: $userId) {\n            level\n          }\n          accessReasons(userId: $userId) {\n            kind\n            level\n            expiresAt\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserStatusCard_user on User {\n    id\n    displayName\n    kind\n    isActive\n    isAdmin\n    viewerCan {\n      setActive\n      setAdmin\n    }\n  }\n"): (typeof documents)["\n  fragment UserStatusCard_user on User {\n    id\n    displayName\n    kind\n    isActive\n    isAdmin\n    viewerCan {\n      setActive\n      setAdmin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UsersTable_user on User {\n    id\n    displayName\n    email\n    kind\n    isAdmin\n    isActive\n    createdAt\n    lastSignInAt\n  }\n"): (typeof documents)["\n  fragment UsersTable_user on User {\n    id\n    displayName\n    email\n    kind\n    isAdmin\n    isActive\n    createdAt\n    lastSignInAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      ...UsersTable_user\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      ...UsersTable_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserPermissions($userId: ID!, $permissions: [String!]!) {\n    setUserPermissions(userId: $userId, permissions: $permissions) {\n      id\n      permissions\n      effectivePermissions\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserPermissions($userId: ID!, $permissions: [String!]!) {\n    setUserPermissions(userId: $userId, permissions: $permissions) {\n      id\n      permissions\n      effectivePermissions\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeliveriesTable_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    httpStatus\n    durationMs\n    error\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment DeliveriesTable_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    httpStatus\n    durationMs\n    error\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookSettingsForm_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n  }\n"): (typeof documents)["\n  fragment WebhookSettingsForm_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhooksTable_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n    lastDeliveryAt\n    lastHttpStatus\n    failingSince\n  }\n"): (typeof documents)["\n  fragment WebhooksTable_webhook on Webhook {\n    id\n    url\n    description\n    eventTypes\n    groupIds\n    enabled\n    lastDeliveryAt\n    lastHttpStatus\n    failingSince\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query WebhookGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: WebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      failingSince\n      ...WebhookSettingsForm_webhook @unmask\n      ...WebhooksTable_webhook\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($id: ID!, $input: WebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      failingSince\n      ...WebhookSettingsForm_webhook @unmask\n      ...WebhooksTable_webhook\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      eventId\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      eventId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n      eventId\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n      eventId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccess($search: String, $first: Int!, $after: String) {\n    resources(filter: { minLevel: READ, search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          name\n          viewerLevel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MyAccess($search: String, $first: Int!, $after: String) {\n    resources(filter: { minLevel: READ, search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          name\n          viewerLevel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccessExplanation($resourceId: ID!) {\n    explainAccess(resourceId: $resourceId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n"): (typeof documents)["\n  query MyAccessExplanation($resourceId: ID!) {\n    explainAccess(resourceId: $resourceId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n      ...NotificationPreferencesForm_user\n    }\n  }\n"): (typeof documents)["\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n      ...NotificationPreferencesForm_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $first: Int!, $after: String, $timeZone: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      createdAt\n      joinPath\n      memberCount\n      maxMembers\n      ...GroupFlagBadges_group\n      ...GroupSettingsForm_group\n      ...GroupPermissionsForm_group\n      ...GroupLeadersForm_group\n      ...DeleteGroupCard_group\n      viewerCan {\n        addMembers\n        removeMembers\n        changeExpiry\n      }\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n"): (typeof documents)["\n  query AdminGroup($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      createdAt\n      joinPath\n      memberCount\n      maxMembers\n      ...GroupFlagBadges_group\n      ...GroupSettingsForm_group\n      ...GroupPermissionsForm_group\n      ...GroupLeadersForm_group\n      ...DeleteGroupCard_group\n      viewerCan {\n        addMembers\n        removeMembers\n        changeExpiry\n      }\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminGroups($search: String, $first: Int!, $after: String) {\n    groups(filter: { search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupsTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminGroups($search: String, $first: Int!, $after: String) {\n    groups(filter: { search: $search }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupsTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPermissions {\n    permissions {\n      key\n      ...PermissionCatalogTable_permission\n    }\n  }\n"): (typeof documents)["\n  query AdminPermissions {\n    permissions {\n      key\n      ...PermissionCatalogTable_permission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProvisioning {\n    scimProvisioning {\n      baseUrl\n      scimPath\n      account {\n        id\n        displayName\n        ...ApiTokensCard_user\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProvisioning {\n    scimProvisioning {\n      baseUrl\n      scimPath\n      account {\n        id\n        displayName\n        ...ApiTokensCard_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScimActivity($actorId: ID!, $timeZone: String) {\n    auditEvents(filter: { actorId: $actorId }, first: 20) {\n      edges {\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScimActivity($actorId: ID!, $timeZone: String) {\n    auditEvents(filter: { actorId: $actorId }, first: 20) {\n      edges {\n        node {\n          id\n          ...AuditTable_event\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSettings {\n    settings {\n      ...SettingsForm_settings\n      ...EmailDeliveryCard_settings\n    }\n  }\n"): (typeof documents)["\n  query AdminSettings {\n    settings {\n      ...SettingsForm_settings\n      ...EmailDeliveryCard_settings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSso {\n    authConfig {\n      ssoEnabled\n      ssoDisplayName\n    }\n    settings {\n      sso {\n        groupSync\n        ...SsoSettingsForm_sso\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSso {\n    authConfig {\n      ssoEnabled\n      ssoDisplayName\n    }\n    settings {\n      sso {\n        groupSync\n        ...SsoSettingsForm_sso\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      kind\n      isActive\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...UserDetailsForm_user\n      ...UserStatusCard_user\n      ...DirectPermissionsForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      kind\n      isActive\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...UserDetailsForm_user\n      ...UserStatusCard_user\n      ...DirectPermissionsForm_user\n      ...PermissionOriginsTable_user\n      ...MembershipsTable_user\n      ...ApiTokensCard_user\n    }\n    permissions {\n      key\n      ...PermissionSelect_permission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($search: String, $filter: UserFilter, $first: Int!, $after: String) {\n    users(search: $search, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...UsersTable_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($search: String, $filter: UserFilter, $first: Int!, $after: String) {\n    users(search: $search, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...UsersTable_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhook($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean!) {\n    webhook(id: $id) {\n      id\n      url\n      enabled\n      createdAt\n      lastDeliveryAt\n      lastHttpStatus\n      failingSince\n      ...WebhookSettingsForm_webhook\n      deliveries(first: $first, after: $after, failedOnly: $failedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            nextAttemptAt\n            ...DeliveriesTable_delivery\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhook($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean!) {\n    webhook(id: $id) {\n      id\n      url\n      enabled\n      createdAt\n      lastDeliveryAt\n      lastHttpStatus\n      failingSince\n      ...WebhookSettingsForm_webhook\n      deliveries(first: $first, after: $after, failedOnly: $failedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            nextAttemptAt\n            ...DeliveriesTable_delivery\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhooks {\n    webhooks {\n      id\n      ...WebhooksTable_webhook\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhooks {\n    webhooks {\n      id\n      ...WebhooksTable_webhook\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      description\n      joinPath\n      memberCount\n      maxMembers\n      permissions\n      pendingRequestCount\n      internal\n      hidden\n      open\n      public\n      restricted\n      ...GroupFlagBadges_group\n      ...GroupMembershipCard_group\n      leaders {\n        id\n        displayName\n      }\n      leaderGroups {\n        id\n        name\n      }\n      viewerMembership {\n        source\n      }\n      viewerCan {\n        decideRequests\n        addMembers\n        removeMembers\n        changeExpiry\n        listMembers\n        readHistory\n        update\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      id\n      name\n      description\n      joinPath\n      memberCount\n      maxMembers\n      permissions\n      pendingRequestCount\n      internal\n      hidden\n      open\n      public\n      restricted\n      ...GroupFlagBadges_group\n      ...GroupMembershipCard_group\n      leaders {\n        id\n        displayName\n      }\n      leaderGroups {\n        id\n        name\n      }\n      viewerMembership {\n        source\n      }\n      viewerCan {\n        decideRequests\n        addMembers\n        removeMembers\n        changeExpiry\n        listMembers\n        readHistory\n        update\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupDirectory($filter: GroupFilter, $first: Int!, $after: String) {\n    groups(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupDirectoryTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GroupDirectory($filter: GroupFilter, $first: Int!, $after: String) {\n    groups(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...GroupDirectoryTable_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedGroups($first: Int!, $after: String) {\n    groups(filter: { ledOnly: true }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          joinPath\n          memberCount\n          maxMembers\n          pendingRequestCount\n          ...GroupFlagBadges_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query LedGroups($first: Int!, $after: String) {\n    groups(filter: { ledOnly: true }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          joinPath\n          memberCount\n          maxMembers\n          pendingRequestCount\n          ...GroupFlagBadges_group\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Queue($kind: RequestKind!, $groupId: ID, $first: Int!, $after: String) {\n    list: groupRequests(filter: { status: PENDING, kind: $kind, groupId: $groupId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...QueueTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    joins: groupRequests(filter: { status: PENDING, kind: JOIN, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    leaves: groupRequests(filter: { status: PENDING, kind: LEAVE, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    extensions: groupRequests(filter: { status: PENDING, kind: EXTEND, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Queue($kind: RequestKind!, $groupId: ID, $first: Int!, $after: String) {\n    list: groupRequests(filter: { status: PENDING, kind: $kind, groupId: $groupId }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...QueueTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    joins: groupRequests(filter: { status: PENDING, kind: JOIN, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    leaves: groupRequests(filter: { status: PENDING, kind: LEAVE, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n    extensions: groupRequests(filter: { status: PENDING, kind: EXTEND, groupId: $groupId }, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRequests($status: RequestStatus, $first: Int!, $after: String) {\n    groupRequests(filter: { mine: true, status: $status }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyRequestsTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MyRequests($status: RequestStatus, $first: Int!, $after: String) {\n    groupRequests(filter: { mine: true, status: $status }, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyRequestsTable_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainUserAccess($resourceId: ID!, $userId: ID!) {\n    explainAccess(resourceId: $resourceId, userId: $userId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n"): (typeof documents)["\n  query ExplainUserAccess($resourceId: ID!, $userId: ID!) {\n    explainAccess(resourceId: $resourceId, userId: $userId) {\n      ...AccessExplanationView_explanation @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourcePage($id: ID!) {\n    resource(id: $id) {\n      id\n      kind\n      name\n      description\n      externalId\n      visibility\n      viewerLevel\n      viewerCan {\n        edit\n        own\n      }\n      createdAt\n      owner {\n        id\n        displayName\n        email\n      }\n      ...ResourceDetailsForm_resource\n      ...AccessEditor_resource\n    }\n  }\n"): (typeof documents)["\n  query ResourcePage($id: ID!) {\n    resource(id: $id) {\n      id\n      kind\n      name\n      description\n      externalId\n      visibility\n      viewerLevel\n      viewerCan {\n        edit\n        own\n      }\n      createdAt\n      owner {\n        id\n        displayName\n        email\n      }\n      ...ResourceDetailsForm_resource\n      ...AccessEditor_resource\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceAccessors($id: ID!, $minLevel: AccessLevel!, $first: Int!, $after: String) {\n    resource(id: $id) {\n      id\n      accessors(minLevel: $minLevel, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            level\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResourceAccessors($id: ID!, $minLevel: AccessLevel!, $first: Int!, $after: String) {\n    resource(id: $id) {\n      id\n      accessors(minLevel: $minLevel, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            level\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ResourcesTable_resource\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ResourcesTable_resource\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Review($id: ID!, $groupId: ID, $undecidedOnly: Boolean, $first: Int!, $after: String) {\n    accessReview(id: $id) {\n      id\n      name\n      status\n      deadline\n      closedAt\n      defaultDecision\n      autoApply\n      permission\n      viewerCanClose\n      createdBy {\n        id\n        displayName\n      }\n      groups {\n        id\n        name\n        # eslint-disable-next-line @graphql-eslint/require-selections -- its grants carry no id by design\n        ...ReviewGroupHeader_group\n      }\n      ...ReviewProgress_review\n      items(first: $first, after: $after, groupId: $groupId, undecidedOnly: $undecidedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            ...ReviewItemsTable_item\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Review($id: ID!, $groupId: ID, $undecidedOnly: Boolean, $first: Int!, $after: String) {\n    accessReview(id: $id) {\n      id\n      name\n      status\n      deadline\n      closedAt\n      defaultDecision\n      autoApply\n      permission\n      viewerCanClose\n      createdBy {\n        id\n        displayName\n      }\n      groups {\n        id\n        name\n        # eslint-disable-next-line @graphql-eslint/require-selections -- its grants carry no id by design\n        ...ReviewGroupHeader_group\n      }\n      ...ReviewProgress_review\n      items(first: $first, after: $after, groupId: $groupId, undecidedOnly: $undecidedOnly) {\n        edges {\n          cursor\n          node {\n            id\n            ...ReviewItemsTable_item\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reviews($status: ReviewStatus, $first: Int!, $after: String) {\n    accessReviews(status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ReviewsTable_review\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    viewerAbilities {\n      startAccessReview\n    }\n  }\n"): (typeof documents)["\n  query Reviews($status: ReviewStatus, $first: Int!, $after: String) {\n    accessReviews(status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ReviewsTable_review\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    viewerAbilities {\n      startAccessReview\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;