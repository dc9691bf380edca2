/**
 * Download or print a check-up's PDF. The file needs the bearer token, so it is fetched, then
 * handed to the browser as a blob: saved under the hub's file name, or opened in the browser's PDF
 * viewer to print. The verification code printed on it is shown too (header X-Verification-Code).
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "./async.tsx";

type State = { s: "idle" } | { s: "working" } | { s: "done"; code: string | null } | { s: "error"; error: unknown };

export function PdfButtons({ path, examDate }: { path: string; examDate: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [state, setState] = useState<State>({ s: "idle" });

  async function fetchPdf(): Promise<{ url: string; name: string } | null> {
    setState({ s: "working" });
    try {
      const d = await api.download(path);
      setState({ s: "done", code: d.headers.get("x-verification-code") });
      // The blob URL outlives this click only long enough to be saved or shown.
      const url = URL.createObjectURL(d.blob);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { url, name: d.filename ?? `kham-suc-khoe-${examDate}.pdf` };
    } catch (error) {
      setState({ s: "error", error });
      return null;
    }
  }

  async function download() {
    const f = await fetchPdf();
    if (!f) return;
    const a = document.createElement("a");
    a.href = f.url;
    a.download = f.name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  async function print() {
    // Opened inside the click, before any await, or pop-up blockers refuse it.
    const win = window.open("", "_blank");
    const f = await fetchPdf();
    if (!f) {
      win?.close();
      return;
    }
    if (win) win.location.href = f.url;
    else window.location.href = f.url;
  }

  return (
    <div className="pdf">
      <div className="button-row">
        <button type="button" className="button" onClick={() => void download()} disabled={state.s === "working"}>
          {t("checkup.pdf")}
        </button>
        <button type="button" className="button secondary" onClick={() => void print()} disabled={state.s === "working"}>
          {t("checkup.print")}
        </button>
      </div>
      <p role="status" aria-live="polite" className="muted">
        {state.s === "working" && t("checkup.pdfWorking")}
        {state.s === "done" && (state.code ? t("checkup.pdfReady", { code: state.code }) : t("checkup.pdfReadyNoCode"))}
      </p>
      {state.s === "error" && <ErrorNote error={state.error} />}
    </div>
  );
}
