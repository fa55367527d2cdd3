// The self-test on the page: a "Run self-test" button and, once a run finishes, the
// summary and the table of diagnose-format.ts's rows (mounted under the status panel).
import { type DiagnoseReply, diagnoseRows, diagnoseSummary } from "./diagnose-format";
import { type Answer, failureText, logHint } from "./failure";

export type { DiagnoseReply } from "./diagnose-format";

type ElementFn = <T extends HTMLElement>(tag: string, attrs?: Record<string, unknown>, children?: unknown) => T;

/** The panel: the button, and the results below it once a run finishes. */
export function diagnosePanel(call: () => Promise<Answer<DiagnoseReply>>, E: ElementFn): HTMLElement {
  const results = E<HTMLElement>("div", { id: "splitwan-diagnose-results" });
  const show = (content: HTMLElement[]) => {
    while (results.firstChild) results.removeChild(results.firstChild);
    for (const el of content) results.appendChild(el);
  };
  const btn = E<HTMLButtonElement>("button", { class: "cbi-button cbi-button-action", id: "splitwan-diagnose-run" }, [_("Run self-test")]);
  btn.addEventListener("click", (ev: Event) => {
    ev.preventDefault();
    btn.disabled = true;
    show([E<HTMLElement>("em", { class: "spinning" }, [_("Testing… (at most 15 s)")])]);
    call()
      .then((a) => {
        if (!a.ok) {
          // a sentence in the user's words, never the RPC or Lua error text
          show([E<HTMLElement>("div", { class: "alert-message warning", id: "splitwan-diagnose-failed" }, [_("The self-test could not run."), " ", failureText(a.failure), " ", logHint()])]);
          return;
        }
        const reply = a.value;
        const table = E<HTMLElement>("table", { class: "table", id: "splitwan-diagnose" }, [
          E<HTMLElement>("tr", { class: "tr table-titles" }, [_("Self-test item"), _("Verdict"), _("Result and fix")].map((h) => E<HTMLElement>("th", { class: "th" }, [h]))),
        ]);
        for (const row of diagnoseRows(reply)) {
          table.appendChild(E<HTMLElement>("tr", { class: `tr splitwan-${row.state}`, "data-check": row.id }, [
            E<HTMLElement>("td", { class: "td" }, [row.cells[0]]),
            E<HTMLElement>("td", { class: "td" }, [E<HTMLElement>("span", { class: "splitwan-state" }), row.cells[1]]),
            E<HTMLElement>("td", { class: "td" }, [row.cells[2]]),
          ]));
        }
        show([E<HTMLElement>("div", { class: "splitwan-summary", id: "splitwan-diagnose-summary" }, [diagnoseSummary(reply)]), table]);
      })
      .then(() => {
        btn.disabled = false;
      });
  });
  return E<HTMLElement>("div", { id: "splitwan-diagnose-panel" }, [E<HTMLElement>("h4", {}, [_("Self-test")]), btn, results]);
}
