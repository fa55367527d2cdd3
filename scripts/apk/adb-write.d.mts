// Types of scripts/apk/adb-write.mjs for the TypeScript tests.
export type ApkInfo = Partial<Record<"name" | "version" | "description" | "arch" | "license" | "origin" | "url" | "maintainer" | "provides" | "depends", string>>;
export interface TreeFile {
  mode: number;
  data: Buffer | string;
  mtime?: number;
}
export function validateInfo(info: ApkInfo): void;
export function mkpkg(opts: {
  info: ApkInfo;
  scripts?: Record<string, string | Buffer>;
  files: Map<string, TreeFile>;
  dirs?: Map<string, { mode: number }>;
  epoch: number;
  compression?: "deflate" | "none";
  owner?: string;
}): { apk: Buffer; adb: Buffer; id: string; installedSize: number };
