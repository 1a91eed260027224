export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

export type Applicant = {
  __typename?: 'Applicant';
  annualBudgetUsd: Maybe<Scalars['Int']['output']>;
  /** Resolved from the staff member's profile. */
  assignedStaff: Maybe<UserProfile>;
  assignedStaffId: Maybe<Scalars['ID']['output']>;
  bundle: DocumentBundle;
  countryOfResidence: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  incomeSource: Maybe<Scalars['String']['output']>;
  lastName: Scalars['String']['output'];
  latestEducation: Maybe<Scalars['String']['output']>;
  levelOfStudy: LevelOfStudy;
  ownerId: Scalars['ID']['output'];
  /** The status before ARCHIVED, so an archive can be explained in the audit trail. */
  previousStatus: Maybe<ApplicantStatus>;
  serviceInterest: ServiceType;
  status: ApplicantStatus;
  statusChangedAt: Scalars['AWSDateTime']['output'];
  statusChangedBy: Scalars['ID']['output'];
  studyDestination: StudyDestination;
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type ApplicantConnection = {
  __typename?: 'ApplicantConnection';
  items: Array<Applicant>;
  nextToken: Maybe<Scalars['String']['output']>;
};

/** The applicant pipeline. ARCHIVED is reachable from any state; ACCEPTED and REJECTED are final (see docs/pipeline.md). */
export type ApplicantStatus =
  | 'ACCEPTED'
  | 'APPLICATION_PROCESS'
  | 'ARCHIVED'
  | 'CONSULTATION_SCHEDULED'
  | 'DOCUMENTS_ACCEPTED'
  | 'DOCUMENTS_SUBMITTED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'REJECTED'
  | 'SCHOLARSHIP_ASSISTANCE';

export type ApplyPaymentEventInput = {
  applicantId: Scalars['ID']['input'];
  /** Stripe's event creation time, in epoch seconds; older events never undo newer ones. */
  eventCreated: Scalars['Int']['input'];
  /** The Stripe event id: each event is applied at most once. */
  eventId: Scalars['String']['input'];
  eventType: PaymentEventType;
  paymentId: Scalars['ID']['input'];
  stripePaymentIntentId?: InputMaybe<Scalars['String']['input']>;
};

export type AssignApplicantInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  /** Null unassigns. */
  staffId?: InputMaybe<Scalars['ID']['input']>;
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actorId: Scalars['ID']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  /** JSON details of the change. */
  details: Maybe<Scalars['AWSJSON']['output']>;
  id: Scalars['ID']['output'];
  resourceId: Scalars['ID']['output'];
  resourceType: AuditResourceType;
  sourceIp: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  items: Array<AuditEvent>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type AuditResourceType =
  | 'APPLICANT'
  | 'DOCUMENT'
  | 'ELIGIBILITY_CHECK'
  | 'MESSAGE_THREAD'
  | 'ML_CONSENT'
  | 'PAYMENT'
  | 'REVIEW'
  | 'TASK'
  | 'USER';

export type BundleStatus =
  | 'APPROVED'
  | 'IN_REVIEW'
  | 'OPEN'
  | 'REJECTED'
  | 'SUBMITTED';

export type ChangeApplicantStatusInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  status: ApplicantStatus;
};

export type CheckoutSession = {
  __typename?: 'CheckoutSession';
  checkoutUrl: Scalars['AWSURL']['output'];
  payment: Payment;
};

export type CreateApplicantInput = {
  annualBudgetUsd?: InputMaybe<Scalars['Int']['input']>;
  countryOfResidence: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  incomeSource?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  latestEducation?: InputMaybe<Scalars['String']['input']>;
  levelOfStudy: LevelOfStudy;
  serviceInterest: ServiceType;
  studyDestination: StudyDestination;
};

export type CreateCheckoutSessionInput = {
  applicantId: Scalars['ID']['input'];
  service: ServiceType;
};

export type CreateTaskInput = {
  applicantId?: InputMaybe<Scalars['ID']['input']>;
  assigneeId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  dueAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  title: Scalars['String']['input'];
};

/** Figures kept in step by every write (counter items), never computed by scanning. */
export type DashboardSummary = {
  __typename?: 'DashboardSummary';
  acceptedClients: Scalars['Int']['output'];
  applicantsByStatus: Array<StatusCount>;
  pendingTasks: Scalars['Int']['output'];
  /** Admins only; null for staff. */
  totalRevenueCents: Maybe<Scalars['Int']['output']>;
  updatedAt: Maybe<Scalars['AWSDateTime']['output']>;
};

export type Document = {
  __typename?: 'Document';
  applicantId: Scalars['ID']['output'];
  contentType: DocumentContentType;
  createdAt: Scalars['AWSDateTime']['output'];
  fileName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  rejectionReason: Maybe<Scalars['String']['output']>;
  reviewedAt: Maybe<Scalars['AWSDateTime']['output']>;
  reviewedBy: Maybe<Scalars['ID']['output']>;
  scanStatus: ScanStatus;
  /** The size S3 reported once the file landed. */
  sizeBytes: Maybe<Scalars['Int']['output']>;
  status: DocumentStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
  uploadedBy: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type DocumentBundle = {
  __typename?: 'DocumentBundle';
  name: Scalars['String']['output'];
  status: BundleStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  items: Array<Document>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type DocumentContentType =
  | 'DOC'
  | 'DOCX'
  | 'HEIC'
  | 'JPEG'
  | 'PDF'
  | 'PNG';

export type DocumentReviewDecision =
  | 'ACCEPTED'
  | 'REJECTED';

export type DocumentStatus =
  /** Staff accepted the document. */
  | 'ACCEPTED'
  /** An upload URL was issued; nothing has landed yet. Expires by TTL if never uploaded. */
  | 'PENDING_UPLOAD'
  /** The upload check or staff rejected the document; see rejectionReason. */
  | 'REJECTED'
  /** The file landed in S3 and passed the type and size checks. */
  | 'UPLOADED';

/** A presigned S3 POST: send the file as the last field of a multipart form with these fields. */
export type DocumentUpload = {
  __typename?: 'DocumentUpload';
  document: Document;
  expiresAt: Scalars['AWSDateTime']['output'];
  /** The form fields, as a JSON object of strings. */
  fields: Scalars['AWSJSON']['output'];
  maxSizeBytes: Scalars['Int']['output'];
  url: Scalars['AWSURL']['output'];
};

export type DownloadUrl = {
  __typename?: 'DownloadUrl';
  expiresAt: Scalars['AWSDateTime']['output'];
  url: Scalars['AWSURL']['output'];
};

export type EligibilityCheck = {
  __typename?: 'EligibilityCheck';
  applicantId: Scalars['ID']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  eligible: Scalars['Boolean']['output'];
  gpa: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  notes: Maybe<Scalars['String']['output']>;
  ranBy: Scalars['ID']['output'];
  recommendations: Array<Scalars['String']['output']>;
  toefl: Scalars['Int']['output'];
};

export type EligibilityCheckConnection = {
  __typename?: 'EligibilityCheckConnection';
  items: Array<EligibilityCheck>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type InviteStaffInput = {
  email: Scalars['AWSEmail']['input'];
  fullName: Scalars['String']['input'];
  role: UserRole;
};

export type LevelOfStudy =
  | 'CONTINUING_UNDERGRADUATE'
  | 'FRESHMAN'
  | 'GRADUATE';

export type MarkDocumentRejectedInput = {
  applicantId: Scalars['ID']['input'];
  documentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  sizeBytes?: InputMaybe<Scalars['Int']['input']>;
  /** The upload attempt whose file failed the checks: the document must still be waiting for this attempt. */
  uploadId: Scalars['ID']['input'];
};

export type MarkDocumentUploadedInput = {
  applicantId: Scalars['ID']['input'];
  /** The type the file's bytes were checked against: it must be the document's declared contentType. */
  contentType: DocumentContentType;
  documentId: Scalars['ID']['input'];
  /** Where the checked file was copied (a key of this document under applicants/); downloads serve this key. */
  objectKey: Scalars['String']['input'];
  sizeBytes: Scalars['Int']['input'];
  /** The upload attempt whose file landed (from its staging key): the document must still be waiting for this attempt. */
  uploadId: Scalars['ID']['input'];
};

export type Message = {
  __typename?: 'Message';
  /** The thread: one per applicant, between the applicant's owner and staff. */
  applicantId: Scalars['ID']['output'];
  /**
   * The staff member the applicant was assigned to when the message was sent; null when nobody was (or the message
   * was sent before messages carried it). The staff inbox subscription routes on it, so sendMessage must select it.
   */
  assignedStaffId: Maybe<Scalars['ID']['output']>;
  body: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  recipientId: Maybe<Scalars['ID']['output']>;
  senderId: Scalars['ID']['output'];
  senderName: Scalars['String']['output'];
  senderSide: MessageSide;
};

export type MessageConnection = {
  __typename?: 'MessageConnection';
  items: Array<Message>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type MessageSide =
  | 'APPLICANT'
  | 'STAFF';

/** A thread's state: unread counts for each side, and the latest message. */
export type MessageThread = {
  __typename?: 'MessageThread';
  applicantId: Scalars['ID']['output'];
  applicantName: Scalars['String']['output'];
  lastMessageAt: Maybe<Scalars['AWSDateTime']['output']>;
  lastMessagePreview: Maybe<Scalars['String']['output']>;
  lastSenderSide: Maybe<MessageSide>;
  unreadByApplicant: Scalars['Int']['output'];
  unreadByStaff: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
};

export type MessageThreadConnection = {
  __typename?: 'MessageThreadConnection';
  items: Array<MessageThread>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type MlConsent = {
  __typename?: 'MlConsent';
  applicantId: Scalars['ID']['output'];
  consentGiven: Scalars['Boolean']['output'];
  consentVersion: Scalars['String']['output'];
  consentedAt: Maybe<Scalars['AWSDateTime']['output']>;
  revokedAt: Maybe<Scalars['AWSDateTime']['output']>;
  updatedAt: Scalars['AWSDateTime']['output'];
  userId: Scalars['ID']['output'];
};

export type MlRecommendation = {
  __typename?: 'MlRecommendation';
  applicantId: Scalars['ID']['output'];
  /** False while no model is deployed; the message says why. */
  available: Scalars['Boolean']['output'];
  message: Scalars['String']['output'];
  recommendations: Array<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Internal (Stripe webhook): applies one Stripe event to a payment, at most once. */
  applyPaymentEvent: Payment;
  archiveApplicant: Applicant;
  assignApplicant: Applicant;
  /** Allowed transitions only (docs/pipeline.md). */
  changeApplicantStatus: Applicant;
  /** Creates the applicant in DRAFT with its document bundle. */
  createApplicant: Applicant;
  /** Prices the service from the catalogue, creates the Stripe Checkout Session, returns its URL. */
  createCheckoutSession: CheckoutSession;
  createTask: Task;
  deactivateUser: UserProfile;
  deleteDocument: Document;
  inviteStaff: UserProfile;
  /** Internal (S3 upload handler): the file failed the checks. */
  markDocumentRejected: Document;
  /** Internal (S3 upload handler): the file landed and passed the checks. */
  markDocumentUploaded: Document;
  /** Resets the caller's side's unread count. */
  markThreadRead: MessageThread;
  postReview: Review;
  requestDocumentUpload: DocumentUpload;
  reviewDocument: Document;
  runEligibilityCheck: EligibilityCheck;
  sendMessage: Message;
  setBundleStatus: Applicant;
  setMlConsent: MlConsent;
  setNotificationPreferences: UserProfile;
  /** The assignee, staff or admins. */
  setTaskStatus: Task;
  setUserRole: UserProfile;
  /** The owner submits a DRAFT: status DOCUMENTS_SUBMITTED, bundle SUBMITTED. */
  submitApplicant: Applicant;
  updateApplicant: Applicant;
  updateMyProfile: UserProfile;
  updateTask: Task;
};


export type MutationApplyPaymentEventArgs = {
  input: ApplyPaymentEventInput;
};


export type MutationArchiveApplicantArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationAssignApplicantArgs = {
  input: AssignApplicantInput;
};


export type MutationChangeApplicantStatusArgs = {
  input: ChangeApplicantStatusInput;
};


export type MutationCreateApplicantArgs = {
  input: CreateApplicantInput;
};


export type MutationCreateCheckoutSessionArgs = {
  input: CreateCheckoutSessionInput;
};


export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


export type MutationDeactivateUserArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationDeleteDocumentArgs = {
  applicantId: Scalars['ID']['input'];
  documentId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationInviteStaffArgs = {
  input: InviteStaffInput;
};


export type MutationMarkDocumentRejectedArgs = {
  input: MarkDocumentRejectedInput;
};


export type MutationMarkDocumentUploadedArgs = {
  input: MarkDocumentUploadedInput;
};


export type MutationMarkThreadReadArgs = {
  applicantId: Scalars['ID']['input'];
};


export type MutationPostReviewArgs = {
  input: PostReviewInput;
};


export type MutationRequestDocumentUploadArgs = {
  input: RequestDocumentUploadInput;
};


export type MutationReviewDocumentArgs = {
  input: ReviewDocumentInput;
};


export type MutationRunEligibilityCheckArgs = {
  input: RunEligibilityCheckInput;
};


export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


export type MutationSetBundleStatusArgs = {
  input: SetBundleStatusInput;
};


export type MutationSetMlConsentArgs = {
  input: SetMlConsentInput;
};


export type MutationSetNotificationPreferencesArgs = {
  input: SetNotificationPreferencesInput;
};


export type MutationSetTaskStatusArgs = {
  input: SetTaskStatusInput;
};


export type MutationSetUserRoleArgs = {
  role: UserRole;
  userId: Scalars['ID']['input'];
};


export type MutationSubmitApplicantArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationUpdateApplicantArgs = {
  input: UpdateApplicantInput;
};


export type MutationUpdateMyProfileArgs = {
  input: UpdateMyProfileInput;
};


export type MutationUpdateTaskArgs = {
  input: UpdateTaskInput;
};

/** Email opt-outs: every topic is on unless listed in optedOut. */
export type NotificationPreferences = {
  __typename?: 'NotificationPreferences';
  optedOut: Array<NotificationTopic>;
};

export type NotificationTopic =
  | 'DOCUMENT_REJECTED'
  | 'NEW_MESSAGE'
  | 'PAYMENT_RECEIPT'
  | 'REVIEW_POSTED'
  | 'STATUS_CHANGED'
  | 'TASK_ASSIGNED';

export type Payment = {
  __typename?: 'Payment';
  amountCents: Scalars['Int']['output'];
  applicantId: Scalars['ID']['output'];
  checkoutUrl: Maybe<Scalars['AWSURL']['output']>;
  createdAt: Scalars['AWSDateTime']['output'];
  currency: Scalars['String']['output'];
  /** Only in applyPaymentEvent's answer (the Stripe webhook): what that call did with the event. Null elsewhere. */
  eventOutcome: Maybe<PaymentEventOutcome>;
  id: Scalars['ID']['output'];
  levelOfStudy: Maybe<LevelOfStudy>;
  service: ServiceType;
  status: PaymentStatus;
  stripeCheckoutSessionId: Maybe<Scalars['String']['output']>;
  stripePaymentIntentId: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['AWSDateTime']['output'];
  userId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  items: Array<Payment>;
  nextToken: Maybe<Scalars['String']['output']>;
};

/** What one applyPaymentEvent call did with its Stripe event. */
export type PaymentEventOutcome =
  /** The payment changed. */
  | 'APPLIED'
  /** The event id was recorded by an earlier delivery: nothing changed. */
  | 'DUPLICATE'
  /** Recorded, but its change is not allowed from the payment's status (it arrived out of order). */
  | 'IGNORED';

export type PaymentEventType =
  | 'ASYNC_PAYMENT_FAILED'
  | 'ASYNC_PAYMENT_SUCCEEDED'
  | 'CHARGE_REFUNDED'
  | 'CHECKOUT_COMPLETED'
  | 'CHECKOUT_EXPIRED';

export type PaymentStatus =
  | 'CREATED'
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'REFUNDED'
  | 'SUCCEEDED';

export type PostReviewInput = {
  applicantId: Scalars['ID']['input'];
  feedback: Scalars['String']['input'];
  positive: Scalars['Boolean']['input'];
  scholarshipLikelihoodPercent: Scalars['Int']['input'];
};

/** One priced service. levelOfStudy is set where the price depends on it. */
export type Price = {
  __typename?: 'Price';
  amountCents: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  label: Scalars['String']['output'];
  levelOfStudy: Maybe<LevelOfStudy>;
  service: ServiceType;
};

export type Query = {
  __typename?: 'Query';
  dashboardSummary: DashboardSummary;
  /** A presigned GET, valid 5 minutes, for the owner and staff. */
  documentDownloadUrl: Maybe<DownloadUrl>;
  /** One applicant: its owner, staff and admins. Anyone else gets null, as for an applicant that does not exist. */
  getApplicant: Maybe<Applicant>;
  /** The thread's unread counts. */
  getMessageThread: Maybe<MessageThread>;
  /** The queue: every applicant, or those in one status, or those assigned to one staff member; newest first. */
  listApplicants: ApplicantConnection;
  /** The audit trail of one resource, of one actor, or of one day (YYYY-MM-DD, UTC); newest first. */
  listAuditEvents: AuditEventConnection;
  listDocuments: DocumentConnection;
  listEligibilityChecks: EligibilityCheckConnection;
  /** One applicant's thread, newest first. */
  listMessages: MessageConnection;
  /** The signed-in user's own applicant profiles, newest first. */
  listMyApplicants: ApplicantConnection;
  /** Payments of one applicant (owner, staff, admin), or every payment (admin), newest first. */
  listPayments: PaymentConnection;
  listReviews: ReviewConnection;
  /** Staff and admins, for assignment pickers. */
  listStaff: UserProfileConnection;
  /** Tasks of one applicant, or of one assignee, or in one status. Applicants see tasks on their own applicants only. */
  listTasks: TaskConnection;
  /** The signed-in user's profile. */
  me: Maybe<UserProfile>;
  /** The signed-in user's ML training consent for one applicant (current consent version). */
  mlConsent: Maybe<MlConsent>;
  mlRecommendation: MlRecommendation;
  /** The server-side price list. Checkout always charges from it. */
  priceCatalog: Array<Price>;
  /** Threads with messages staff have not read, most recent first. */
  staffInbox: MessageThreadConnection;
};


export type QueryDocumentDownloadUrlArgs = {
  applicantId: Scalars['ID']['input'];
  documentId: Scalars['ID']['input'];
};


export type QueryGetApplicantArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGetMessageThreadArgs = {
  applicantId: Scalars['ID']['input'];
};


export type QueryListApplicantsArgs = {
  assignedStaffId: InputMaybe<Scalars['ID']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  status: InputMaybe<ApplicantStatus>;
};


export type QueryListAuditEventsArgs = {
  actorId: InputMaybe<Scalars['ID']['input']>;
  day: InputMaybe<Scalars['AWSDate']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  resourceId: InputMaybe<Scalars['ID']['input']>;
  resourceType: InputMaybe<AuditResourceType>;
};


export type QueryListDocumentsArgs = {
  applicantId: Scalars['ID']['input'];
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListEligibilityChecksArgs = {
  applicantId: Scalars['ID']['input'];
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListMessagesArgs = {
  applicantId: Scalars['ID']['input'];
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListMyApplicantsArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListPaymentsArgs = {
  applicantId: InputMaybe<Scalars['ID']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListReviewsArgs = {
  applicantId: Scalars['ID']['input'];
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListStaffArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


export type QueryListTasksArgs = {
  applicantId: InputMaybe<Scalars['ID']['input']>;
  assigneeId: InputMaybe<Scalars['ID']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  status: InputMaybe<TaskStatus>;
};


export type QueryMlConsentArgs = {
  applicantId: Scalars['ID']['input'];
};


export type QueryMlRecommendationArgs = {
  applicantId: Scalars['ID']['input'];
};


export type QueryStaffInboxArgs = {
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};

export type RequestDocumentUploadInput = {
  applicantId: Scalars['ID']['input'];
  contentType: DocumentContentType;
  fileName: Scalars['String']['input'];
  sizeBytes: Scalars['Int']['input'];
};

export type Review = {
  __typename?: 'Review';
  applicantId: Scalars['ID']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  feedback: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  positive: Scalars['Boolean']['output'];
  reviewerId: Scalars['ID']['output'];
  /** Likelihood of a scholarship, 0–100, as the Document Review service promises. */
  scholarshipLikelihoodPercent: Scalars['Int']['output'];
};

export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  items: Array<Review>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type ReviewDocumentInput = {
  applicantId: Scalars['ID']['input'];
  decision: DocumentReviewDecision;
  documentId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type RunEligibilityCheckInput = {
  applicantId: Scalars['ID']['input'];
  gpa: Scalars['Float']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  toefl: Scalars['Int']['input'];
};

export type ScanStatus =
  | 'CLEAN'
  | 'FAILED'
  | 'INFECTED'
  | 'PENDING';

export type SendMessageInput = {
  applicantId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
  recipientId?: InputMaybe<Scalars['ID']['input']>;
};

export type ServiceType =
  | 'APPLICATION_SUPPORT'
  | 'DOCUMENT_REVIEW'
  | 'SCHOLARSHIP_SUPPORT';

export type SetBundleStatusInput = {
  applicantId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  status: BundleStatus;
};

export type SetMlConsentInput = {
  applicantId: Scalars['ID']['input'];
  consentGiven: Scalars['Boolean']['input'];
};

export type SetNotificationPreferencesInput = {
  expectedVersion: Scalars['Int']['input'];
  optedOut: Array<NotificationTopic>;
};

export type SetTaskStatusInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  status: TaskStatus;
};

/** Whose applicants' messages a staff inbox subscription hears. */
export type StaffInboxScope =
  /** Every applicant, assigned or not: admins only. Unassigned applicants' messages are heard live here alone. */
  | 'ALL'
  /** Applicants assigned to the caller (the default, for staff and admins). */
  | 'ASSIGNED_TO_ME';

export type StatusCount = {
  __typename?: 'StatusCount';
  count: Scalars['Int']['output'];
  status: ApplicantStatus;
};

export type StudyDestination =
  | 'CANADA'
  | 'USA';

export type Subscription = {
  __typename?: 'Subscription';
  /** Changes to one applicant (owner and staff), or to every applicant (staff). */
  onApplicantChanged: Maybe<Applicant>;
  /** Documents of one applicant. */
  onDocumentChanged: Maybe<Document>;
  /** Payments of one applicant (owner and staff), or every payment (admin). */
  onPaymentChanged: Maybe<Payment>;
  /** New messages from applicants, for staff: those assigned to the caller, or (admins, scope ALL) every applicant. */
  onStaffInboxMessage: Maybe<Message>;
  /** Tasks assigned to one user: the caller, unless staff ask for another assignee. */
  onTaskChanged: Maybe<Task>;
  /** One applicant's thread: its owner and staff. */
  onThreadMessage: Maybe<Message>;
};


export type SubscriptionOnApplicantChangedArgs = {
  id: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOnDocumentChangedArgs = {
  applicantId: Scalars['ID']['input'];
};


export type SubscriptionOnPaymentChangedArgs = {
  applicantId: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOnStaffInboxMessageArgs = {
  scope?: InputMaybe<StaffInboxScope>;
};


export type SubscriptionOnTaskChangedArgs = {
  assigneeId: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOnThreadMessageArgs = {
  applicantId: Scalars['ID']['input'];
};

export type Task = {
  __typename?: 'Task';
  applicantId: Maybe<Scalars['ID']['output']>;
  assigneeId: Scalars['ID']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  createdBy: Scalars['ID']['output'];
  description: Maybe<Scalars['String']['output']>;
  dueAt: Maybe<Scalars['AWSDateTime']['output']>;
  id: Scalars['ID']['output'];
  status: TaskStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type TaskConnection = {
  __typename?: 'TaskConnection';
  items: Array<Task>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type TaskStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'PENDING';

/** Only the fields given are changed. */
export type UpdateApplicantInput = {
  annualBudgetUsd?: InputMaybe<Scalars['Int']['input']>;
  countryOfResidence?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  incomeSource?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  latestEducation?: InputMaybe<Scalars['String']['input']>;
  levelOfStudy?: InputMaybe<LevelOfStudy>;
  serviceInterest?: InputMaybe<ServiceType>;
  studyDestination?: InputMaybe<StudyDestination>;
};

export type UpdateMyProfileInput = {
  expectedVersion: Scalars['Int']['input'];
  fullName: Scalars['String']['input'];
};

export type UpdateTaskInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A user's profile, keyed by the Cognito `sub`. Identity (email, password, groups) is owned by Cognito. */
export type UserProfile = {
  __typename?: 'UserProfile';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  email: Scalars['AWSEmail']['output'];
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  notificationPreferences: NotificationPreferences;
  role: UserRole;
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type UserProfileConnection = {
  __typename?: 'UserProfileConnection';
  items: Array<UserProfile>;
  nextToken: Maybe<Scalars['String']['output']>;
};

export type UserRole =
  | 'ADMIN'
  | 'APPLICANT'
  | 'STAFF';
