export function standinDir(top: string): string;
export function luaPathFor(top: string): string;
export function bundleLua(top: string, entry: string, out: string): string;
export function buildStandins(top: string): void;
