// Types of scripts/apk/adb-read.mjs for the TypeScript tests.
export interface Acl {
  mode: number;
  user: string;
  group: string;
}
export interface ApkFile {
  name: string;
  acl: Acl;
  size: number;
  mtime: number;
  hash: string;
}
export interface ApkDir {
  name?: string;
  acl: Acl;
  files?: ApkFile[];
}
export interface ApkRead {
  compressed: boolean;
  schema: number;
  header: { compat: number; ver: number };
  adbSize: number;
  adb: Buffer;
  pkg: {
    info: Record<string, string | number | { name: string; version?: string }[]> & { name: string; version: string; hashes: string };
    paths: ApkDir[];
    scripts?: Record<string, string>;
  };
  data: { path: number; file: number; size: number; content: Buffer }[];
  blockTypes: number[];
}
export function uncompressed(file: Buffer): Buffer;
export function blocks(adb: Buffer): { schema: number; blocks: { type: number; payload: Buffer }[] };
export function readApk(file: Buffer): ApkRead;
export function packageId(db: Buffer): string;
export function adbdump(file: Buffer): string;
