import { describe, expect, it } from 'vitest';
import { applicantProfileItem } from '../../../functions/identity/applicant-profile.ts';
import { staffInvitationMessage } from '../../../functions/identity/invitation-message.ts';
import { isUserRole, roleGroups } from '../../../functions/identity/roles.ts';
import { auditItem } from '../../../functions/shared/audit-item.ts';

const now = new Date('2025-03-01T12:00:00.000Z');

describe('the applicant profile a self sign-up gets', () => {
  it('given a confirmed sign-up, then the profile is an active APPLICANT keyed by the sub, with the email lower-cased and no opt-outs', () => {
    expect(applicantProfileItem({ sub: 'sub-1', username: 'sub-1', email: ' Ana.Lima@Example.COM ', name: ' Ana Lima ' }, now)).toEqual({
      pk: 'USER#sub-1',
      sk: 'PROFILE',
      type: 'USER',
      id: 'sub-1',
      email: 'ana.lima@example.com',
      fullName: 'Ana Lima',
      role: 'APPLICANT',
      active: true,
      notificationPreferences: { optedOut: [] },
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
      version: 1,
    });
  });

  it('given a sign-up without a name, then the profile is called by the email’s local part', () => {
    expect(applicantProfileItem({ sub: 'sub-2', username: 'sub-2', email: 'kwame@example.com' }, now).fullName).toBe('kwame');
  });

  it('given the sign-up, then it has no team index keys (applicants are not listed as staff)', () => {
    expect(applicantProfileItem({ sub: 'sub-3', username: 'sub-3', email: 'a@b.co' }, now)).not.toHaveProperty('gsi4pk');
  });
});

describe('audit events written by Lambdas', () => {
  it('given an event, then it has the shape resolvers give theirs: its resource partition, the actor and day indexes, JSON details', () => {
    const item = auditItem({ actorId: 'sub-1', action: 'USER_SIGNED_UP', resourceType: 'USER', resourceId: 'sub-1' }, now);
    expect(item).toMatchObject({
      pk: 'AUDIT#USER#sub-1',
      type: 'AUDIT',
      actorId: 'sub-1',
      action: 'USER_SIGNED_UP',
      resourceType: 'USER',
      resourceId: 'sub-1',
      details: '{}',
      sourceIp: null,
      createdAt: '2025-03-01T12:00:00.000Z',
      gsi1pk: 'ACTOR#sub-1',
      gsi2pk: 'AUDIT_DAY#2025-03-01',
    });
    expect(item.sk).toBe(item.id);
    expect(item.gsi1sk).toBe(item.id);
    expect(String(item.id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe('roles and the invitation', () => {
  it('given each role, then it has exactly one Cognito group, and nothing else is a role', () => {
    expect(roleGroups).toEqual({ APPLICANT: 'applicant', STAFF: 'staff', ADMIN: 'admin' });
    expect(isUserRole('STAFF')).toBe(true);
    expect(isUserRole('ROOT')).toBe(false);
  });

  it('given Cognito’s invitation message, then it has the placeholders Cognito requires', () => {
    expect(staffInvitationMessage.emailBody).toContain('{username}');
    expect(staffInvitationMessage.emailBody).toContain('{####}');
  });
});
