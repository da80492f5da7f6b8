import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { call } from "../../api/client";
import { ErrorAlert, isNotFound, useRecord } from "../../components/common";
import { useSubmission } from "../../components/forms";
import { PHASES, TERRITORY_STATUSES, label } from "../../lib/format";

const PHASE_CODES = ["2019-2022", "2023-2027"];

/** The programme team adds a territory to the registry, then changes territories' status. */
export function TerritoriesAdmin() {
  const [form, setForm] = useState({ code: "", name: "", status: "CANDIDATE", phases: ["2023-2027"], pilot: false });
  const [shown, setShown] = useState("");
  const s = useSubmission();
  const set = (k: "code" | "name" | "status") => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const togglePhase = (p: string) => setForm({ ...form, phases: form.phases.includes(p) ? form.phases.filter((x) => x !== p) : [...form.phases, p].sort() });
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const code = form.code.trim();
    const ok = await s.run(() => call("/api/territories", {
      method: "POST", body: { code, name: form.name, status: form.status, pilot: form.pilot, ...(form.phases.length ? { phases: form.phases } : {}) },
    }), `Territoire ${code} créé.`);
    if (ok) {
      setForm({ code: "", name: "", status: "CANDIDATE", phases: ["2023-2027"], pilot: false });
      setShown(code);
    }
  };
  return (
    <section className="fr-mb-4w" aria-labelledby="territoires">
      <h2 id="territoires">Territoires</h2>
      <form onSubmit={create} aria-labelledby="nouveau-territoire" className="fr-mb-3w">
        <h3 id="nouveau-territoire" className="fr-h5">Créer un territoire</h3>
        <ErrorAlert error={s.error} title="Le territoire n'a pas été créé" />
        {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3"><Input label="Code (id_ti)" hintText="Par exemple ti-4420" {...s.state("code")} nativeInputProps={{ name: "territoryCode", value: form.code, onChange: set("code") }} /></div>
          <div className="fr-col-12 fr-col-md-5"><Input label="Nom du territoire" {...s.state("name")} nativeInputProps={{ name: "territoryName", value: form.name, onChange: set("name") }} /></div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Statut initial" {...s.state("status")} nativeSelectProps={{ name: "territoryStatus", value: form.status, onChange: set("status") }}>
              {Object.entries(TERRITORY_STATUSES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-8">
            <Checkbox legend="Phases du programme" orientation="horizontal" {...s.groupState("phases")}
              options={PHASE_CODES.map((p) => ({ label: label(PHASES, p), nativeInputProps: { name: "phases", value: p, checked: form.phases.includes(p), onChange: () => togglePhase(p) } }))} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Checkbox options={[{ label: "Territoire pilote", nativeInputProps: { name: "pilot", checked: form.pilot, onChange: () => setForm({ ...form, pilot: !form.pilot }) } }]} />
          </div>
        </div>
        <Button type="submit" disabled={s.busy}>{s.busy ? "Création…" : "Créer le territoire"}</Button>
      </form>
      <TerritoryStatus shown={shown} />
    </section>
  );
}

/** One territory found by its code, its status shown as a badge and changed with If-Match from its ETag. */
function TerritoryStatus({ shown }: { shown: string }) {
  const [typed, setTyped] = useState(shown);
  const [code, setCode] = useState(shown);
  useEffect(() => {
    setTyped(shown);
    setCode(shown);
  }, [shown]);
  const record = useRecord<{ code: string; name: string; status: string }>(code ? `/api/territories/${encodeURIComponent(code)}` : undefined);
  const t = record.data && record.data.code === code ? record.data : undefined;
  const [status, setStatus] = useState("LABELLED");
  const [reason, setReason] = useState("");
  const s = useSubmission();
  const change = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await s.run(async () => {
      await call(`/api/territories/${encodeURIComponent(code)}/status`, {
        method: "PUT", ifMatch: record.etag, body: { status, ...(reason.trim() ? { reason } : {}) },
      });
    }, "Statut changé.");
    if (ok) {
      setReason("");
      record.reload();
    }
  };
  return (
    <div>
      <h3 id="statut-territoire" className="fr-h5">Changer le statut d'un territoire</h3>
      <form onSubmit={(e) => { e.preventDefault(); s.reset(); setCode(typed.trim()); }} className="fr-mb-2w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4"><Input label="Code du territoire" nativeInputProps={{ name: "findCode", value: typed, onChange: (e) => setTyped(e.target.value) }} /></div>
          <div className="fr-col-12 fr-col-md-4"><Button type="submit" priority="secondary">Afficher le territoire</Button></div>
        </div>
      </form>
      <ErrorAlert error={record.error} title={isNotFound(record.error) ? "Aucun territoire n'a ce code" : "Le territoire n'a pas pu être lu"} />
      {t && (
        <form onSubmit={change} aria-label={`Statut de ${t.name}`} data-testid="statut-territoire">
          <p>
            <Link to={`/territoires/${encodeURIComponent(t.code)}`}>{t.name}</Link> ({t.code}) — statut actuel :{" "}
            <span className="fr-badge fr-badge--info" data-testid="statut-actuel">{label(TERRITORY_STATUSES, t.status)}</span>
          </p>
          <ErrorAlert error={s.error} title="Le statut n'a pas été changé" />
          {s.done && <Alert severity="success" small description={s.done} className="fr-mb-2w" />}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Nouveau statut" {...s.state("status")} nativeSelectProps={{ name: "newStatus", value: status, onChange: (e) => setStatus(e.target.value) }}>
                {Object.entries(TERRITORY_STATUSES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-8"><Input label="Motif (facultatif)" {...s.state("reason")} nativeInputProps={{ name: "statusReason", value: reason, onChange: (e) => setReason(e.target.value) }} /></div>
          </div>
          <Button type="submit" disabled={s.busy || !record.etag}>Changer le statut</Button>
        </form>
      )}
    </div>
  );
}
