// Where the router's Lua goes (shared by the build and the package checks).
/** The modules: /usr/lib/lua/splitwan/<path under src/>.lua, required as splitwan.<path>. */
export const LUA_DIR = "usr/lib/lua/splitwan";
/** Entry scripts (root/ path → the module they load); each module runs its command. */
export const LUA_ENTRIES = {
  "usr/sbin/splitwan": "splitwan.cli.main",
  "usr/libexec/rpcd/luci.splitwan": "splitwan.cli.rpcd-main",
};
