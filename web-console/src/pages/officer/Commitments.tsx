import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/schema";
import { ErrorAlert, Loading, itemsOf, useApi } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { COMMITMENT_STATUSES, PAYMENT_KINDS, formatDate, formatEuros, label } from "../../lib/format";
import { unpaidOf } from "../../lib/envelopes";
import { parseEuros } from "../../lib/plan";
import type { Application } from "../ManagerPage";

type Commitment = components["schemas"]["CommitmentView"];

/**
 * Payments and decommitments on the commitments of an approved application: the officer picks the
 * application, sees each commitment (committed, paid, left to pay) and records a payment or releases
 * part of what is unpaid. Both are money-moving POSTs with an Idempotency-Key (a double click pays once).
 */
export function Commitments({ changes, onChange }: { changes: number; onChange: () => void }) {
  const approvedList = useApi<unknown>("/api/funding/applications?status=APPROVED&size=50", [changes]);
  const approved = itemsOf<Application>(approvedList.data);
  const [chosen, setChosen] = useState("");
  const app = approved.find((a) => a.id === chosen);
  const list = useApi<Commitment[]>(chosen ? `/api/funding/commitments?application=${encodeURIComponent(chosen)}` : undefined, [changes]);
  const commitments = Array.isArray(list.data) ? list.data : [];
  return (
    <section className="fr-mb-4w" aria-labelledby="paiements">
      <h2 id="paiements">Paiements et dégagements</h2>
      <Select label="Dossier approuvé" nativeSelectProps={{ name: "commitmentApplication", value: chosen, onChange: (e) => setChosen(e.target.value) }}>
        <option value="">Choisir un dossier</option>
        {approved.map((a) => <option key={a.id} value={a.id}>{a.title} — {a.territory} (accordé {formatEuros(a.approved)})</option>)}
      </Select>
      <ErrorAlert error={approvedList.error ?? list.error} title="Les engagements n'ont pas pu être lus" />
      {chosen && list.loading && <Loading what="Chargement des engagements" />}
      {app && (
        <>
          <div className="fr-table">
            <table>
              <caption>Engagements du dossier « {app.title} » ({commitments.length})</caption>
              <thead><tr><th scope="col">Engagé le</th><th scope="col">Engagé</th><th scope="col">Payé</th><th scope="col">Reste à payer</th><th scope="col">Statut</th></tr></thead>
              <tbody>
                {commitments.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDate(c.committedOn)}</td><td>{formatEuros(c.amount)}</td><td>{formatEuros(c.paid)}</td>
                    <td>{formatEuros(unpaidOf(c))}</td><td>{label(COMMITMENT_STATUSES, c.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {commitments.filter((c) => c.status === "ACTIVE").map((c, i) => (
            <CommitmentActions key={c.id} commitment={c} index={commitments.length > 1 ? i + 1 : undefined} onDone={onChange} />
          ))}
        </>
      )}
    </section>
  );
}

function CommitmentActions({ commitment, index, onDone }: { commitment: Commitment; index?: number; onDone: () => void }) {
  const which = index ? ` (engagement ${index})` : "";
  const [payment, setPayment] = useState({ kind: "ADVANCE", amount: "", paidOn: "", reason: "" });
  const [release, setRelease] = useState({ amount: "", reason: "" });
  const p = useSubmission();
  const r = useSubmission();
  const pay = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await p.run((key) => call(`/api/funding/commitments/${commitment.id}/payments`, {
      method: "POST", idempotencyKey: key,
      body: { kind: payment.kind, amount: parseEuros(payment.amount) ?? payment.amount, ...(payment.paidOn ? { paidOn: payment.paidOn } : {}), ...(payment.reason.trim() ? { reason: payment.reason } : {}) },
    }), "Paiement enregistré.");
    if (ok) {
      setPayment({ kind: "INSTALMENT", amount: "", paidOn: "", reason: "" });
      onDone();
    }
  };
  const decommit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await r.run((key) => call(`/api/funding/commitments/${commitment.id}/decommitments`, {
      method: "POST", idempotencyKey: key, body: { amount: parseEuros(release.amount) ?? release.amount, reason: release.reason },
    }), "Dégagement enregistré : le montant revient à l'enveloppe.");
    if (ok) {
      setRelease({ amount: "", reason: "" });
      onDone();
    }
  };
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
      <form onSubmit={pay} className="fr-col-12 fr-col-md-6" aria-label={`Enregistrer un paiement${which}`}>
        <h3 className="fr-h6">Enregistrer un paiement{which}</h3>
        <ErrorAlert error={p.error} title="Le paiement n'a pas été enregistré" />
        {p.done && <Alert severity="success" small description={p.done} className="fr-mb-2w" />}
        <Select label="Nature du paiement" {...p.state("kind")} nativeSelectProps={{ name: "paymentKind", value: payment.kind, onChange: (e) => setPayment({ ...payment, kind: e.target.value }) }}>
          {["ADVANCE", "INSTALMENT", "BALANCE"].map((k) => <option key={k} value={k}>{label(PAYMENT_KINDS, k)}</option>)}
        </Select>
        <Input label="Montant payé (€)" {...p.state("amount")} nativeInputProps={{ name: "paymentAmount", inputMode: "decimal", value: payment.amount, onChange: (e) => setPayment({ ...payment, amount: e.target.value }) }} />
        <Input label="Date du paiement (aujourd'hui si vide)" {...p.state("paidOn")} nativeInputProps={{ name: "paidOn", type: "date", value: payment.paidOn, onChange: (e) => setPayment({ ...payment, paidOn: e.target.value }) }} />
        <Input label="Référence ou motif (facultatif)" {...p.state("reason")} nativeInputProps={{ name: "paymentReason", value: payment.reason, onChange: (e) => setPayment({ ...payment, reason: e.target.value }) }} />
        <Button type="submit" disabled={p.busy}>{p.busy ? "Enregistrement…" : "Enregistrer le paiement"}</Button>
      </form>
      <form onSubmit={decommit} className="fr-col-12 fr-col-md-6" aria-label={`Dégager des crédits${which}`}>
        <h3 className="fr-h6">Dégager des crédits{which}</h3>
        <ErrorAlert error={r.error} title="Le dégagement n'a pas été enregistré" />
        {r.done && <Alert severity="success" small description={r.done} className="fr-mb-2w" />}
        <Input label="Montant dégagé (€)" hintText={`Au plus le reste à payer : ${formatEuros(unpaidOf(commitment))}`} {...r.state("amount")}
          nativeInputProps={{ name: "releaseAmount", inputMode: "decimal", value: release.amount, onChange: (e) => setRelease({ ...release, amount: e.target.value }) }} />
        <Input label="Motif du dégagement" {...r.state("reason")} nativeInputProps={{ name: "releaseReason", value: release.reason, onChange: (e) => setRelease({ ...release, reason: e.target.value }) }} />
        <Button type="submit" priority="secondary" disabled={r.busy}>{r.busy ? "Enregistrement…" : "Dégager"}</Button>
      </form>
    </div>
  );
}
