import { beforeAll, describe, expect, it } from 'vitest';
import { AssignApplicantDocument, OnStaffInboxMessageDocument, OnThreadMessageDocument, SendMessageDocument } from '../../schema/generated/client/graphql.ts';
import { createUser, withAccessToken, type SignedInUser } from '../setup/users.ts';
import { createApplicant, emailsTo, eventually, gqlOk, subscribe } from './support/api.ts';

// A message names its sender by their profile, whichever token they send. Amplify JS v6 sends the access token, which
// has no name or email claim: before issue #11 such messages, their live events and their emails showed the sender's id.

let owner: SignedInUser;
let staff: SignedInUser;

beforeAll(async () => {
  [owner, staff] = await Promise.all([
    createUser({ group: 'applicant', fullName: 'Nadia Access-Owner' }),
    createUser({ group: 'staff', fullName: 'Tariq Access-Staff' }),
  ]);
});

describe('sender names with access tokens', () => {
  it('given an applicant calling with their access token, when they write, then the message and the staff inbox event carry their profile name', async () => {
    const applicant = await createApplicant(owner);
    await gqlOk(staff, AssignApplicantDocument, { input: { id: applicant.id, staffId: staff.sub, expectedVersion: applicant.version } });
    const inbox = await subscribe(withAccessToken(staff), OnStaffInboxMessageDocument, {});
    try {
      const body = `From the owner ${applicant.id}`;
      const sent = (await gqlOk(withAccessToken(owner), SendMessageDocument, { input: { applicantId: applicant.id, body } })).sendMessage;
      expect(sent).toMatchObject({ senderId: owner.sub, senderName: 'Nadia Access-Owner', senderSide: 'APPLICANT' });
      expect(await inbox.next((m) => m.body === body)).toMatchObject({ senderName: 'Nadia Access-Owner' });
    } finally {
      inbox.close();
    }
  });

  it('given staff calling with their access token, when they reply, then the owner’s live event and email name them by their profile', async () => {
    const applicant = await createApplicant(owner);
    const thread = await subscribe(withAccessToken(owner), OnThreadMessageDocument, { applicantId: applicant.id });
    try {
      const body = `Reply for ${applicant.id}`;
      const sent = (await gqlOk(withAccessToken(staff), SendMessageDocument, { input: { applicantId: applicant.id, body } })).sendMessage;
      expect(sent).toMatchObject({ senderId: staff.sub, senderName: 'Tariq Access-Staff', senderSide: 'STAFF' });
      expect(await thread.next((m) => m.body === body)).toMatchObject({ senderName: 'Tariq Access-Staff' });
      const email = await eventually('the new-message email', async () =>
        (await emailsTo(owner.email)).find((e) => e.subject.startsWith('New message') && e.body.text?.includes(body)),
      );
      expect(email.body.text).toContain('Tariq Access-Staff wrote about');
      expect(email.body.text).not.toContain(staff.sub);
    } finally {
      thread.close();
    }
  });
});
