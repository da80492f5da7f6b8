import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { call } from "../api/client";
import { ErrorAlert, Loading, itemsOf, useApi } from "../components/common";
import { CsvUpload } from "../components/CsvUpload";
import { useSubmission } from "../components/forms";
import { PRIORITIES, formatDate } from "../lib/format";
import { Report } from "./OfficerPage";
import { EnvelopesAdmin } from "./admin/EnvelopesAdmin";
import { TerritoriesAdmin } from "./admin/TerritoriesAdmin";

const FUNDERS = { STATE_ANCT: "État (ANCT)", REGION: "Région", BPIFRANCE: "Bpifrance", BANQUE_DES_TERRITOIRES: "Banque des Territoires", EU_FEDER: "Union européenne (FEDER)", ADEME: "ADEME", OTHER: "Autre" };

export function AdminPage() {
  // The envelope just opened is looked up in the list below, ready to be changed.
  const [opened, setOpened] = useState({ name: "", count: 0 });
  useEffect(() => {
    document.title = "Administration du programme — Territoires d'industrie";
  }, []);
  return (
    <>
      <h1>Administration du programme</h1>
      <section className="fr-mb-4w">
        <h2>Importer la liste nationale</h2>
        <CsvUpload path="/api/territories/import?phase=2023-2027" label="Liste nationale (CSV, une ligne par commune)"
          hint="Format de la liste nationale publiée ; tout ou rien : une ligne refusée refuse le fichier."
          columns={[["inseeCom", "Commune"], ["idTi", "Territoire"], ["outcome", "Résultat"], ["reason", "Motif"]]} />
      </section>
      <TerritoriesAdmin />
      <NewEnvelope onOpened={(name) => setOpened((o) => ({ name, count: o.count + 1 }))} />
      <EnvelopesAdmin search={opened.name} changes={opened.count} />
      <LedgerCheck />
      <DeadLetters service="funding" />
      <DeadLetters service="recruitment" />
      <Report by="PRIORITY" title="Financements nationaux par priorité" />
    </>
  );
}

function NewEnvelope({ onOpened }: { onOpened: (name: string) => void }) {
  const [form, setForm] = useState({ funder: "STATE_ANCT", region: "", name: "", priority: "RECRUIT", scope: "NATIONAL", scopeRegion: "", firstYear: "2024", lastYear: "2027", ceiling: "" });
  const s = useSubmission();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await s.run((key) => call("/api/funding/envelopes", {
      method: "POST", idempotencyKey: key,
      body: { ...form, region: form.region || null, scopeRegion: form.scopeRegion || null, firstYear: Number(form.firstYear), lastYear: Number(form.lastYear), ceiling: form.ceiling.replace(",", ".") },
    }), "Enveloppe ouverte.");
    if (ok) onOpened(form.name.trim());
  };
  return (
    <form onSubmit={submit} className="fr-mb-4w" aria-labelledby="nouvelle-enveloppe">
      <h2 id="nouvelle-enveloppe">Ouvrir une enveloppe</h2>
      <ErrorAlert error={s.error} title="L'enveloppe n'a pas été ouverte" />
      {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6"><Input label="Nom" {...s.state("name")} nativeInputProps={{ name: "envelopeName", value: form.name, onChange: set("name") }} /></div>
        <div className="fr-col-12 fr-col-md-6">
          <Select label="Financeur" {...s.state("funder")} nativeSelectProps={{ value: form.funder, onChange: set("funder") }}>
            {Object.entries(FUNDERS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Priorité" {...s.state("priority")} nativeSelectProps={{ value: form.priority, onChange: set("priority") }}>
            {Object.entries(PRIORITIES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Territoires éligibles" {...s.state("scope")} nativeSelectProps={{ value: form.scope, onChange: set("scope") }}>
            <option value="NATIONAL">Tous</option><option value="REGION">Une région</option>
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4"><Input label="Région éligible (code INSEE)" {...s.state("scopeRegion")} nativeInputProps={{ value: form.scopeRegion, onChange: set("scopeRegion") }} /></div>
        <div className="fr-col-12 fr-col-md-4"><Input label="Région du financeur (si Région)" {...s.state("region")} nativeInputProps={{ value: form.region, onChange: set("region") }} /></div>
        <div className="fr-col-6 fr-col-md-2"><Input label="Première année" {...s.state("firstYear")} nativeInputProps={{ value: form.firstYear, onChange: set("firstYear") }} /></div>
        <div className="fr-col-6 fr-col-md-2"><Input label="Dernière année" {...s.state("lastYear")} nativeInputProps={{ value: form.lastYear, onChange: set("lastYear") }} /></div>
        <div className="fr-col-12 fr-col-md-4"><Input label="Plafond (€)" {...s.state("ceiling")} nativeInputProps={{ inputMode: "decimal", value: form.ceiling, onChange: set("ceiling") }} /></div>
      </div>
      <Button type="submit" disabled={s.busy}>Ouvrir l'enveloppe</Button>
    </form>
  );
}

function LedgerCheck() {
  const [run, setRun] = useState(false);
  const { data, error, loading } = useApi<Record<string, unknown>>(run ? "/api/funding/ledger/check" : undefined);
  return (
    <section className="fr-mb-4w">
      <h2>Contrôle du grand livre</h2>
      <Button priority="secondary" onClick={() => setRun(true)} disabled={loading}>Vérifier que chaque solde égale son grand livre</Button>
      {loading && <Loading what="Vérification" />}
      <ErrorAlert error={error} />
      {data && <pre className="fr-mt-2w">{JSON.stringify(data, null, 2).slice(0, 2000)}</pre>}
    </section>
  );
}

interface DeadLetter { id: number; topic?: string; error?: string; status?: string; parkedAt?: string; receivedAt?: string }

function DeadLetters({ service }: { service: "funding" | "recruitment" }) {
  const list = useApi<unknown>(`/api/${service}/admin/dead-letters`);
  const rows = itemsOf<DeadLetter>(list.data);
  const s = useSubmission();
  const redrive = (id: number) => s.run(() => call(`/api/${service}/admin/dead-letters/${id}/redrive`, { method: "POST" }), "Message rejoué.").then((ok) => ok && list.reload());
  return (
    <section className="fr-mb-4w">
      <h2>Lettres mortes — {service === "funding" ? "financements" : "recrutement"}</h2>
      <ErrorAlert error={list.error ?? s.error} />
      {s.done && <Alert severity="success" small description={s.done} />}
      <div className="fr-table">
        <table>
          <caption>Messages mis de côté ({rows.length})</caption>
          <thead><tr><th scope="col">N°</th><th scope="col">Sujet</th><th scope="col">Statut</th><th scope="col">Date</th><th scope="col">Erreur</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}><td>{d.id}</td><td>{d.topic}</td><td>{d.status}</td><td>{formatDate(d.parkedAt ?? d.receivedAt)}</td><td>{(d.error ?? "").slice(0, 200)}</td>
                <td>{d.status !== "REDRIVEN" && <Button size="small" onClick={() => void redrive(d.id)}>Rejouer</Button>}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
