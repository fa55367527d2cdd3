// Exit codes of the CLI (README "Exit codes").
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_CONFLICT = 2;
export const EXIT_SYSTEM = 3;

/** An error that carries the CLI exit code; thrown by core code, caught at entry points.
 * Not an Error subclass: in Lua that pulls tstl's Error emulation (a stack walk per throw)
 * into every command for one message field. */
export class SplitwanError {
  constructor(
    public readonly code: number,
    public readonly message: string,
  ) {}

  /** `${e}` in Node (Lua code uses errorText). */
  toString(): string {
    return this.message;
  }
}

/** The text of anything thrown: a message field (SplitwanError, a JS Error), else the
 * value itself (a Lua runtime error is a string). */
export function errorText(e: unknown): string {
  const message = typeof e === "object" && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : `${e}`;
}
