import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { call, etagOf } from "../api/client";
import { needRequest, type NeedRequest } from "../api/requests";
import { ErrorAlert, Loading, itemsOf, useApi } from "../components/common";
import { CsvUpload } from "../components/CsvUpload";
import { useSubmission } from "../components/forms";
import { STATUSES, formatDate, label } from "../lib/format";
import { CompanyRecord } from "./company/CompanyRecord";

export interface Need {
  id: string; siret: string; companyName?: string; romeCode: string; jobTitle: string; headcount: number; filledCount: number;
  openPositions: number; contractType: string; qualificationLevel: string; startDate: string; deadline: string;
  hoursPerWeek: number; status: string; version: number; skills?: string[]; workStudy?: boolean; difficult?: boolean;
  difficultyReasons?: string[]; difficultyComment?: string | null; fundedActions?: { title?: string; territory?: string; approved?: number }[];
}
interface Company { siret: string; name: string; commune?: string }

const CONTRACTS = { CDI: "CDI", CDD: "CDD", INTERIM: "Intérim", APPRENTICESHIP: "Apprentissage", PROFESSIONALISATION: "Professionnalisation" };
const LEVELS = { UNSKILLED: "Sans qualification", SKILLED_WORKER: "Ouvrier qualifié", TECHNICIAN: "Technicien", ENGINEER: "Ingénieur / cadre" };

const EMPTY = { siret: "", romeCode: "", jobTitle: "", headcount: "1", contractType: "CDI", qualificationLevel: "SKILLED_WORKER", startDate: "", deadline: "", hoursPerWeek: "35" };

export function CompanyPage() {
  const companies = useApi<unknown>("/api/recruitment/companies?size=100");
  const needs = useApi<unknown>("/api/recruitment/needs?size=100");
  const list = itemsOf<Need>(needs.data);
  const [form, setForm] = useState(EMPTY);
  const declare = useSubmission();
  useEffect(() => {
    document.title = "Mon entreprise — Territoires d'industrie";
  }, []);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await declare.run(() => call("/api/recruitment/needs", {
      method: "POST",
      body: { ...form, headcount: Number(form.headcount) || form.headcount, hoursPerWeek: form.hoursPerWeek.replace(",", "."),
        startDate: form.startDate || null, deadline: form.deadline || null },
    }), "Besoin déclaré.");
    if (ok) {
      setForm({ ...EMPTY, siret: form.siret });
      needs.reload();
    }
  };
  return (
    <>
      <h1>Mon entreprise</h1>
      <ErrorAlert error={companies.error} />
      <ul>{itemsOf<Company>(companies.data).map((c) => <li key={c.siret}>{c.name} — SIRET {c.siret}</li>)}</ul>
      <section className="fr-mb-4w" aria-labelledby="fiche">
        <h2 id="fiche">Ma fiche entreprise</h2>
        {itemsOf<Company>(companies.data).map((c) => <CompanyRecord key={c.siret} siret={c.siret} onSaved={companies.reload} />)}
      </section>
      <section className="fr-mb-4w">
        <h2>Mes besoins de recrutement</h2>
        <ErrorAlert error={needs.error} />
        {needs.loading && <Loading />}
        {list.map((n) => <NeedCard key={n.id} need={n} onChange={needs.reload} />)}
      </section>
      <form onSubmit={submit} className="fr-mb-4w" aria-labelledby="declarer">
        <h2 id="declarer">Déclarer un besoin</h2>
        <ErrorAlert error={declare.error} title="Le besoin n'a pas été enregistré" />
        {declare.done && <Alert severity="success" small description={declare.done} className="fr-mb-2w" />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6"><Input label="SIRET de l'établissement" {...declare.state("siret")} nativeInputProps={{ name: "siret", value: form.siret, onChange: set("siret") }} /></div>
          <div className="fr-col-12 fr-col-md-6"><Input label="Code ROME du métier" hintText="Par exemple H2913 (soudage)" {...declare.state("romeCode")} nativeInputProps={{ name: "romeCode", value: form.romeCode, onChange: set("romeCode") }} /></div>
          <div className="fr-col-12 fr-col-md-6"><Input label="Intitulé du poste" {...declare.state("jobTitle")} nativeInputProps={{ name: "jobTitle", value: form.jobTitle, onChange: set("jobTitle") }} /></div>
          <div className="fr-col-12 fr-col-md-3"><Input label="Nombre de postes" {...declare.state("headcount")} nativeInputProps={{ name: "headcount", type: "number", min: 1, value: form.headcount, onChange: set("headcount") }} /></div>
          <div className="fr-col-12 fr-col-md-3"><Input label="Heures par semaine" {...declare.state("hoursPerWeek")} nativeInputProps={{ name: "hoursPerWeek", inputMode: "decimal", value: form.hoursPerWeek, onChange: set("hoursPerWeek") }} /></div>
          <div className="fr-col-12 fr-col-md-6">
            <Select label="Contrat" {...declare.state("contractType")} nativeSelectProps={{ name: "contractType", value: form.contractType, onChange: set("contractType") }}>
              {Object.entries(CONTRACTS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select label="Qualification" {...declare.state("qualificationLevel")} nativeSelectProps={{ name: "qualificationLevel", value: form.qualificationLevel, onChange: set("qualificationLevel") }}>
              {Object.entries(LEVELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6"><Input label="Date de prise de poste" {...declare.state("startDate")} nativeInputProps={{ name: "startDate", type: "date", value: form.startDate, onChange: set("startDate") }} /></div>
          <div className="fr-col-12 fr-col-md-6"><Input label="Date limite de recrutement" {...declare.state("deadline")} nativeInputProps={{ name: "deadline", type: "date", value: form.deadline, onChange: set("deadline") }} /></div>
        </div>
        <Button type="submit" disabled={declare.busy}>{declare.busy ? "Enregistrement…" : "Déclarer le besoin"}</Button>
      </form>
      <section>
        <h2>Déclaration groupée (CSV)</h2>
        <CsvUpload path="/api/recruitment/needs/import" label="Fichier CSV des besoins"
          hint="Colonnes siret, rome_code, job_title, headcount, contract_type, qualification_level, start_date, deadline, hours_per_week ; tout ou rien."
          columns={[["siret", "SIRET"], ["romeCode", "ROME"], ["headcount", "Postes"], ["outcome", "Résultat"]]} onDone={needs.reload} />
      </section>
    </>
  );
}

/** One need: update its headcount, mark it filled, cancel it — each with If-Match on the version read. */
function NeedCard({ need, onChange }: { need: Need; onChange: () => void }) {
  const [headcount, setHeadcount] = useState(String(need.headcount));
  const [reason, setReason] = useState("");
  const s = useSubmission();
  // The list's version is the need's ETag (the API writes one as the other), so the change is checked
  // against the version this page showed: a change made elsewhere since gives 412, and nothing is saved.
  const etag = etagOf(need.version);
  const put = (changes: Partial<NeedRequest>, message: string) => s.run(async () => {
    await call(`/api/recruitment/needs/${need.id}`, { method: "PUT", ifMatch: etag, body: { ...needRequest(need), ...changes } });
  }, message).then((ok) => ok && onChange());
  const cancel = () => s.run(() => call(`/api/recruitment/needs/${need.id}/cancel`, { method: "POST", ifMatch: etag, body: { reason: reason || null } }), "Besoin annulé.").then((ok) => ok && onChange());
  const open = need.status === "OPEN";
  return (
    <article className="fr-card fr-p-3w fr-mb-2w" aria-label={need.jobTitle}>
      <h3 className="fr-h6">{need.jobTitle} ({need.romeCode}) — {label(STATUSES, need.status)}</h3>
      <p>{need.filledCount}/{need.headcount} pourvu(s) · {need.contractType} · du {formatDate(need.startDate)} au {formatDate(need.deadline)}</p>
      {(need.fundedActions ?? []).length > 0 && (
        <p>Actions financées pour ce besoin : {need.fundedActions!.map((a) => a.title ?? "action").join(", ")}</p>
      )}
      <ErrorAlert error={s.error} title="La modification n'a pas été enregistrée" />
      {s.done && <Alert severity="success" small description={s.done} />}
      {open && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Nombre de postes" {...s.state("headcount")} nativeInputProps={{ type: "number", min: 1, value: headcount, onChange: (e) => setHeadcount(e.target.value) }} />
            <Button size="small" onClick={() => void put({ headcount: Number(headcount) }, "Besoin mis à jour.")} disabled={s.busy}>Mettre à jour</Button>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Button size="small" priority="secondary" onClick={() => void put({ filledCount: need.headcount }, "Besoin pourvu.")} disabled={s.busy}>Marquer comme pourvu</Button>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Motif d'annulation (facultatif)" nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
            <Button size="small" priority="tertiary" onClick={() => void cancel()} disabled={s.busy}>Annuler le besoin</Button>
          </div>
        </div>
      )}
    </article>
  );
}
