// The applicant pipeline: every allowed status transition, who may make it and through which mutation.
// docs/pipeline.md prints the same table (a test keeps the two in step). Plain data and pure functions, so resolvers
// bundle it and tests import it as it is.

export type ApplicantStatus =
  | 'DRAFT'
  | 'DOCUMENTS_SUBMITTED'
  | 'DOCUMENTS_ACCEPTED'
  | 'IN_REVIEW'
  | 'CONSULTATION_SCHEDULED'
  | 'APPLICATION_PROCESS'
  | 'SCHOLARSHIP_ASSISTANCE'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'ARCHIVED';

/** Every status, in pipeline order. */
export const applicantStatuses: ApplicantStatus[] = [
  'DRAFT',
  'DOCUMENTS_SUBMITTED',
  'DOCUMENTS_ACCEPTED',
  'IN_REVIEW',
  'CONSULTATION_SCHEDULED',
  'APPLICATION_PROCESS',
  'SCHOLARSHIP_ASSISTANCE',
  'ACCEPTED',
  'REJECTED',
  'ARCHIVED',
];

export type StatusMutation = 'submitApplicant' | 'changeApplicantStatus' | 'archiveApplicant';

/** Who may make a move: the applicant's owner, staff and admins (the team), or either. */
export type Mover = 'owner' | 'team' | 'owner or team';

export type BundleStatus = 'OPEN' | 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'REJECTED';

/** `to` is a status, or `previousStatus` for a restore from ARCHIVED. */
export interface Transition {
  from: ApplicantStatus;
  to: ApplicantStatus | 'previousStatus';
  via: StatusMutation;
  by: Mover;
  /** The audit action written with the move. */
  action: string;
  /** The document bundle's status after the move, when the move changes it. */
  bundleStatus?: BundleStatus;
}

const forward = (from: ApplicantStatus, to: ApplicantStatus): Transition => ({
  from,
  to,
  via: 'changeApplicantStatus',
  by: 'team',
  action: 'APPLICANT_ADVANCED',
});

const decide = (from: ApplicantStatus, to: 'ACCEPTED' | 'REJECTED'): Transition => ({
  from,
  to,
  via: 'changeApplicantStatus',
  by: 'team',
  action: 'APPLICANT_DECIDED',
});

/** Statuses an applicant can be archived from: every one but ARCHIVED. */
export const archivableStatuses: ApplicantStatus[] = applicantStatuses.filter((s) => s !== 'ARCHIVED');

export const transitions: Transition[] = [
  { from: 'DRAFT', to: 'DOCUMENTS_SUBMITTED', via: 'submitApplicant', by: 'owner', action: 'APPLICANT_SUBMITTED', bundleStatus: 'SUBMITTED' },
  forward('DOCUMENTS_SUBMITTED', 'DOCUMENTS_ACCEPTED'),
  forward('DOCUMENTS_ACCEPTED', 'IN_REVIEW'),
  forward('IN_REVIEW', 'CONSULTATION_SCHEDULED'),
  forward('CONSULTATION_SCHEDULED', 'APPLICATION_PROCESS'),
  forward('APPLICATION_PROCESS', 'SCHOLARSHIP_ASSISTANCE'),
  // Sent back: the documents are incomplete, so the owner must edit and submit again (the bundle reopens).
  {
    from: 'DOCUMENTS_SUBMITTED',
    to: 'DRAFT',
    via: 'changeApplicantStatus',
    by: 'team',
    action: 'APPLICANT_SENT_BACK',
    bundleStatus: 'OPEN',
  },
  // Sent back: the consultation was cancelled or showed that the profile needs another review.
  { from: 'CONSULTATION_SCHEDULED', to: 'IN_REVIEW', via: 'changeApplicantStatus', by: 'team', action: 'APPLICANT_SENT_BACK' },
  decide('APPLICATION_PROCESS', 'ACCEPTED'),
  decide('APPLICATION_PROCESS', 'REJECTED'),
  decide('SCHOLARSHIP_ASSISTANCE', 'ACCEPTED'),
  decide('SCHOLARSHIP_ASSISTANCE', 'REJECTED'),
  ...archivableStatuses.map(
    (from): Transition => ({ from, to: 'ARCHIVED', via: 'archiveApplicant', by: 'owner or team', action: 'APPLICANT_ARCHIVED' }),
  ),
  { from: 'ARCHIVED', to: 'previousStatus', via: 'changeApplicantStatus', by: 'team', action: 'APPLICANT_RESTORED' },
];

/** Where the owner may still edit the applicant: before staff accept the documents. Staff may edit any but ARCHIVED. */
export const ownerEditableStatuses: ApplicantStatus[] = ['DRAFT', 'DOCUMENTS_SUBMITTED'];

export interface StatusMove {
  via: StatusMutation;
  from: ApplicantStatus;
  to: ApplicantStatus;
  /** The applicant's previousStatus (set while ARCHIVED). */
  previousStatus?: ApplicantStatus | null;
  callerIsOwner: boolean;
  callerIsTeam: boolean;
}

/** The rule that allows this move through this mutation, whoever asks (null when there is none). */
export function findTransition(move: Pick<StatusMove, 'via' | 'from' | 'to' | 'previousStatus'>): Transition | null {
  const rule = transitions.find(
    (t) =>
      t.via === move.via &&
      t.from === move.from &&
      (t.to === 'previousStatus' ? !!move.previousStatus && move.to === move.previousStatus : t.to === move.to),
  );
  return rule || null;
}

function allowedFor(rule: Transition, move: StatusMove): boolean {
  if (rule.by === 'owner') return move.callerIsOwner;
  if (rule.by === 'team') return move.callerIsTeam;
  return move.callerIsOwner || move.callerIsTeam;
}

function targetsFrom(from: ApplicantStatus, via: StatusMutation, previousStatus?: ApplicantStatus | null): string[] {
  return transitions
    .filter((t) => t.from === from && t.via === via)
    .map((t) => (t.to === 'previousStatus' ? previousStatus || 'its previous status' : t.to));
}

/** Why the move is refused, naming from and to, or null when the caller may make it. */
export function transitionRefusal(move: StatusMove): string | null {
  const prefix = `Applicant status cannot change from ${move.from} to ${move.to}`;
  if (move.from === move.to) return `${prefix}: it is already ${move.to}`;
  const rule = findTransition(move);
  if (!rule) {
    const targets = targetsFrom(move.from, move.via, move.previousStatus);
    if (targets.length === 0) return `${prefix}: ${move.via} allows no change from ${move.from} (see docs/pipeline.md)`;
    return `${prefix}: from ${move.from}, ${move.via} allows ${targets.join(', ')} (see docs/pipeline.md)`;
  }
  if (!allowedFor(rule, move)) {
    const who = rule.by === 'owner' ? "the applicant's owner" : 'staff and admins';
    return `${prefix}: only ${who} may make this change`;
  }
  return null;
}
