// Types of scripts/build-ipk.mjs for the TypeScript tests.
export interface PackageMeta {
  name: string;
  basename: string;
  version: string;
  poVersion: string;
  license: string;
  maintainer: string;
  title: string;
  description: string;
  arch: string;
  source: string;
  url: string;
  depends: string[];
  conffiles: string[];
  postinst?: string;
  prerm?: string;
}
export interface BuiltIpk {
  path: string;
  size: number;
  installedSize: number;
  sha256: string;
}
export function parseMakefile(text: string): { vars: Map<string, string>; defines: Map<string, string> };
export function packageMeta(pkg: string): PackageMeta;
export const LUCI_POSTINST: string;
export function luciDefaultPostinst(uciDefaults: string[]): string;
export function tar(entries: { name: string; mode: number; data?: Buffer }[], mtime: number): Buffer;
export function gzip(buf: Buffer): Buffer;
export function dataTree(pkg: string): Map<string, { mode: number; data: Buffer }>;
export function sourceEpoch(top: string): number;
export function buildIpk(opts: { pkg: string; outDir: string; epoch: number }): BuiltIpk & { meta: PackageMeta };
export function sfhHash(buf: Buffer): number;
export function po2lmo(text: string): Buffer | undefined;
export function i18nPackages(pkg: string): { name: string; version: string; depends: string[]; description: string; tree: Map<string, { mode: number; data: Buffer }>; postinstPkg: string }[];
export function buildI18nIpks(opts: { pkg: string; outDir: string; epoch: number }): (BuiltIpk & { name: string })[];
export default function buildIpkStep(ctx: { top: string; pkg: string }): void;
