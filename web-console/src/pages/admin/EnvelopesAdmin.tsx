import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { call, query } from "../../api/client";
import type { EnvelopeContract } from "../../api/contract";
import { ErrorAlert, itemsOf, useApi } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { ENVELOPE_STATUSES, PRIORITIES, formatEuros, label } from "../../lib/format";
import { parseEuros } from "../../lib/plan";
import { envelopeNextStatuses } from "../../lib/envelopes";

type Envelope = Pick<EnvelopeContract, "id" | "name" | "funder" | "priority" | "status" | "ceiling" | "committed" | "available">;

/**
 * The envelopes with their balances; one chosen is changed: its ceiling (never below what is committed,
 * the service says so) and its status, each with the reason the ledger keeps.
 */
export function EnvelopesAdmin({ search, changes }: { search: string; changes: number }) {
  const [typed, setTyped] = useState(search);
  const [q, setQ] = useState(search);
  const [chosen, setChosen] = useState<string>();
  useEffect(() => {
    setTyped(search);
    setQ(search);
  }, [search]);
  const [tick, setTick] = useState(0);
  const list = useApi<unknown>(`/api/funding/envelopes${query({ q, size: 100 })}`, [changes, tick]);
  const rows = itemsOf<Envelope>(list.data);
  const envelope = rows.find((e) => e.id === chosen);
  return (
    <section className="fr-mb-4w" aria-labelledby="enveloppes">
      <h2 id="enveloppes">Enveloppes</h2>
      <form onSubmit={(e) => { e.preventDefault(); setQ(typed); }} className="fr-mb-2w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6"><Input label="Nom de l'enveloppe contient" nativeInputProps={{ name: "envelopeSearch", value: typed, onChange: (e) => setTyped(e.target.value) }} /></div>
          <div className="fr-col-12 fr-col-md-3"><Button type="submit" priority="secondary">Rechercher</Button></div>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      <div className="fr-table">
        <table>
          <caption>Enveloppes et leurs soldes ({rows.length})</caption>
          <thead><tr><th scope="col">Enveloppe</th><th scope="col">Financeur</th><th scope="col">Priorité</th><th scope="col">Plafond</th><th scope="col">Engagé</th><th scope="col">Disponible</th><th scope="col">Statut</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td><td>{e.funder}</td><td>{label(PRIORITIES, e.priority)}</td><td>{formatEuros(e.ceiling)}</td>
                <td>{formatEuros(e.committed)}</td><td>{formatEuros(e.available)}</td><td>{label(ENVELOPE_STATUSES, e.status)}</td>
                <td><Button size="small" priority="secondary" onClick={() => setChosen(e.id)} nativeButtonProps={{ "aria-label": `Modifier l'enveloppe ${e.name}` }}>Modifier</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {envelope && <EnvelopeEditor key={envelope.id} envelope={envelope} onChange={() => setTick((t) => t + 1)} />}
    </section>
  );
}

function EnvelopeEditor({ envelope, onChange }: { envelope: Envelope; onChange: () => void }) {
  const path = `/api/funding/envelopes/${envelope.id}`;
  const [ceiling, setCeiling] = useState(String(envelope.ceiling ?? ""));
  const [ceilingReason, setCeilingReason] = useState("");
  const next = envelopeNextStatuses(envelope.status);
  const [status, setStatus] = useState(next[0] ?? "");
  const [statusReason, setStatusReason] = useState("");
  const c = useSubmission();
  const s = useSubmission();
  useEffect(() => {
    if (!next.includes(status)) setStatus(next[0] ?? "");
  }, [envelope.status]); // eslint-disable-line react-hooks/exhaustive-deps
  const changeCeiling = async (e: FormEvent) => {
    e.preventDefault();
    // A command on the envelope, not a replace: the API takes no If-Match (the service checks the
    // new ceiling against what is committed at that moment).
    if (await c.run(() => call(`${path}/ceiling`, { method: "PUT", command: true, body: { ceiling: parseEuros(ceiling) ?? ceiling, reason: ceilingReason } }), "Plafond changé.")) {
      setCeilingReason("");
      onChange();
    }
  };
  const changeStatus = async (e: FormEvent) => {
    e.preventDefault();
    if (await s.run(() => call(`${path}/status`, { method: "PUT", command: true, body: { status, reason: statusReason } }), "Statut changé.")) {
      setStatusReason("");
      onChange();
    }
  };
  return (
    <div className="fr-card fr-p-3w" role="region" aria-label={`Modifier l'enveloppe ${envelope.name}`}>
      <h3 className="fr-h5">Modifier « {envelope.name} »</h3>
      <p>Plafond {formatEuros(envelope.ceiling)} · engagé {formatEuros(envelope.committed)} · statut {label(ENVELOPE_STATUSES, envelope.status)}</p>
      <form onSubmit={changeCeiling} aria-label="Plafond de l'enveloppe" className="fr-mb-3w">
        <ErrorAlert error={c.error} title="Le plafond n'a pas été changé" />
        {c.done && <Alert severity="success" small description={c.done} className="fr-mb-2w" />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4"><Input label="Nouveau plafond (€)" {...c.state("ceiling")} nativeInputProps={{ name: "ceiling", inputMode: "decimal", value: ceiling, onChange: (e) => setCeiling(e.target.value) }} /></div>
          <div className="fr-col-12 fr-col-md-8"><Input label="Motif du changement de plafond" {...c.state("reason")} nativeInputProps={{ name: "ceilingReason", value: ceilingReason, onChange: (e) => setCeilingReason(e.target.value) }} /></div>
        </div>
        <Button type="submit" disabled={c.busy}>Changer le plafond</Button>
      </form>
      {next.length > 0 ? (
        <form onSubmit={changeStatus} aria-label="Statut de l'enveloppe">
          <ErrorAlert error={s.error} title="Le statut n'a pas été changé" />
          {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Nouveau statut de l'enveloppe" {...s.state("status")} nativeSelectProps={{ name: "envelopeStatus", value: status, onChange: (e) => setStatus(e.target.value) }}>
                {next.map((k) => <option key={k} value={k}>{label(ENVELOPE_STATUSES, k)}</option>)}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-8"><Input label="Motif du changement de statut" {...s.state("reason")} nativeInputProps={{ name: "statusReason", value: statusReason, onChange: (e) => setStatusReason(e.target.value) }} /></div>
          </div>
          <Button type="submit" disabled={s.busy}>Changer le statut</Button>
        </form>
      ) : <p>Enveloppe clôturée : son statut ne change plus.</p>}
    </div>
  );
}
