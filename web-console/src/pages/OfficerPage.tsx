import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useMemo, useState } from "react";
import { call } from "../api/client";
import { useSession } from "../auth/session";
import { BarChart } from "../components/BarChart";
import { ErrorAlert, Loading, itemsOf, useApi } from "../components/common";
import { useSubmission } from "../components/forms";
import { PRIORITIES, STATUSES, formatEuros, label } from "../lib/format";
import { regionName } from "../lib/regions";
import type { Application, Envelope } from "./ManagerPage";

interface Group { key: string; label: string; approvedApplications: number; committed: number; paid: number }
interface Summary { groups: Group[]; total: { committed: number; paid: number; approvedApplications: number } }

export function OfficerPage() {
  const { me } = useSession();
  const region = me?.region ?? undefined;
  useEffect(() => {
    document.title = "Ma région — Territoires d'industrie";
  }, []);
  return (
    <>
      <h1>Ma région : {regionName(region)}</h1>
      <ToReview />
      <Envelopes />
      {region && <Report region={region} by="PRIORITY" title="Financements par priorité" />}
      {region && <Report region={region} by="FUNDER" title="Financements par financeur" />}
    </>
  );
}

function ToReview() {
  const submitted = useApi<unknown>("/api/funding/applications?status=SUBMITTED&size=50");
  const review = useApi<unknown>("/api/funding/applications?status=UNDER_REVIEW&size=50");
  // One card per application: while both lists reload, the newer status (under review) wins.
  const byId = new Map<string, Application>();
  for (const a of [...itemsOf<Application>(submitted.data), ...itemsOf<Application>(review.data)]) byId.set(a.id, a);
  const apps = [...byId.values()];
  const reload = () => {
    submitted.reload();
    review.reload();
  };
  return (
    <section className="fr-mb-4w">
      <h2>Dossiers à instruire ({apps.length})</h2>
      <ErrorAlert error={submitted.error ?? review.error} />
      {(submitted.loading || review.loading) && <Loading />}
      {apps.length === 0 && !submitted.loading && <p>Aucun dossier en attente.</p>}
      {apps.map((a) => <Decision key={a.id} app={a} onDone={reload} />)}
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
        ? { decision, reason: reason || null, approved: app.plan.map((l) => ({ envelopeId: l.envelopeId, amount: (amounts[l.envelopeId] ?? "").replace(",", ".") })) }
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
              {...s.state(`approved[${i}].amount`)}
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

function Envelopes() {
  const list = useApi<unknown>("/api/funding/reports/envelopes?size=100");
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

export function Report({ region, by, title }: { region?: string; by: "PRIORITY" | "FUNDER"; title: string }) {
  const { data, error } = useApi<Summary>(`/api/funding/reports/summary?by=${by}${region ? `&region=${region}` : ""}`);
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
