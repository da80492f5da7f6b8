import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useCallback, useEffect, useMemo, useState } from "react";
import { call } from "../api/client";
import { useSession } from "../auth/session";
import { BarChart } from "../components/BarChart";
import { ErrorAlert, Loading, itemsOf, useApi } from "../components/common";
import { useSubmission } from "../components/forms";
import { PRIORITIES, STATUSES, formatEuros, label } from "../lib/format";
import { parseEuros } from "../lib/plan";
import { regionName } from "../lib/regions";
import { searchOf } from "../lib/territories";
import { Link } from "react-router-dom";
import type { Application, Envelope } from "./ManagerPage";
import { Commitments } from "./officer/Commitments";

interface Group { key: string; label: string; approvedApplications: number; committed: number; paid: number }
interface Summary { groups: Group[]; total: { committed: number; paid: number; approvedApplications: number } }

export function OfficerPage() {
  const { me } = useSession();
  const region = me?.region ?? undefined;
  // Each decision changes the lists, the envelopes' balances and the reports: all are read again.
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((c) => c + 1), []);
  useEffect(() => {
    document.title = "Ma région — Territoires d'industrie";
  }, []);
  return (
    <>
      <h1>Ma région : {regionName(region)}</h1>
      {region && (
        <p>
          <Link to={`/territoires${searchOf({ region })}`}>Les territoires de ma région</Link> (liste filtrée sur la région ;
          chaque territoire y ouvre sa page).
        </p>
      )}
      <ToReview changes={changes} onChange={changed} />
      <Decided changes={changes} />
      <Commitments changes={changes} onChange={changed} />
      <Envelopes changes={changes} />
      {region && <Report region={region} by="PRIORITY" title="Financements par priorité" changes={changes} />}
      {region && <Report region={region} by="FUNDER" title="Financements par financeur" changes={changes} />}
    </>
  );
}

function ToReview({ changes, onChange }: { changes: number; onChange: () => void }) {
  const submitted = useApi<unknown>("/api/funding/applications?status=SUBMITTED&size=50", [changes]);
  const review = useApi<unknown>("/api/funding/applications?status=UNDER_REVIEW&size=50", [changes]);
  // One card per application: while both lists reload, the newer status (under review) wins.
  const byId = new Map<string, Application>();
  for (const a of [...itemsOf<Application>(submitted.data), ...itemsOf<Application>(review.data)]) byId.set(a.id, a);
  const apps = [...byId.values()];
  return (
    <section className="fr-mb-4w">
      <h2>Dossiers à instruire ({apps.length})</h2>
      <ErrorAlert error={submitted.error ?? review.error} />
      {(submitted.loading || review.loading) && <Loading />}
      {apps.length === 0 && !submitted.loading && <p>Aucun dossier en attente.</p>}
      {apps.map((a) => <Decision key={a.id} app={a} onDone={onChange} />)}
    </section>
  );
}

/** The applications decided, most recent first: a decision shows here with its new state at once. */
function Decided({ changes }: { changes: number }) {
  const approved = useApi<unknown>("/api/funding/applications?status=APPROVED&size=20", [changes]);
  const rejected = useApi<unknown>("/api/funding/applications?status=REJECTED&size=20", [changes]);
  const apps = [approved, rejected].flatMap((l) => itemsOf<Application>(l.data));
  return (
    <section className="fr-mb-4w">
      <h2>Dossiers décidés</h2>
      <ErrorAlert error={approved.error ?? rejected.error} />
      <div className="fr-table">
        <table>
          <caption>Dossiers décidés ({apps.length})</caption>
          <thead><tr><th scope="col">Projet</th><th scope="col">Territoire</th><th scope="col">Statut</th><th scope="col">Demandé</th><th scope="col">Accordé</th><th scope="col">Motif</th></tr></thead>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id}><td>{a.title}</td><td>{a.territory}</td><td>{label(STATUSES, a.status)}</td><td>{formatEuros(a.requested)}</td><td>{formatEuros(a.approved)}</td><td>{a.decisionReason ?? ""}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Decision({ app, onDone }: { app: Application; onDone: () => void }) {
  const [amounts, setAmounts] = useState<Record<string, string>>(
    Object.fromEntries(app.plan.map((l) => [l.envelopeId, String(l.requested)])));
  const [reason, setReason] = useState("");
  const s = useSubmission();
  const title = `${app.title} — ${app.territory}`;
  const take = () => s.run(() => call(`/api/funding/applications/${app.id}/review`, { method: "POST" }), "Dossier pris en instruction.").then((ok) => ok && onDone());
  const decide = (decision: "APPROVED" | "REJECTED") =>
    s.run((key) => call(`/api/funding/applications/${app.id}/decision`, {
      method: "POST",
      idempotencyKey: key,
      body: decision === "APPROVED"
        ? { decision, reason: reason || null, plan: app.plan.map((l) => ({ envelopeId: l.envelopeId, approved: parseEuros(amounts[l.envelopeId] ?? "") ?? amounts[l.envelopeId] ?? "" })) }
        : { decision, reason },
    }), decision === "APPROVED" ? "Dossier approuvé : les montants sont engagés." : "Dossier rejeté.").then((ok) => ok && onDone());
  return (
    <article className="fr-card fr-p-3w fr-mb-3w" aria-label={title}>
      <h3 className="fr-h5">{title}</h3>
      <p>{label(STATUSES, app.status)} · demandé {formatEuros(app.requested)}{app.owner ? ` · porteur ${app.owner.name}` : ""}</p>
      <ErrorAlert error={s.error} title="La décision n'a pas été enregistrée" />
      {s.done && <Alert severity="success" small description={s.done} />}
      {app.status === "SUBMITTED" ? (
        <Button onClick={() => void take()} disabled={s.busy}>Prendre en instruction</Button>
      ) : (
        <>
          {app.plan.map((l, i) => (
            <Input key={l.envelopeId} label={`Montant accordé sur ${l.envelopeName ?? l.envelopeId} (demandé ${formatEuros(l.requested)})`}
              {...s.state(`plan[${i}].approved`)}
              nativeInputProps={{ name: `approved-${i}`, inputMode: "decimal", value: amounts[l.envelopeId] ?? "", onChange: (e) => setAmounts({ ...amounts, [l.envelopeId]: e.target.value }) }} />
          ))}
          <Input label="Motif (obligatoire pour un rejet)" textArea {...s.state("reason")}
            nativeTextAreaProps={{ name: "reason", value: reason, onChange: (e) => setReason(e.target.value) }} />
          <div className="fr-btns-group fr-btns-group--inline">
            <Button onClick={() => void decide("APPROVED")} disabled={s.busy}>Approuver</Button>
            <Button priority="secondary" onClick={() => void decide("REJECTED")} disabled={s.busy}>Rejeter</Button>
          </div>
        </>
      )}
    </article>
  );
}

function Envelopes({ changes }: { changes: number }) {
  const list = useApi<unknown>("/api/funding/reports/envelopes?size=100", [changes]);
  const rows = itemsOf<Envelope & { ceiling: number; committed: number; paid: number }>(list.data);
  return (
    <section className="fr-mb-4w">
      <h2>Enveloppes</h2>
      <ErrorAlert error={list.error} />
      <div className="fr-table">
        <table>
          <caption>Enveloppes visibles ({rows.length})</caption>
          <thead><tr><th scope="col">Enveloppe</th><th scope="col">Financeur</th><th scope="col">Priorité</th><th scope="col">Plafond</th><th scope="col">Engagé</th><th scope="col">Disponible</th><th scope="col">Statut</th></tr></thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}><td>{e.name}</td><td>{e.funder}</td><td>{label(PRIORITIES, e.priority)}</td><td>{formatEuros(e.ceiling)}</td><td>{formatEuros(e.committed)}</td><td>{formatEuros(e.available)}</td><td>{label(STATUSES, e.status)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Report({ region, by, title, changes = 0 }: { region?: string; by: "PRIORITY" | "FUNDER"; title: string; changes?: number }) {
  const { data, error } = useApi<Summary>(`/api/funding/reports/summary?by=${by}${region ? `&region=${region}` : ""}`, [changes]);
  const groups = useMemo(() => data?.groups ?? [], [data]);
  const labels = useMemo(() => groups.map((g) => (by === "PRIORITY" ? label(PRIORITIES, g.key) : g.label || g.key)), [groups, by]);
  const series = useMemo(() => [
    { label: "Engagé (€)", values: groups.map((g) => Number(g.committed) || 0) },
    { label: "Payé (€)", values: groups.map((g) => Number(g.paid) || 0) },
  ], [groups]);
  return (
    <section className="fr-mb-4w">
      <ErrorAlert error={error} title={`${title} : rapport indisponible`} />
      {data && (
        <BarChart title={title} labels={labels} series={series}>
          <table>
            <caption>{title}</caption>
            <thead><tr><th scope="col">{by === "PRIORITY" ? "Priorité" : "Financeur"}</th><th scope="col">Dossiers approuvés</th><th scope="col">Engagé</th><th scope="col">Payé</th></tr></thead>
            <tbody>
              {groups.map((g, i) => <tr key={g.key}><td>{labels[i]}</td><td>{g.approvedApplications}</td><td>{formatEuros(g.committed)}</td><td>{formatEuros(g.paid)}</td></tr>)}
              <tr><th scope="row">Total</th><td>{data.total.approvedApplications}</td><td>{formatEuros(data.total.committed)}</td><td>{formatEuros(data.total.paid)}</td></tr>
            </tbody>
          </table>
        </BarChart>
      )}
    </section>
  );
}
