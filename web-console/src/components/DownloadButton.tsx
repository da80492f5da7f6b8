import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { call } from "../api/client";
import { ErrorAlert } from "./common";

/** A protected export: read with the token, then saved by the browser; a spinner while it runs. */
export function DownloadButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await call<string>(path);
      const blob = new Blob([typeof data === "string" ? data : JSON.stringify(data)], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorAlert error={error} title="L'export n'a pas abouti" />
      <Button iconId="fr-icon-download-line" onClick={run} disabled={busy}>
        {busy ? "Export en cours…" : label}
      </Button>
    </>
  );
}
