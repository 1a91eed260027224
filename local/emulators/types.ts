/** Where an emulator keeps its state: a folder kept across restarts, or nothing on disk once it stops (tests). */
export type EmulatorStorage = { dataDir: string; inMemory?: false } | { inMemory: true; dataDir?: undefined };

/** What every launcher returns. */
export interface RunningEmulator {
  endpoint: string;
  /** Stops it and resolves once its port is free; safe to call twice. */
  stop(): Promise<void>;
}
