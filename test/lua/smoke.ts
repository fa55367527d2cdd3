// Smallest harness: proves test bundles build and run under lua5.1.
import { SplitwanError, EXIT_CONFLICT } from "../../src/core/errors";
const e = new SplitwanError(EXIT_CONFLICT, "x");
print(`${e.code} ${e.message}`);
