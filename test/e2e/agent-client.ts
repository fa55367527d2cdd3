// Talks to an agent.mjs running inside a namespace (JSON lines over its stdin/stdout).
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface TcpResult { ok: boolean; connected?: boolean; error?: string; name?: string; peer?: string; peerPort?: number; serverGot?: number; received?: number; ms?: number }
export interface UdpResult { ok: boolean; error?: string; name?: string; peer?: string }
export interface ScanResult { ok: boolean; open: number[]; refused: number; timeout: number; other: number; tries: number }
export interface Seen { proto: string; port: number; peer: string; peerPort: number; at: number }

const AGENT = join(import.meta.dirname, "agent.mjs");

export class Agent {
  private proc: ChildProcess;
  private next = 1;
  private pending = new Map<number, (v: unknown) => void>();
  readonly ready: Promise<unknown>;

  constructor(readonly ns: string) {
    this.proc = spawn("ip", ["netns", "exec", ns, process.execPath, AGENT], { stdio: ["pipe", "pipe", "inherit"] });
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, resolve);
      this.proc.once("error", reject);
      this.proc.once("exit", (code) => {
        for (const [, r] of this.pending) r({ ok: false, error: `agent in ${ns} exited (${code})` });
        this.pending.clear();
      });
    });
    createInterface({ input: this.proc.stdout! }).on("line", (line) => {
      const m = JSON.parse(line) as { id: number };
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    });
  }

  call<T>(op: string, args: Record<string, unknown>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (v: unknown) => void);
      this.proc.stdin!.write(JSON.stringify({ id, op, ...args }) + "\n");
    });
  }

  async listen(proto: "tcp" | "udp", host: string, port: number, name: string): Promise<void> {
    const r = await this.call<{ ok: boolean; error?: string }>("listen", { proto, host, port, name });
    if (!r.ok) throw new Error(`listen ${proto} ${host}:${port} in ${this.ns}: ${r.error}`);
  }

  tcp(host: string, port: number, opts: { want?: number; send?: number; timeout?: number; localAddress?: string } = {}): Promise<TcpResult> {
    return this.call("tcp", { host, port, ...opts });
  }

  udp(host: string, port: number, timeout = 2000): Promise<UdpResult> {
    return this.call("udp", { host, port, timeout });
  }

  scan(host: string, from: number, to: number, opts: { timeout?: number; retry?: boolean; deadline?: number; concurrency?: number } = {}): Promise<ScanResult> {
    return this.call("scan", { host, from, to, timeout: 1000, ...opts });
  }

  async seen(): Promise<Seen[]> {
    return (await this.call<{ seen: Seen[] }>("log", {})).seen;
  }

  stop(): void {
    this.proc.stdin!.end();
    this.proc.kill();
  }
}
