/* eslint-disable */
import type * as types from '../client/graphql.js';

type GeneratedQuery<InputType, OutputType> = string & { __generatedQueryInput: InputType; __generatedQueryOutput: OutputType };
type GeneratedMutation<InputType, OutputType> = string & { __generatedMutationInput: InputType; __generatedMutationOutput: OutputType };
type GeneratedSubscription<InputType, OutputType> = string & { __generatedSubscriptionInput: InputType; __generatedSubscriptionOutput: OutputType };

export const applyPaymentEvent = /* GraphQL */ `mutation ApplyPaymentEvent($input: ApplyPaymentEventInput!) {
  applyPaymentEvent(input: $input) {
    ...PaymentFields
    eventOutcome
  }
}

fragment PaymentFields on Payment {
  id
  applicantId
  userId
  service
  levelOfStudy
  amountCents
  currency
  status
  checkoutUrl
  stripeCheckoutSessionId
  stripePaymentIntentId
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.ApplyPaymentEventMutationVariables,
  types.ApplyPaymentEventMutation
>;

export const archiveApplicant = /* GraphQL */ `mutation ArchiveApplicant($id: ID!, $expectedVersion: Int!) {
  archiveApplicant(id: $id, expectedVersion: $expectedVersion) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.ArchiveApplicantMutationVariables,
  types.ArchiveApplicantMutation
>;

export const assignApplicant = /* GraphQL */ `mutation AssignApplicant($input: AssignApplicantInput!) {
  assignApplicant(input: $input) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.AssignApplicantMutationVariables,
  types.AssignApplicantMutation
>;

export const changeApplicantStatus = /* GraphQL */ `mutation ChangeApplicantStatus($input: ChangeApplicantStatusInput!) {
  changeApplicantStatus(input: $input) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.ChangeApplicantStatusMutationVariables,
  types.ChangeApplicantStatusMutation
>;

export const createApplicant = /* GraphQL */ `mutation CreateApplicant($input: CreateApplicantInput!) {
  createApplicant(input: $input) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.CreateApplicantMutationVariables,
  types.CreateApplicantMutation
>;

export const createCheckoutSession = /* GraphQL */ `mutation CreateCheckoutSession($input: CreateCheckoutSessionInput!) {
  createCheckoutSession(input: $input) {
    payment {
      ...PaymentFields
    }
    checkoutUrl
  }
}

fragment PaymentFields on Payment {
  id
  applicantId
  userId
  service
  levelOfStudy
  amountCents
  currency
  status
  checkoutUrl
  stripeCheckoutSessionId
  stripePaymentIntentId
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.CreateCheckoutSessionMutationVariables,
  types.CreateCheckoutSessionMutation
>;

export const createTask = /* GraphQL */ `mutation CreateTask($input: CreateTaskInput!) {
  createTask(input: $input) {
    ...TaskFields
  }
}

fragment TaskFields on Task {
  id
  applicantId
  assigneeId
  title
  description
  status
  dueAt
  createdBy
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.CreateTaskMutationVariables,
  types.CreateTaskMutation
>;

export const dashboardSummary = /* GraphQL */ `query DashboardSummary {
  dashboardSummary {
    applicantsByStatus {
      status
      count
    }
    acceptedClients
    pendingTasks
    totalRevenueCents
    updatedAt
  }
}` as GeneratedQuery<
  types.DashboardSummaryQueryVariables,
  types.DashboardSummaryQuery
>;

export const deactivateUser = /* GraphQL */ `mutation DeactivateUser($userId: ID!) {
  deactivateUser(userId: $userId) {
    ...UserProfileFields
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.DeactivateUserMutationVariables,
  types.DeactivateUserMutation
>;

export const deleteDocument = /* GraphQL */ `mutation DeleteDocument($applicantId: ID!, $documentId: ID!, $expectedVersion: Int!) {
  deleteDocument(
    applicantId: $applicantId
    documentId: $documentId
    expectedVersion: $expectedVersion
  ) {
    ...DocumentFields
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.DeleteDocumentMutationVariables,
  types.DeleteDocumentMutation
>;

export const documentDownloadUrl = /* GraphQL */ `query DocumentDownloadUrl($applicantId: ID!, $documentId: ID!) {
  documentDownloadUrl(applicantId: $applicantId, documentId: $documentId) {
    url
    expiresAt
  }
}` as GeneratedQuery<
  types.DocumentDownloadUrlQueryVariables,
  types.DocumentDownloadUrlQuery
>;

export const getApplicant = /* GraphQL */ `query GetApplicant($id: ID!) {
  getApplicant(id: $id) {
    ...ApplicantFields
    assignedStaff {
      id
      fullName
      email
    }
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.GetApplicantQueryVariables,
  types.GetApplicantQuery
>;

export const getMessageThread = /* GraphQL */ `query GetMessageThread($applicantId: ID!) {
  getMessageThread(applicantId: $applicantId) {
    ...MessageThreadFields
  }
}

fragment MessageThreadFields on MessageThread {
  applicantId
  applicantName
  unreadByStaff
  unreadByApplicant
  lastMessageAt
  lastMessagePreview
  lastSenderSide
  version
}` as GeneratedQuery<
  types.GetMessageThreadQueryVariables,
  types.GetMessageThreadQuery
>;

export const inviteStaff = /* GraphQL */ `mutation InviteStaff($input: InviteStaffInput!) {
  inviteStaff(input: $input) {
    ...UserProfileFields
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.InviteStaffMutationVariables,
  types.InviteStaffMutation
>;

export const listApplicants = /* GraphQL */ `query ListApplicants($status: ApplicantStatus, $assignedStaffId: ID, $limit: Int, $nextToken: String) {
  listApplicants(
    status: $status
    assignedStaffId: $assignedStaffId
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...ApplicantFields
      assignedStaff {
        id
        fullName
      }
    }
    nextToken
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.ListApplicantsQueryVariables,
  types.ListApplicantsQuery
>;

export const listAuditEvents = /* GraphQL */ `query ListAuditEvents($resourceType: AuditResourceType, $resourceId: ID, $actorId: ID, $day: AWSDate, $limit: Int, $nextToken: String) {
  listAuditEvents(
    resourceType: $resourceType
    resourceId: $resourceId
    actorId: $actorId
    day: $day
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...AuditEventFields
    }
    nextToken
  }
}

fragment AuditEventFields on AuditEvent {
  id
  actorId
  action
  resourceType
  resourceId
  details
  sourceIp
  createdAt
}` as GeneratedQuery<
  types.ListAuditEventsQueryVariables,
  types.ListAuditEventsQuery
>;

export const listDocuments = /* GraphQL */ `query ListDocuments($applicantId: ID!, $limit: Int, $nextToken: String) {
  listDocuments(applicantId: $applicantId, limit: $limit, nextToken: $nextToken) {
    items {
      ...DocumentFields
    }
    nextToken
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.ListDocumentsQueryVariables,
  types.ListDocumentsQuery
>;

export const listEligibilityChecks = /* GraphQL */ `query ListEligibilityChecks($applicantId: ID!, $limit: Int, $nextToken: String) {
  listEligibilityChecks(
    applicantId: $applicantId
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...EligibilityCheckFields
    }
    nextToken
  }
}

fragment EligibilityCheckFields on EligibilityCheck {
  id
  applicantId
  gpa
  toefl
  notes
  eligible
  recommendations
  ranBy
  createdAt
}` as GeneratedQuery<
  types.ListEligibilityChecksQueryVariables,
  types.ListEligibilityChecksQuery
>;

export const listMessages = /* GraphQL */ `query ListMessages($applicantId: ID!, $limit: Int, $nextToken: String) {
  listMessages(applicantId: $applicantId, limit: $limit, nextToken: $nextToken) {
    items {
      ...MessageFields
    }
    nextToken
  }
}

fragment MessageFields on Message {
  id
  applicantId
  senderId
  senderSide
  senderName
  recipientId
  body
  createdAt
  assignedStaffId
}` as GeneratedQuery<
  types.ListMessagesQueryVariables,
  types.ListMessagesQuery
>;

export const listMyApplicants = /* GraphQL */ `query ListMyApplicants($limit: Int, $nextToken: String) {
  listMyApplicants(limit: $limit, nextToken: $nextToken) {
    items {
      ...ApplicantFields
    }
    nextToken
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.ListMyApplicantsQueryVariables,
  types.ListMyApplicantsQuery
>;

export const listPayments = /* GraphQL */ `query ListPayments($applicantId: ID, $limit: Int, $nextToken: String) {
  listPayments(applicantId: $applicantId, limit: $limit, nextToken: $nextToken) {
    items {
      ...PaymentFields
    }
    nextToken
  }
}

fragment PaymentFields on Payment {
  id
  applicantId
  userId
  service
  levelOfStudy
  amountCents
  currency
  status
  checkoutUrl
  stripeCheckoutSessionId
  stripePaymentIntentId
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.ListPaymentsQueryVariables,
  types.ListPaymentsQuery
>;

export const listReviews = /* GraphQL */ `query ListReviews($applicantId: ID!, $limit: Int, $nextToken: String) {
  listReviews(applicantId: $applicantId, limit: $limit, nextToken: $nextToken) {
    items {
      ...ReviewFields
    }
    nextToken
  }
}

fragment ReviewFields on Review {
  id
  applicantId
  reviewerId
  positive
  feedback
  scholarshipLikelihoodPercent
  createdAt
}` as GeneratedQuery<
  types.ListReviewsQueryVariables,
  types.ListReviewsQuery
>;

export const listStaff = /* GraphQL */ `query ListStaff($limit: Int, $nextToken: String) {
  listStaff(limit: $limit, nextToken: $nextToken) {
    items {
      ...UserProfileFields
    }
    nextToken
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.ListStaffQueryVariables,
  types.ListStaffQuery
>;

export const listTasks = /* GraphQL */ `query ListTasks($applicantId: ID, $assigneeId: ID, $status: TaskStatus, $limit: Int, $nextToken: String) {
  listTasks(
    applicantId: $applicantId
    assigneeId: $assigneeId
    status: $status
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...TaskFields
    }
    nextToken
  }
}

fragment TaskFields on Task {
  id
  applicantId
  assigneeId
  title
  description
  status
  dueAt
  createdBy
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.ListTasksQueryVariables,
  types.ListTasksQuery
>;

export const markDocumentRejected = /* GraphQL */ `mutation MarkDocumentRejected($input: MarkDocumentRejectedInput!) {
  markDocumentRejected(input: $input) {
    ...DocumentFields
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.MarkDocumentRejectedMutationVariables,
  types.MarkDocumentRejectedMutation
>;

export const markDocumentUploaded = /* GraphQL */ `mutation MarkDocumentUploaded($input: MarkDocumentUploadedInput!) {
  markDocumentUploaded(input: $input) {
    ...DocumentFields
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.MarkDocumentUploadedMutationVariables,
  types.MarkDocumentUploadedMutation
>;

export const markThreadRead = /* GraphQL */ `mutation MarkThreadRead($applicantId: ID!) {
  markThreadRead(applicantId: $applicantId) {
    ...MessageThreadFields
  }
}

fragment MessageThreadFields on MessageThread {
  applicantId
  applicantName
  unreadByStaff
  unreadByApplicant
  lastMessageAt
  lastMessagePreview
  lastSenderSide
  version
}` as GeneratedMutation<
  types.MarkThreadReadMutationVariables,
  types.MarkThreadReadMutation
>;

export const me = /* GraphQL */ `query Me {
  me {
    ...UserProfileFields
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedQuery<
  types.MeQueryVariables,
  types.MeQuery
>;

export const mlConsent = /* GraphQL */ `query MlConsent($applicantId: ID!) {
  mlConsent(applicantId: $applicantId) {
    ...MlConsentFields
  }
}

fragment MlConsentFields on MlConsent {
  userId
  applicantId
  consentVersion
  consentGiven
  consentedAt
  revokedAt
  updatedAt
}` as GeneratedQuery<
  types.MlConsentQueryVariables,
  types.MlConsentQuery
>;

export const mlRecommendation = /* GraphQL */ `query MlRecommendation($applicantId: ID!) {
  mlRecommendation(applicantId: $applicantId) {
    applicantId
    available
    message
    recommendations
  }
}` as GeneratedQuery<
  types.MlRecommendationQueryVariables,
  types.MlRecommendationQuery
>;

export const onApplicantChanged = /* GraphQL */ `subscription OnApplicantChanged($id: ID) {
  onApplicantChanged(id: $id) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedSubscription<
  types.OnApplicantChangedSubscriptionVariables,
  types.OnApplicantChangedSubscription
>;

export const onDocumentChanged = /* GraphQL */ `subscription OnDocumentChanged($applicantId: ID!) {
  onDocumentChanged(applicantId: $applicantId) {
    ...DocumentFields
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedSubscription<
  types.OnDocumentChangedSubscriptionVariables,
  types.OnDocumentChangedSubscription
>;

export const onPaymentChanged = /* GraphQL */ `subscription OnPaymentChanged($applicantId: ID) {
  onPaymentChanged(applicantId: $applicantId) {
    ...PaymentFields
  }
}

fragment PaymentFields on Payment {
  id
  applicantId
  userId
  service
  levelOfStudy
  amountCents
  currency
  status
  checkoutUrl
  stripeCheckoutSessionId
  stripePaymentIntentId
  createdAt
  updatedAt
  version
}` as GeneratedSubscription<
  types.OnPaymentChangedSubscriptionVariables,
  types.OnPaymentChangedSubscription
>;

export const onStaffInboxMessage = /* GraphQL */ `subscription OnStaffInboxMessage($scope: StaffInboxScope) {
  onStaffInboxMessage(scope: $scope) {
    ...MessageFields
  }
}

fragment MessageFields on Message {
  id
  applicantId
  senderId
  senderSide
  senderName
  recipientId
  body
  createdAt
  assignedStaffId
}` as GeneratedSubscription<
  types.OnStaffInboxMessageSubscriptionVariables,
  types.OnStaffInboxMessageSubscription
>;

export const onTaskChanged = /* GraphQL */ `subscription OnTaskChanged($assigneeId: ID) {
  onTaskChanged(assigneeId: $assigneeId) {
    ...TaskFields
  }
}

fragment TaskFields on Task {
  id
  applicantId
  assigneeId
  title
  description
  status
  dueAt
  createdBy
  createdAt
  updatedAt
  version
}` as GeneratedSubscription<
  types.OnTaskChangedSubscriptionVariables,
  types.OnTaskChangedSubscription
>;

export const onThreadMessage = /* GraphQL */ `subscription OnThreadMessage($applicantId: ID!) {
  onThreadMessage(applicantId: $applicantId) {
    ...MessageFields
  }
}

fragment MessageFields on Message {
  id
  applicantId
  senderId
  senderSide
  senderName
  recipientId
  body
  createdAt
  assignedStaffId
}` as GeneratedSubscription<
  types.OnThreadMessageSubscriptionVariables,
  types.OnThreadMessageSubscription
>;

export const postReview = /* GraphQL */ `mutation PostReview($input: PostReviewInput!) {
  postReview(input: $input) {
    ...ReviewFields
  }
}

fragment ReviewFields on Review {
  id
  applicantId
  reviewerId
  positive
  feedback
  scholarshipLikelihoodPercent
  createdAt
}` as GeneratedMutation<
  types.PostReviewMutationVariables,
  types.PostReviewMutation
>;

export const priceCatalog = /* GraphQL */ `query PriceCatalog {
  priceCatalog {
    service
    levelOfStudy
    amountCents
    currency
    label
  }
}` as GeneratedQuery<
  types.PriceCatalogQueryVariables,
  types.PriceCatalogQuery
>;

export const requestDocumentUpload = /* GraphQL */ `mutation RequestDocumentUpload($input: RequestDocumentUploadInput!) {
  requestDocumentUpload(input: $input) {
    document {
      ...DocumentFields
    }
    url
    fields
    expiresAt
    maxSizeBytes
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.RequestDocumentUploadMutationVariables,
  types.RequestDocumentUploadMutation
>;

export const reviewDocument = /* GraphQL */ `mutation ReviewDocument($input: ReviewDocumentInput!) {
  reviewDocument(input: $input) {
    ...DocumentFields
  }
}

fragment DocumentFields on Document {
  id
  applicantId
  fileName
  contentType
  sizeBytes
  status
  scanStatus
  rejectionReason
  uploadedBy
  reviewedBy
  reviewedAt
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.ReviewDocumentMutationVariables,
  types.ReviewDocumentMutation
>;

export const runEligibilityCheck = /* GraphQL */ `mutation RunEligibilityCheck($input: RunEligibilityCheckInput!) {
  runEligibilityCheck(input: $input) {
    ...EligibilityCheckFields
  }
}

fragment EligibilityCheckFields on EligibilityCheck {
  id
  applicantId
  gpa
  toefl
  notes
  eligible
  recommendations
  ranBy
  createdAt
}` as GeneratedMutation<
  types.RunEligibilityCheckMutationVariables,
  types.RunEligibilityCheckMutation
>;

export const sendMessage = /* GraphQL */ `mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    ...MessageFields
  }
}

fragment MessageFields on Message {
  id
  applicantId
  senderId
  senderSide
  senderName
  recipientId
  body
  createdAt
  assignedStaffId
}` as GeneratedMutation<
  types.SendMessageMutationVariables,
  types.SendMessageMutation
>;

export const setBundleStatus = /* GraphQL */ `mutation SetBundleStatus($input: SetBundleStatusInput!) {
  setBundleStatus(input: $input) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.SetBundleStatusMutationVariables,
  types.SetBundleStatusMutation
>;

export const setMlConsent = /* GraphQL */ `mutation SetMlConsent($input: SetMlConsentInput!) {
  setMlConsent(input: $input) {
    ...MlConsentFields
  }
}

fragment MlConsentFields on MlConsent {
  userId
  applicantId
  consentVersion
  consentGiven
  consentedAt
  revokedAt
  updatedAt
}` as GeneratedMutation<
  types.SetMlConsentMutationVariables,
  types.SetMlConsentMutation
>;

export const setNotificationPreferences = /* GraphQL */ `mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) {
    ...UserProfileFields
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.SetNotificationPreferencesMutationVariables,
  types.SetNotificationPreferencesMutation
>;

export const setTaskStatus = /* GraphQL */ `mutation SetTaskStatus($input: SetTaskStatusInput!) {
  setTaskStatus(input: $input) {
    ...TaskFields
  }
}

fragment TaskFields on Task {
  id
  applicantId
  assigneeId
  title
  description
  status
  dueAt
  createdBy
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.SetTaskStatusMutationVariables,
  types.SetTaskStatusMutation
>;

export const setUserRole = /* GraphQL */ `mutation SetUserRole($userId: ID!, $role: UserRole!) {
  setUserRole(userId: $userId, role: $role) {
    ...UserProfileFields
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.SetUserRoleMutationVariables,
  types.SetUserRoleMutation
>;

export const staffInbox = /* GraphQL */ `query StaffInbox($limit: Int, $nextToken: String) {
  staffInbox(limit: $limit, nextToken: $nextToken) {
    items {
      ...MessageThreadFields
    }
    nextToken
  }
}

fragment MessageThreadFields on MessageThread {
  applicantId
  applicantName
  unreadByStaff
  unreadByApplicant
  lastMessageAt
  lastMessagePreview
  lastSenderSide
  version
}` as GeneratedQuery<
  types.StaffInboxQueryVariables,
  types.StaffInboxQuery
>;

export const submitApplicant = /* GraphQL */ `mutation SubmitApplicant($id: ID!, $expectedVersion: Int!) {
  submitApplicant(id: $id, expectedVersion: $expectedVersion) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.SubmitApplicantMutationVariables,
  types.SubmitApplicantMutation
>;

export const updateApplicant = /* GraphQL */ `mutation UpdateApplicant($input: UpdateApplicantInput!) {
  updateApplicant(input: $input) {
    ...ApplicantFields
  }
}

fragment ApplicantFields on Applicant {
  id
  ownerId
  firstName
  lastName
  latestEducation
  countryOfResidence
  studyDestination
  levelOfStudy
  annualBudgetUsd
  incomeSource
  serviceInterest
  status
  previousStatus
  statusChangedAt
  statusChangedBy
  assignedStaffId
  bundle {
    name
    status
    updatedAt
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.UpdateApplicantMutationVariables,
  types.UpdateApplicantMutation
>;

export const updateMyProfile = /* GraphQL */ `mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) {
    ...UserProfileFields
  }
}

fragment UserProfileFields on UserProfile {
  id
  email
  fullName
  role
  active
  notificationPreferences {
    optedOut
  }
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.UpdateMyProfileMutationVariables,
  types.UpdateMyProfileMutation
>;

export const updateTask = /* GraphQL */ `mutation UpdateTask($input: UpdateTaskInput!) {
  updateTask(input: $input) {
    ...TaskFields
  }
}

fragment TaskFields on Task {
  id
  applicantId
  assigneeId
  title
  description
  status
  dueAt
  createdBy
  createdAt
  updatedAt
  version
}` as GeneratedMutation<
  types.UpdateTaskMutationVariables,
  types.UpdateTaskMutation
>;
