// Serves the browser test on 127.0.0.1: the stand-in page (test/luci/standin/), the built
// view file as LuCI would fetch it, the translation catalog, and POST /ubus answered by
// the fake backend (JSON-RPC "call" as LuCI's rpc.js sends it).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { TOP } from "../helpers/lua";
import type { FakeBackend, RpcOutcome } from "./fake-backend";
import { readCatalog } from "./po";

export const VIEW_URL = "/luci-static/resources/view/splitwan/overview.js";
export const VIEW_PATH = join(TOP, "luci-app-splitwan/htdocs", VIEW_URL);
const STANDIN = join(TOP, "test/luci/standin");

export type Theme = "light" | "dark";

function page(lang: string, theme: Theme): string {
  const catalog = lang === "en" ? {} : readCatalog(join(TOP, "luci-app-splitwan/po", lang, "splitwan.po"));
  // the stand-in's own words (LuCI's base catalog has them in real LuCI)
  return `<!DOCTYPE html>
<html lang="${lang}"${theme === "dark" ? ' data-darkmode="true"' : ""}><head><meta charset="utf-8"><title>Split WAN - LuCI (test stand-in)</title>
<link rel="stylesheet" href="/standin/theme.css">
<script>window.__standinCatalog = ${JSON.stringify(catalog)};</script>
</head><body data-view="${VIEW_URL}">
<header><span class="brand">OpenWrt</span><span>Services › Split WAN</span><span id="changes-indicator"></span>
<span class="standin-note">test stand-in for LuCI's runtime, not LuCI</span></header>
<div id="maincontent"><div id="notifications"></div><div id="view"></div></div><div id="modal"></div>
<script src="/standin/luci.js"></script>
</body></html>`;
}

export async function startServer(backend: FakeBackend): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (code: number, type: string, body: string) => {
      res.writeHead(code, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    try {
      if (req.method === "GET" && url.pathname === "/") return send(200, "text/html; charset=utf-8", page(url.searchParams.get("lang") ?? "en", url.searchParams.get("theme") === "dark" ? "dark" : "light"));
      if (req.method === "GET" && url.pathname === VIEW_URL) return send(200, "application/javascript; charset=utf-8", readFileSync(VIEW_PATH, "utf8"));
      if (req.method === "GET" && url.pathname === "/standin/luci.js") return send(200, "application/javascript; charset=utf-8", readFileSync(join(STANDIN, "luci.js"), "utf8"));
      if (req.method === "GET" && url.pathname === "/standin/theme.css") return send(200, "text/css", readFileSync(join(STANDIN, "theme.css"), "utf8"));
      if (req.method === "POST" && url.pathname === "/ubus") {
        let body = "";
        req.on("data", (d: Buffer) => (body += d.toString("utf8")));
        req.on("end", () => {
          const msg = JSON.parse(body) as { id: number; params: [string, string, string, Record<string, unknown>] };
          const [, object, method, args] = msg.params;
          let result: RpcOutcome;
          try {
            result = backend.handle(object, method, args);
          } catch (e) {
            // a crash in the plugin code must fail the test, not hide behind a status code
            result = [0, { error: `backend crashed: ${(e as Error).stack}` }];
          }
          // uhttpd-mod-ubus: a JSON-RPC error object instead of a result
          if (!Array.isArray(result)) return send(200, "application/json", JSON.stringify({ jsonrpc: "2.0", id: msg.id, error: result.error }));
          send(200, "application/json", JSON.stringify({ jsonrpc: "2.0", id: msg.id, result }));
        });
        return;
      }
      if (url.pathname === "/favicon.ico") return send(204, "image/x-icon", "");
      send(404, "text/plain", "not found");
    } catch (e) {
      send(500, "text/plain", String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
