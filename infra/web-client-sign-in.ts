// How users sign in to the web app client: the deployed client (infra/constructs/user-directory.ts) and the local
// one (local/emulators/user-pool.ts) both take it from here, so production frontend code signs in locally unchanged.
// USER_PASSWORD_AUTH only for the legacy migration: Cognito runs the UserMigration trigger (the old bcrypt check) for
// that flow and not for SRP (docs/migration.md, "Users and passwords").
export const webClientSignIn = {
  authFlows: { userSrp: true, userPassword: true },
  preventUserExistenceErrors: true,
  enableTokenRevocation: true,
} as const;
