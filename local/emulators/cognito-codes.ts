// cognito-local delivers sign-up, reset and verification codes by logging a box through its own logger, which the
// local stack keeps silent: this sender prints one line per code instead, whatever the log level.
/** Standard output, or a test's capture of it. */
export interface CodeOutput {
  write(line: string): unknown;
}

interface CodeMessage {
  __code?: string;
}

export class PrintedCodeSender {
  constructor(private readonly output: CodeOutput = process.stdout) {}

  sendEmail(_ctx: unknown, _user: unknown, destination: string, message: CodeMessage): Promise<void> {
    return this.print(destination, message);
  }

  sendSms(_ctx: unknown, _user: unknown, destination: string, message: CodeMessage): Promise<void> {
    return this.print(destination, message);
  }

  private print(destination: string, message: CodeMessage): Promise<void> {
    if (message.__code) this.output.write(`confirmation code for ${destination}: ${message.__code}\n`);
    return Promise.resolve();
  }
}
