// Globals of the standalone Lua interpreter that lua-types does not declare.
/** Command-line arguments: arg[1..n] in Lua (tstl maps TS index 0 to Lua index 1). */
declare const arg: string[];
