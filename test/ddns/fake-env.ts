// Stand-ins for the updater's outside world in Node tests: a fake clock (sleep advances
// time instantly), files in a Map, and a scripted provider that records each request with
// the fake time it was sent. None of this runs on a router.
import type { Clock, UpdaterEnv } from "../../src/core/ddns/updater";
import type { DdnsSection, HttpRequest, HttpResponse } from "../../src/core/ddns/types";

export class FakeClock implements Clock {
  sleeps: number[] = [];
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  sleep(seconds: number): void {
    this.sleeps.push(seconds);
    this.t += seconds;
  }
}

export interface Sent {
  at: number;
  req: HttpRequest;
}

export class FakeEnv implements UpdaterEnv {
  clock: FakeClock;
  files = new Map<string, string>();
  sent: Sent[] = [];
  logs: string[] = [];
  said: string[] = [];
  addresses = new Map<string, string | undefined>();
  /** Answers by URL prefix; each entry is consumed in order, the last one repeats. */
  answers: Array<[string, HttpResponse[]]> = [];
  supersedeAt: number | undefined;

  constructor(start = 1_700_000_000) {
    this.clock = new FakeClock(start);
  }

  http = (req: HttpRequest): HttpResponse => {
    this.sent.push({ at: this.clock.t, req });
    for (const [prefix, list] of this.answers) {
      if (req.url.startsWith(prefix)) return list.length > 1 ? (list.shift() as HttpResponse) : list[0];
    }
    return { status: 0, body: "", error: "no answer scripted" };
  };
  /** Interfaces whose netifd status does not answer (ubus down, timeout). */
  unreachable = new Set<string>();
  address(s: DdnsSection): { ip?: string; unreachable: boolean } {
    const iface = s.ipVersion === 6 ? s.ip6Interface : "wanppp";
    return { ip: this.addresses.get(iface), unreachable: this.unreachable.has(iface) };
  }
  addressSource(s: DdnsSection): string {
    return s.ipVersion === 6 ? `${s.ip6Interface} IPv6` : "wanppp IPv4";
  }
  readFile(path: string): string | undefined {
    return this.files.get(path);
  }
  writeFile(path: string, data: string): void {
    this.files.set(path, data);
  }
  superseded(): boolean {
    return this.supersedeAt !== undefined && this.clock.t >= this.supersedeAt;
  }
  log(level: string, message: string): void {
    this.logs.push(`${level}: ${message}`);
  }
  say(message: string): void {
    this.said.push(message);
  }
}
