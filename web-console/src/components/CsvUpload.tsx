import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useState, type FormEvent } from "react";
import { call } from "../api/client";
import { ApiError } from "../api/problem";
import { ErrorAlert } from "./common";
import { OUTCOMES, lineAndColumn } from "./csv";

export interface RowLine { line: number; [column: string]: unknown }

/**
 * Upload of a CSV file the API takes whole or not at all: a spinner while it runs, then its report
 * per row (or, refused, every refused line and column from the problem's errors).
 */
export function CsvUpload({ path, label, hint, columns, onDone }: {
  path: string; label: string; hint: string; columns: [string, string][]; onDone?: () => void;
}) {
  const [file, setFile] = useState<File | undefined>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ lines?: RowLine[]; [k: string]: unknown } | undefined>();
  const [error, setError] = useState<unknown>();
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setReport(undefined);
    setError(undefined);
    try {
      const { data } = await call<{ lines?: RowLine[] }>(path, { method: "POST", body: file, contentType: "text/csv" });
      setReport(data);
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const refused = error instanceof ApiError ? error.problem.errors ?? [] : [];
  return (
    <form onSubmit={send} className="fr-mb-4w">
      <Upload label={label} hint={hint} nativeInputProps={{ accept: ".csv,text/csv", onChange: (e) => setFile(e.target.files?.[0]) }} />
      <Button type="submit" className="fr-mt-2w" disabled={!file || busy}>{busy ? "Envoi en cours…" : "Envoyer le fichier"}</Button>
      {busy && <p role="status" aria-live="polite">Traitement du fichier…</p>}
      <ErrorAlert error={error} title="Le fichier a été refusé : rien n'a été enregistré" />
      {refused.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Lignes refusées ({refused.length})</caption>
            <thead><tr><th scope="col">Ligne et colonne</th><th scope="col">Motif</th></tr></thead>
            <tbody>{refused.map((r, i) => <tr key={i}><td>{lineAndColumn(r.field)}</td><td>{r.message}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {report && (
        <>
          <Alert severity="success" small description={`Fichier accepté : ${report.lines?.length ?? 0} ligne(s) traitée(s).`} className="fr-mt-2w" />
          <div className="fr-table">
            <table>
              <caption>Rapport ligne par ligne</caption>
              <thead><tr><th scope="col">Ligne</th>{columns.map(([, l]) => <th key={l} scope="col">{l}</th>)}</tr></thead>
              <tbody>
                {(report.lines ?? []).map((r) => (
                  <tr key={r.line}><td>{r.line}</td>{columns.map(([k]) => <td key={k}>{k === "outcome" ? OUTCOMES[String(r[k])] ?? String(r[k] ?? "") : String(r[k] ?? "")}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </form>
  );
}
