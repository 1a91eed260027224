/** What one reload of `npm start`'s source watcher did: one line to print (errors on stderr). */
export interface ReloadReport {
  kind: 'reloaded' | 'unchanged' | 'failed' | 'restart-needed';
  part: 'resolvers' | 'lambdas' | 'schema' | 'watcher';
  line: string;
}
