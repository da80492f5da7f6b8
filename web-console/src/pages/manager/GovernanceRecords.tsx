import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { call } from "../../api/client";
import type { ContractDocument, Meeting } from "../../api/requests";
import { ErrorAlert } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { useSession } from "../../auth/session";
import { formatDate, label } from "../../lib/format";
import {
  COMMITTEES, CONTRACT_KINDS, contractRequest, emptyContractForm, emptyMeetingForm, meetingRequest, nextContractKind,
  type ContractForm, type MeetingForm,
} from "../../lib/governance";

/** What the governance read gave, followed by what was recorded since on this page (not yet read back). */
function merged<T extends { id?: number | null }>(read: T[], added: T[]): T[] {
  const ids = new Set(read.map((x) => x.id));
  return [...read, ...added.filter((x) => !ids.has(x.id))];
}

/**
 * The committee meetings and their decisions: listed as the governance read gives them, one recorded
 * with POST …/governance/meetings. A territory's manager records local project committees; the
 * regional steering committee is the region's officer's or the programme team's.
 */
export function Meetings({ code, read }: { code: string; read: Meeting[] }) {
  const session = useSession();
  const regional = session.hasRole("region-officer") || session.hasRole("programme-admin");
  const committees = Object.entries(COMMITTEES).filter(([k]) => regional || k === "LOCAL_PROJECT");
  const [added, setAdded] = useState<Meeting[]>([]);
  const [form, setForm] = useState<MeetingForm>(emptyMeetingForm);
  const s = useSubmission();
  const meetings = merged(read, added);
  const set = (k: keyof MeetingForm) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const record = async (e: FormEvent) => {
    e.preventDefault();
    let answer: Meeting | undefined;
    const ok = await s.run(async () => {
      answer = (await call<Meeting>(`/api/territories/${encodeURIComponent(code)}/governance/meetings`, { method: "POST", body: meetingRequest(form) })).data;
    }, "Réunion enregistrée.");
    if (ok && answer) {
      setAdded((a) => [...a, answer!]);
      setForm(emptyMeetingForm());
    }
  };
  return (
    <div className="fr-mt-4w" data-testid="reunions">
      <h3 id="reunions" className="fr-h4">Réunions des comités</h3>
      <div className="fr-table">
        <table>
          <caption>Réunions des comités et leurs décisions ({meetings.length})</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Comité</th><th scope="col">Lieu</th><th scope="col">Présidée par</th><th scope="col">Décisions</th></tr></thead>
          <tbody>
            {meetings.length === 0 && <tr><td colSpan={5}>Aucune réunion enregistrée.</td></tr>}
            {meetings.map((m) => (
              <tr key={m.id ?? `${m.heldOn}-${m.committee}`}>
                <td>{formatDate(m.heldOn)}</td>
                <td>{label(COMMITTEES, m.committee ?? "")}</td>
                <td>{m.place || "—"}</td>
                <td>{m.chairedBy || "—"}</td>
                <td>{(m.decisions ?? []).length ? <ul className="fr-m-0">{m.decisions!.map((d, i) => <li key={i}>{d}</li>)}</ul> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={record} aria-labelledby="nouvelle-reunion">
        <h4 id="nouvelle-reunion" className="fr-h5">Enregistrer une réunion</h4>
        <ErrorAlert error={s.error} title="La réunion n'a pas été enregistrée" />
        {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Select label="Comité" {...s.state("committee")} nativeSelectProps={{ name: "committee", value: form.committee, onChange: set("committee") }}>
              {committees.map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Date de la réunion" {...s.state("heldOn")} nativeInputProps={{ name: "heldOn", type: "date", value: form.heldOn, onChange: set("heldOn") }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Lieu (facultatif)" {...s.state("place")} nativeInputProps={{ name: "place", value: form.place, onChange: set("place") }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Présidée par (facultatif)" {...s.state("chairedBy")} nativeInputProps={{ name: "chairedBy", value: form.chairedBy, onChange: set("chairedBy") }} />
          </div>
          <div className="fr-col-12">
            <Input label="Décisions" hintText="Une par ligne ; aucune pour une réunion à venir" textArea {...s.groupState("decisions")}
              nativeTextAreaProps={{ name: "decisions", rows: 4, value: form.decisions, onChange: set("decisions") }} />
          </div>
        </div>
        <Button type="submit" disabled={s.busy}>{s.busy ? "Enregistrement…" : "Enregistrer la réunion"}</Button>
      </form>
    </div>
  );
}

/**
 * The contract's documents in signature order (protocol, contract, amendments), as the governance read
 * gives them; the region's officer or the programme team records a signed one with POST …/governance/contract.
 */
export function ContractDocuments({ code, read }: { code: string; read: ContractDocument[] }) {
  const session = useSession();
  const mayRecord = session.hasRole("region-officer") || session.hasRole("programme-admin");
  const [added, setAdded] = useState<ContractDocument[]>([]);
  const documents = merged(read, added);
  const [form, setForm] = useState<ContractForm>(() => ({ ...emptyContractForm(), kind: nextContractKind(read) }));
  const s = useSubmission();
  const set = (k: keyof ContractForm) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const record = async (e: FormEvent) => {
    e.preventDefault();
    let answer: ContractDocument | undefined;
    const ok = await s.run(async () => {
      answer = (await call<ContractDocument>(`/api/territories/${encodeURIComponent(code)}/governance/contract`, { method: "POST", body: contractRequest(form) })).data;
    }, "Document du contrat enregistré.");
    if (ok && answer) {
      const next = [...documents, answer];
      setAdded((a) => [...a, answer!]);
      setForm({ ...emptyContractForm(), kind: nextContractKind(next) });
    }
  };
  return (
    <div className="fr-mt-4w" data-testid="contrat">
      <h3 id="contrat" className="fr-h4">Documents du contrat</h3>
      <div className="fr-table">
        <table>
          <caption>Documents du contrat dans l'ordre de signature ({documents.length})</caption>
          <thead><tr><th scope="col">Document</th><th scope="col">Titre</th><th scope="col">Référence</th><th scope="col">Signé le</th><th scope="col">Fin</th><th scope="col">Signataires</th></tr></thead>
          <tbody>
            {documents.length === 0 && <tr><td colSpan={6}>Aucun document signé enregistré.</td></tr>}
            {documents.map((d) => (
              <tr key={d.id ?? `${d.kind}-${d.signedOn}`}>
                <td>{label(CONTRACT_KINDS, d.kind ?? "")}</td>
                <td>{d.title}{d.summary ? <p className="fr-text--sm fr-mb-0">{d.summary}</p> : null}</td>
                <td>{d.reference || "—"}</td>
                <td>{formatDate(d.signedOn)}</td>
                <td>{formatDate(d.endsOn)}</td>
                <td>{(d.signatories ?? []).join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!mayRecord && (
        <p className="fr-text--sm">Les documents signés sont enregistrés par le chargé de mission de la région ou par l'équipe du programme.</p>
      )}
      {mayRecord && (
        <form onSubmit={record} aria-labelledby="nouveau-document">
          <h4 id="nouveau-document" className="fr-h5">Enregistrer un document signé</h4>
          <ErrorAlert error={s.error} title="Le document n'a pas été enregistré" />
          {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Select label="Type de document" hint="Un protocole d'accord, puis un contrat, puis des avenants" {...s.state("kind")}
                nativeSelectProps={{ name: "kind", value: form.kind, onChange: set("kind") }}>
                {Object.entries(CONTRACT_KINDS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Input label="Titre du document" {...s.state("title")} nativeInputProps={{ name: "title", value: form.title, onChange: set("title") }} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label="Référence (facultatif)" {...s.state("reference")} nativeInputProps={{ name: "reference", value: form.reference, onChange: set("reference") }} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label="Signé le" {...s.state("signedOn")} nativeInputProps={{ name: "signedOn", type: "date", value: form.signedOn, onChange: set("signedOn") }} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label="Fin (facultatif)" {...s.state("endsOn")} nativeInputProps={{ name: "endsOn", type: "date", value: form.endsOn, onChange: set("endsOn") }} />
            </div>
            <div className="fr-col-12">
              <Input label="Signataires" hintText="Un par ligne" textArea {...s.groupState("signatories")}
                nativeTextAreaProps={{ name: "signatories", rows: 3, value: form.signatories, onChange: set("signatories") }} />
            </div>
            <div className="fr-col-12">
              <Input label="Résumé (facultatif)" textArea {...s.state("summary")}
                nativeTextAreaProps={{ name: "summary", rows: 3, value: form.summary, onChange: set("summary") }} />
            </div>
          </div>
          <Button type="submit" disabled={s.busy}>{s.busy ? "Enregistrement…" : "Enregistrer le document"}</Button>
        </form>
      )}
    </div>
  );
}
