// Once before all test files: the stand-in `uci` and `ubus` Lua modules every Lua run
// loads (building them per test file would cost each file a transpile).
import { standins } from "./helpers/lua";

export default function setup(): void {
  standins(true);
}
