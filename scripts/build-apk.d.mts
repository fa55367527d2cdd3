// Types of scripts/build-apk.mjs for the TypeScript tests.
import type { ApkInfo, TreeFile } from "./apk/adb-write.mjs";
export interface ApkPackage {
  info: ApkInfo;
  scripts: Record<string, string>;
  files: Map<string, TreeFile>;
}
export interface BuiltApk {
  name: string;
  path: string;
  size: number;
  installedSize: number;
  id: string;
  sha256: string;
}
export function apkScripts(name: string, postinst: string | undefined, prerm: string | undefined): Record<"post-install" | "post-upgrade" | "pre-deinstall", string>;
export function apkTree(name: string, tree: Map<string, TreeFile>, conffiles?: string[]): Map<string, TreeFile>;
export function apkPackages(pkg: string): ApkPackage[];
export function buildApks(opts: { pkg: string; outDir: string; epoch: number }): BuiltApk[];
export default function buildApkStep(ctx: { top: string; pkg: string }): void;
