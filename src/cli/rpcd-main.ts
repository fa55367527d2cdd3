// /usr/libexec/rpcd/luci.splitwan: the rpcd exec plugin behind Services → Split WAN.
import { runEntry } from "./entry";
import { rpcdCommand } from "./rpcd";

runEntry((p) => rpcdCommand(p, [...arg]));
