// The parts of cognito-local's router and services the wrappers around it (disabled users, SRP, token refresh) use.
export type CognitoHandler = (ctx: unknown, req: Record<string, unknown>) => Promise<unknown>;
export type CognitoRouter = (target: string) => CognitoHandler;

export interface StoredUser {
  Username: string;
  Password?: string;
  Enabled?: boolean;
  RefreshTokens?: string[];
}

export interface StoredAppClient {
  ClientId: string;
  UserPoolId: string;
  ClientSecret?: string;
  ExplicitAuthFlows?: string[];
  PreventUserExistenceErrors?: string;
}

export interface UserPool {
  options: { Id: string };
  getUserByUsername(ctx: unknown, username: string): Promise<StoredUser | null>;
  getUserByRefreshToken(ctx: unknown, token: string): Promise<StoredUser | null>;
  saveUser(ctx: unknown, user: StoredUser): Promise<void>;
}

export interface CognitoService {
  getUserPool(ctx: unknown, userPoolId: string): Promise<UserPool>;
  getUserPoolForClientId(ctx: unknown, clientId: string): Promise<UserPool>;
  getAppClient(ctx: unknown, clientId: string): Promise<StoredAppClient | null>;
}
