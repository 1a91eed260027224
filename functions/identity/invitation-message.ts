// The staff invitation email. Cognito sends it (AdminCreateUser), because it carries the temporary password: CDK sets
// it as the user pool's `userInvitation` message. Cognito replaces {username} and {####}; both must appear.
export const staffInvitationMessage = {
  emailSubject: 'You are invited to the Scholarvalley team',
  emailBody: [
    '<p>Hello,</p>',
    '<p>An administrator has invited you to work on Scholarvalley.</p>',
    '<p>Sign in with your email address {username} and this temporary password: <strong>{####}</strong></p>',
    '<p>You will choose your own password when you first sign in. The temporary password expires in 7 days.</p>',
  ].join('\n'),
} as const;
