// Exit codes of the CLI (README "Exit codes").
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_CONFLICT = 2;
export const EXIT_SYSTEM = 3;

/** An error that carries the CLI exit code; thrown by core code, caught at entry points. */
export class SplitwanError extends Error {
  constructor(public readonly code: number, message: string) {
    super(message);
  }
}
