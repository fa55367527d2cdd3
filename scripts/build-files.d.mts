// Types of scripts/build-files.mjs for the TypeScript tests.
export const OTHER_STEPS: string[];
export function listFiles(dir: string): string[];
export function fileMode(path: string): number;
export default function buildFiles(ctx: { top: string; pkg: string }): void;
