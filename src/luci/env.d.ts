// LuCI hands the classes named in the view's 'require' directives to the view's factory
// function as arguments; @kuoruan/luci-types declares them as UMD globals (form, rpc, uci,
// ui, poll, dom, view) plus L, E and _. Nothing else is global in a LuCI view.
//
// Every module here calls the global `_` itself, never a translator passed in: LuCI's
// catalog tool (build/i18n-scan.pl, xgettext) finds a msgid only as `_("literal")` in the
// shipped file, and esbuild renames any local `_` of the bundle to `_2`. Node tests
// install a global `_` (test/luci/language.ts).
export {};
