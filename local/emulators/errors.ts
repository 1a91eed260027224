/**
 * A failure the developer can fix: its message is one line that says what went wrong and what to do.
 * `npm start` prints only the message (no stack trace) for these.
 */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}

export const javaMissingMessage =
  'Java 17+ (a JDK) is required for DynamoDB Local: brew install openjdk@17 / apt-get install openjdk-17-jdk-headless';

export const javaTooOldMessage =
  'Java 17+ (a JDK) is required for DynamoDB Local (an older Java was found): brew install openjdk@17 / apt-get install openjdk-17-jdk-headless, or set JAVA_HOME to a Java 17+ JDK';

export const jdkMissingMessage =
  'A Java 17+ JDK (not only a JRE) is required for DynamoDB Local: brew install openjdk@17 / apt-get install openjdk-17-jdk-headless, or set JAVA_HOME to a JDK';

export function portInUseMessage(port: number, envName: string): string {
  return `port ${port} is in use: stop what uses it or set ${envName}`;
}

/** The last non-empty lines of a child's output, for an error message that must stay short. */
export function tail(output: string, lines = 3): string {
  return output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-lines)
    .join(' | ');
}
