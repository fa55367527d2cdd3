// LuCI hands the classes named in the view's 'require' directives to the view's factory
// function as arguments; @kuoruan/luci-types declares them as UMD globals (form, rpc, uci,
// ui, poll, dom, view) plus L, E and _. Nothing else is global in a LuCI view.
export {};
