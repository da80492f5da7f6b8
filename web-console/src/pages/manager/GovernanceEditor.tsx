import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useState, type FormEvent } from "react";
import { call } from "../../api/client";
import { ApiError } from "../../api/problem";
import { ErrorAlert, Loading, useRecord } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { formatDate } from "../../lib/format";
import { ContractDocuments, Meetings } from "./GovernanceRecords";
import type { ContractDocument, Meeting } from "../../api/requests";
import { governanceForm, governanceUpdate, type GovernanceForm, type GovernanceRead } from "../../lib/governance";

type Governance = GovernanceRead & { version?: number; meetings?: Meeting[] | null; contract?: ContractDocument[] | null };

function person(name?: string | null, ...more: (string | null | undefined)[]): string {
  return name ? [name, ...more].filter(Boolean).join(", ") : "Non désigné";
}

/**
 * The territory's binôme and project lead: read with its ETag, replaced whole with If-Match (a change
 * made elsewhere since gives the conflict message and keeps what was typed). Below, the committee
 * meetings and the contract's documents the same read gives, each with its own form (a POST).
 */
export function GovernanceEditor({ code }: { code: string }) {
  const path = `/api/territories/${encodeURIComponent(code)}/governance`;
  const record = useRecord<Governance>(path);
  const [form, setForm] = useState<GovernanceForm>();
  const s = useSubmission();
  useEffect(() => {
    if (record.data) setForm(governanceForm(record.data));
  }, [record.data]);
  const g = record.data;
  const set = (k: keyof GovernanceForm) => (e: { target: { value: string } }) => form && setForm({ ...form, [k]: e.target.value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    await s.run(async () => {
      const answer = await call<Governance>(path, {
        // A governance never set has no ETag: the first write creates it, every later one names its version.
        method: "PUT", ifMatch: record.etag, firstWrite: !record.etag, body: governanceUpdate(form, g),
      });
      record.set(answer.data, answer.etag);
    }, "Gouvernance enregistrée.");
  };
  const conflict = s.error instanceof ApiError && s.error.isConflict;
  return (
    <section className="fr-mb-4w" aria-labelledby="gouvernance">
      <h2 id="gouvernance">Gouvernance</h2>
      <ErrorAlert error={record.error} title="La gouvernance n'a pas pu être lue" />
      {!g && !record.error && <Loading what="Chargement de la gouvernance" />}
      {g && (
        <ul data-testid="binome">
          <li>Élu : {person(g.electedOfficial?.name, g.electedOfficial?.role, g.electedOfficial?.organisation)}</li>
          <li>Industriel : {person(g.industrialist?.name, g.industrialist?.role, g.industrialist?.organisation)}</li>
          <li>Chef de projet : {person(g.projectLead?.name, g.projectLead?.employer, g.projectLead?.since ? `depuis le ${formatDate(g.projectLead.since)}` : undefined)}</li>
          <li>Cofinanceurs du poste : {(g.projectLeadFunders ?? []).join(", ") || "—"}</li>
        </ul>
      )}
      {form && (
        <form onSubmit={save} aria-labelledby="modifier-gouvernance">
          <h3 id="modifier-gouvernance" className="fr-h5">Modifier le binôme et le chef de projet</h3>
          <ErrorAlert error={s.error} title="La gouvernance n'a pas été enregistrée" />
          {conflict && (
            <Button type="button" priority="secondary" size="small" className="fr-mb-2w"
              onClick={() => { s.reset(); record.reload(); }}>Recharger la version actuelle (votre saisie sera remplacée)</Button>
          )}
          {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Élu du binôme</legend>
            <div className="fr-grid-row fr-grid-row--gutters fr-col-12">
              <div className="fr-col-12 fr-col-md-4"><Input label="Nom de l'élu" {...s.state("electedOfficial.name")} nativeInputProps={{ name: "electedName", value: form.electedName, onChange: set("electedName") }} /></div>
              <div className="fr-col-12 fr-col-md-4"><Input label="Fonction de l'élu" {...s.state("electedOfficial.role")} nativeInputProps={{ name: "electedRole", value: form.electedRole, onChange: set("electedRole") }} /></div>
              <div className="fr-col-12 fr-col-md-4"><Input label="Collectivité de l'élu" {...s.state("electedOfficial.organisation")} nativeInputProps={{ name: "electedOrganisation", value: form.electedOrganisation, onChange: set("electedOrganisation") }} /></div>
            </div>
          </fieldset>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Industriel du binôme</legend>
            <div className="fr-grid-row fr-grid-row--gutters fr-col-12">
              <div className="fr-col-12 fr-col-md-4"><Input label="Nom de l'industriel" {...s.state("industrialist.name")} nativeInputProps={{ name: "industrialistName", value: form.industrialistName, onChange: set("industrialistName") }} /></div>
              <div className="fr-col-12 fr-col-md-4"><Input label="Fonction de l'industriel" {...s.state("industrialist.role")} nativeInputProps={{ name: "industrialistRole", value: form.industrialistRole, onChange: set("industrialistRole") }} /></div>
              <div className="fr-col-12 fr-col-md-4"><Input label="Entreprise de l'industriel" {...s.state("industrialist.organisation")} nativeInputProps={{ name: "industrialistOrganisation", value: form.industrialistOrganisation, onChange: set("industrialistOrganisation") }} /></div>
            </div>
          </fieldset>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Chef de projet</legend>
            <div className="fr-grid-row fr-grid-row--gutters fr-col-12">
              <div className="fr-col-12 fr-col-md-4"><Input label="Nom du chef de projet" {...s.state("projectLead.name")} nativeInputProps={{ name: "leadName", value: form.leadName, onChange: set("leadName") }} /></div>
              <div className="fr-col-12 fr-col-md-4"><Input label="Employeur du chef de projet" {...s.state("projectLead.employer")} nativeInputProps={{ name: "leadEmployer", value: form.leadEmployer, onChange: set("leadEmployer") }} /></div>
              <div className="fr-col-12 fr-col-md-4"><Input label="En poste depuis le" {...s.state("projectLead.since")} nativeInputProps={{ name: "leadSince", type: "date", value: form.leadSince, onChange: set("leadSince") }} /></div>
              <div className="fr-col-12">
                <Input label="Cofinanceurs du poste" hintText="Un par ligne, par exemple ANCT" textArea {...s.groupState("projectLeadFunders")}
                  nativeTextAreaProps={{ name: "funders", rows: 3, value: form.funders, onChange: set("funders") }} />
              </div>
            </div>
          </fieldset>
          <Button type="submit" disabled={s.busy}>{s.busy ? "Enregistrement…" : "Enregistrer la gouvernance"}</Button>
        </form>
      )}
      {g && <Meetings code={code} read={g.meetings ?? []} />}
      {g && <ContractDocuments code={code} read={g.contract ?? []} />}
    </section>
  );
}
