// What the DDNS updater needs from the router beyond the Platform (Lua only): a lock so two updaters never run together, the "newest event" marker, and the clock.
import type { Clock } from "../core/ddns/updater";
import { DDNS_RUN_DIR } from "../core/ddns/state";
import type { Platform } from "../core/platform";
import { runsSplitwan } from "./files";

export const LOCK_DIR = `${DDNS_RUN_DIR}/lock`;
export const EVENT_FILE = `${DDNS_RUN_DIR}/event`;

/** mkdir is atomic: whoever creates the directory holds the lock. A lock whose holder died
 * (power cut, kill -9) is taken over. */
export class DdnsLock {
  held = false;
  constructor(private p: Platform, private pid: string) {}

  holder(): string | undefined {
    const text = this.p.readFile(`${LOCK_DIR}/pid`);
    return text === undefined ? undefined : text.trim();
  }

  acquire(): boolean {
    for (let tries = 0; tries < 2; tries++) {
      if (this.p.exec(["mkdir", this.p.root + LOCK_DIR]).code === 0) {
        this.p.writeFile(`${LOCK_DIR}/pid`, `${this.pid}\n`);
        this.held = true;
        return true;
      }
      const other = this.holder();
      // no pid yet: the holder is between mkdir and writing it
      if (other === undefined || runsSplitwan(other)) return false;
      this.p.exec(["rm", "-rf", this.p.root + LOCK_DIR]);
    }
    return false;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.p.exec(["rm", "-rf", this.p.root + LOCK_DIR]);
  }
}

/** An event is "<id> <flags>": f = force, r = resume (continue the retry series). The file
 * always holds the newest one. */
export interface DdnsEvent {
  text: string;
  force: boolean;
  resume: boolean;
}

export function postEvent(p: Platform, pid: string, force: boolean, resume: boolean): void {
  const flags = `${force ? "f" : ""}${resume ? "r" : ""}`;
  p.writeFile(EVENT_FILE, `${p.now()}.${pid} ${flags === "" ? "-" : flags}\n`);
}

export function readEvent(p: Platform): DdnsEvent {
  const text = p.readFile(EVENT_FILE) ?? "";
  const sp = text.indexOf(" ");
  const flags = sp >= 0 ? text.slice(sp + 1) : "";
  return { text, force: flags.indexOf("f") >= 0, resume: flags.indexOf("r") >= 0 };
}

/** The real clock sleeps with `sleep`. With SPLITWAN_ROOT and SPLITWAN_TEST_CLOCK set (tests
 * only) the time is a number in that file and sleeping just adds to it. */
export function routerClock(p: Platform): Clock {
  const fake = p.dryRun ? os.getenv("SPLITWAN_TEST_CLOCK") : undefined;
  if (fake !== undefined && fake !== "") {
    const read = (): number => {
      const [h] = io.open(fake, "r");
      const t = h !== undefined ? Number(h.read("*l")) : 0;
      if (h !== undefined) h.close();
      return t;
    };
    return {
      now: read,
      sleep(seconds: number) {
        const t = read() + seconds;
        const [h] = io.open(fake, "w");
        if (h !== undefined) {
          h.write(`${t}\n`);
          h.close();
        }
      },
    };
  }
  return {
    now: () => p.now(),
    sleep(seconds: number) {
      p.exec(["sleep", `${Math.max(1, Math.ceil(seconds))}`]);
    },
  };
}
