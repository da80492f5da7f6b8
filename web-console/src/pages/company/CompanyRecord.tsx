import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { call } from "../../api/client";
import { ApiError } from "../../api/problem";
import { companyRequest } from "../../api/requests";
import type { components } from "../../api/schema";
import { ErrorAlert, Loading, useRecord } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { SIZE_BANDS, label } from "../../lib/format";

type Company = components["schemas"]["CompanyView"];

/**
 * The company's record (establishment): read with its ETag, replaced whole with If-Match; a change
 * made elsewhere since gives the conflict message and keeps what was typed.
 */
export function CompanyRecord({ siret, onSaved }: { siret: string; onSaved: () => void }) {
  const path = `/api/recruitment/companies/${encodeURIComponent(siret)}`;
  const record = useRecord<Company>(path);
  const [form, setForm] = useState({ name: "", nafCode: "", commune: "", sizeBand: "SMALL" });
  const s = useSubmission();
  const c = record.data;
  useEffect(() => {
    if (c) setForm({ name: c.name ?? "", nafCode: c.nafCode ?? "", commune: c.commune ?? "", sizeBand: c.sizeBand ?? "SMALL" });
  }, [c]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!c) return;
    const ok = await s.run(async () => {
      const answer = await call<Company>(path, {
        method: "PUT", ifMatch: record.etag,
        body: { ...companyRequest(c), name: form.name, nafCode: form.nafCode.trim(), commune: form.commune.trim(), sizeBand: form.sizeBand as Company["sizeBand"],
          // The territory read goes with the commune read: a new commune lets the service place it again.
          territory: form.commune.trim() === c.commune ? c.territory : undefined },
      });
      record.set(answer.data, answer.etag);
    }, "Fiche entreprise enregistrée.");
    if (ok) onSaved();
  };
  const conflict = s.error instanceof ApiError && s.error.isConflict;
  return (
    <form onSubmit={save} aria-label={`Fiche de l'établissement ${siret}`} className="fr-card fr-p-3w fr-mb-3w">
      <h3 className="fr-h5">Établissement {siret}</h3>
      <ErrorAlert error={record.error} title="La fiche n'a pas pu être lue" />
      {!c && !record.error && <Loading />}
      {c && (
        <>
          <p>{c.nafLabel ? `${c.nafCode} — ${c.nafLabel}` : c.nafCode} · {c.communeName ?? c.commune} · {label(SIZE_BANDS, c.sizeBand)}{c.territory ? ` · territoire ${c.territory}` : ""}</p>
          <ErrorAlert error={s.error} title="La fiche n'a pas été enregistrée" />
          {conflict && (
            <Button type="button" priority="secondary" size="small" className="fr-mb-2w"
              onClick={() => { s.reset(); record.reload(); }}>Recharger la version actuelle (votre saisie sera remplacée)</Button>
          )}
          {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6"><Input label="Raison sociale" {...s.state("name")} nativeInputProps={{ name: "companyName", value: form.name, onChange: set("name") }} /></div>
            <div className="fr-col-12 fr-col-md-3"><Input label="Code NAF" hintText="Par exemple 25.11Z" {...s.state("nafCode")} nativeInputProps={{ name: "nafCode", value: form.nafCode, onChange: set("nafCode") }} /></div>
            <div className="fr-col-12 fr-col-md-3"><Input label="Commune (code INSEE)" {...s.state("commune")} nativeInputProps={{ name: "companyCommune", value: form.commune, onChange: set("commune") }} /></div>
            <div className="fr-col-12 fr-col-md-6">
              <Select label="Taille de l'entreprise" {...s.state("sizeBand")} nativeSelectProps={{ name: "sizeBand", value: form.sizeBand, onChange: set("sizeBand") }}>
                {Object.entries(SIZE_BANDS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </Select>
            </div>
          </div>
          <Button type="submit" disabled={s.busy || !record.etag}>{s.busy ? "Enregistrement…" : "Enregistrer la fiche"}</Button>
        </>
      )}
    </form>
  );
}
