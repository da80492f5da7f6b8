import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { call, etagOf } from "../../api/client";
import { siteRequest, type SiteRequest } from "../../api/requests";
import type { SiteContract } from "../../api/contract";
import { ErrorAlert, itemsOf, useApi } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { SITE_SERVICES, SITE_STATUSES, label } from "../../lib/format";
import { parseEuros } from "../../lib/plan";

type Site = Pick<SiteContract, "id" | "name" | "commune" | "status" | "brownfield" | "version">
  & Partial<Pick<SiteContract, "communeName" | "areaHectares" | "services" | "description">>;

const EMPTY = { name: "", commune: "", areaHectares: "", status: "AVAILABLE", brownfield: false, services: [] as string[], description: "" };

/** The territory's industrial sites and brownfields: listed, added, their availability changed. */
export function SitesManager({ code }: { code: string }) {
  const base = `/api/territories/${encodeURIComponent(code)}/sites`;
  const list = useApi<unknown>(`${base}?size=100`);
  const sites = itemsOf<Site>(list.data);
  const [form, setForm] = useState(EMPTY);
  const s = useSubmission();
  const set = (k: "name" | "commune" | "areaHectares" | "status" | "description") => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const toggle = (service: string) => setForm({
    ...form, services: form.services.includes(service) ? form.services.filter((x) => x !== service) : [...form.services, service],
  });
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await s.run(() => call(base, {
      method: "POST",
      body: {
        name: form.name, commune: form.commune.trim(), areaHectares: parseEuros(form.areaHectares) ?? form.areaHectares,
        status: form.status, brownfield: form.brownfield, services: form.services, ...(form.description.trim() ? { description: form.description } : {}),
      },
    }), "Site ajouté.");
    if (ok) {
      setForm(EMPTY);
      list.reload();
    }
  };
  return (
    <section className="fr-mb-4w" aria-labelledby="sites">
      <h2 id="sites">Sites industriels et friches</h2>
      <ErrorAlert error={list.error} />
      <div className="fr-table">
        <table>
          <caption>Sites du territoire ({sites.length})</caption>
          <thead><tr><th scope="col">Site</th><th scope="col">Commune</th><th scope="col">Surface</th><th scope="col">Friche</th><th scope="col">Dessertes</th><th scope="col">Disponibilité</th><th scope="col">Changer la disponibilité</th></tr></thead>
          <tbody>
            {sites.map((site) => <SiteRow key={`${site.id}-${site.version}`} base={base} site={site} onChange={list.reload} />)}
          </tbody>
        </table>
      </div>
      <form onSubmit={add} aria-labelledby="nouveau-site">
        <h3 id="nouveau-site" className="fr-h5">Ajouter un site</h3>
        <ErrorAlert error={s.error} title="Le site n'a pas été enregistré" />
        {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6"><Input label="Nom du site" {...s.state("name")} nativeInputProps={{ name: "siteName", value: form.name, onChange: set("name") }} /></div>
          <div className="fr-col-12 fr-col-md-3"><Input label="Commune (code INSEE)" hintText="5 caractères, par exemple 54430" {...s.state("commune")} nativeInputProps={{ name: "commune", value: form.commune, onChange: set("commune") }} /></div>
          <div className="fr-col-12 fr-col-md-3"><Input label="Surface (ha)" {...s.state("areaHectares")} nativeInputProps={{ name: "areaHectares", inputMode: "decimal", value: form.areaHectares, onChange: set("areaHectares") }} /></div>
          <div className="fr-col-12 fr-col-md-6">
            <Select label="Disponibilité" {...s.state("status")} nativeSelectProps={{ name: "siteStatus", value: form.status, onChange: set("status") }}>
              {Object.entries(SITE_STATUSES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox options={[{ label: "Friche industrielle", nativeInputProps: { name: "brownfield", checked: form.brownfield, onChange: () => setForm({ ...form, brownfield: !form.brownfield }) } }]} />
          </div>
          <div className="fr-col-12">
            <Checkbox legend="Dessertes" orientation="horizontal" {...s.groupState("services")}
              options={Object.entries(SITE_SERVICES).map(([k, v]) => ({ label: v, nativeInputProps: { name: "services", value: k, checked: form.services.includes(k), onChange: () => toggle(k) } }))} />
          </div>
          <div className="fr-col-12"><Input label="Description (facultatif)" textArea {...s.state("description")} nativeTextAreaProps={{ name: "description", value: form.description, onChange: set("description") }} /></div>
        </div>
        <Button type="submit" disabled={s.busy}>{s.busy ? "Enregistrement…" : "Ajouter le site"}</Button>
      </form>
    </section>
  );
}

/** One site: its availability changed by a whole replace with If-Match on the version shown (412 if changed meanwhile). */
function SiteRow({ base, site, onChange }: { base: string; site: Site; onChange: () => void }) {
  const [status, setStatus] = useState(site.status);
  const s = useSubmission();
  const save = () => s.run(() => call(`${base}/${site.id}`, {
    method: "PUT", ifMatch: etagOf(site.version), body: { ...siteRequest(site), status: status as SiteRequest["status"] },
  })).then((ok) => ok && onChange());
  return (
    <tr>
      <td>{site.name}</td><td>{site.communeName ?? site.commune}</td>
      <td>{site.areaHectares != null ? `${String(site.areaHectares).replace(".", ",")} ha` : "—"}</td>
      <td>{site.brownfield ? "Oui" : "Non"}</td>
      <td>{(site.services ?? []).map((x) => label(SITE_SERVICES, x)).join(", ") || "—"}</td>
      <td>{label(SITE_STATUSES, site.status)}</td>
      <td>
        <Select label={`Disponibilité de « ${site.name} »`} {...s.state("status")}
          nativeSelectProps={{ name: `site-status-${site.id}`, value: status, onChange: (e) => setStatus(e.target.value as typeof status) }}>
          {Object.entries(SITE_STATUSES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </Select>
        <Button size="small" onClick={() => void save()} disabled={s.busy || status === site.status}>Enregistrer</Button>
        <ErrorAlert error={s.error} title="La disponibilité n'a pas été changée" />
      </td>
    </tr>
  );
}
