// lua5.1 side of the provider cases: prints caseLines() for test/ddns/providers.test.ts.
import { caseLines } from "./ddns-cases";
for (const line of caseLines()) print(line);
