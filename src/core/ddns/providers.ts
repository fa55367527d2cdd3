import { cloudflare } from "./cloudflare";
import { mydns } from "./mydns";
import type { Provider, ProviderName } from "./types";
import { valueDomain } from "./value-domain";

export function providerFor(name: ProviderName): Provider {
  return name === "value-domain" ? valueDomain : name === "mydns" ? mydns : cloudflare;
}
