import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useParams } from "react-router-dom";
import { call, etagOf } from "../api/client";
import { sheetRequest, type ActionSheetRequest } from "../api/requests";
import type { ActionSheetContract, ApplicationContract, EnvelopeContract } from "../api/contract";
import { BarChart } from "../components/BarChart";
import { ErrorAlert, Loading, itemsOf, useApi } from "../components/common";
import { useSubmission } from "../components/forms";
import { PRIORITIES, SHEET_STATUSES, STATUSES, formatEuros, label } from "../lib/format";
import { parseEuros, requestedOf, totalRequested, type PlanLine } from "../lib/plan";
import { GovernanceEditor } from "./manager/GovernanceEditor";
import { SitesManager } from "./manager/SitesManager";
import { TerritoryNeeds, linkableNeeds, type TerritoryNeed } from "./manager/TerritoryRecruitment";

interface PriorityFigures { priority: string; label?: string; approvedApplications: number; committed: number; paid: number }
interface Dashboard {
  code: string;
  profile?: { name: string } | null;
  funding?: { priorities?: PriorityFigures[]; total?: { committed: number; paid: number; approvedApplications: number } } | null;
  recruitment?: { thisMonth?: unknown; shortageJobs?: unknown } | null;
  missing?: { part: string; reason: string }[];
}
export type Sheet = Pick<ActionSheetContract, "id" | "title" | "priority" | "status" | "owner" | "plannedBudget" | "version">
  & Partial<Pick<ActionSheetContract, "description" | "startsOn" | "endsOn" | "indicators">>;
export type Application = Pick<ApplicationContract, "id" | "territory" | "title" | "status" | "requested" | "approved" | "owner" | "decisionReason" | "version">
  & Partial<Pick<ApplicationContract, "actionSheetId" | "recruitmentNeeds">> & {
  plan: { envelopeId: string; envelopeName?: string; requested: number; approved?: number | null }[];
};
export type Envelope = Pick<EnvelopeContract, "id" | "name" | "funder" | "priority" | "status"> & { available?: number; region?: string | null };

export function ManagerPage() {
  const { code = "" } = useParams();
  const dashboard = useApi<Dashboard>(`/api/territories/${encodeURIComponent(code)}/dashboard`);
  // Read once for the page: the application form links an action sheet and needs from these lists.
  const sheets = useApi<unknown>(`/api/territories/${encodeURIComponent(code)}/action-sheets?size=100`);
  const needs = useApi<unknown>(`/api/recruitment/needs?territory=${encodeURIComponent(code)}&size=100`);
  useEffect(() => {
    document.title = `Tableau de bord ${code} — Territoires d'industrie`;
  }, [code]);
  return (
    <>
      <h1>Tableau de bord — {dashboard.data?.profile?.name ?? code}</h1>
      <ErrorAlert error={dashboard.error} title="Le tableau de bord n'a pas pu être lu" />
      {dashboard.loading && <Loading what="Chargement du tableau de bord" />}
      {dashboard.data && <DashboardView d={dashboard.data} />}
      <GovernanceEditor code={code} />
      <ActionSheets code={code} list={sheets} />
      <SitesManager code={code} />
      <TerritoryNeeds code={code} needs={itemsOf<TerritoryNeed>(needs.data)} error={needs.error} loading={needs.loading} />
      <Applications code={code} sheets={itemsOf<Sheet>(sheets.data)} needs={itemsOf<TerritoryNeed>(needs.data)} />
    </>
  );
}

function DashboardView({ d }: { d: Dashboard }) {
  const priorities = d.funding?.priorities ?? [];
  const labels = useMemo(() => priorities.map((p) => label(PRIORITIES, p.priority)), [priorities]);
  const series = useMemo(() => [
    { label: "Engagé (€)", values: priorities.map((p) => Number(p.committed) || 0) },
    { label: "Payé (€)", values: priorities.map((p) => Number(p.paid) || 0) },
  ], [priorities]);
  return (
    <section className="fr-mb-4w">
      {(d.missing ?? []).length > 0 && (
        <Alert severity="warning" small description={`Parties indisponibles : ${d.missing!.map((m) => `${m.part} (${m.reason})`).join(", ")}`} className="fr-mb-2w" />
      )}
      {priorities.length > 0 && (
        <BarChart title="Financements par priorité" labels={labels} series={series}>
          <table>
            <caption>Financements par priorité</caption>
            <thead><tr><th scope="col">Priorité</th><th scope="col">Dossiers approuvés</th><th scope="col">Engagé</th><th scope="col">Payé</th></tr></thead>
            <tbody>
              {priorities.map((p) => (
                <tr key={p.priority}><td>{label(PRIORITIES, p.priority)}</td><td>{p.approvedApplications}</td><td>{formatEuros(p.committed)}</td><td>{formatEuros(p.paid)}</td></tr>
              ))}
            </tbody>
          </table>
        </BarChart>
      )}
      <h2 className="fr-h4">Recrutement ce mois-ci</h2>
      <Figures value={d.recruitment?.thisMonth} />
      <h2 className="fr-h4">Métiers en tension</h2>
      <Figures value={d.recruitment?.shortageJobs} />
    </section>
  );
}

/** A service's figures whose shape the console does not interpret: shown as a plain list. */
function Figures({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <p>Non disponible.</p>;
  const items = Array.isArray(value) ? value : itemsOf<unknown>(value);
  const rows = items.length ? items : [value];
  return (
    <ul>
      {rows.slice(0, 10).map((r, i) => (
        <li key={i}>
          {r && typeof r === "object"
            ? Object.entries(r as Record<string, unknown>).filter(([, v]) => v !== null && typeof v !== "object").map(([k, v]) => `${k} : ${v}`).join(" · ")
            : String(r)}
        </li>
      ))}
    </ul>
  );
}

function ActionSheets({ code, list }: { code: string; list: ReturnType<typeof useApi<unknown>> }) {
  const sheets = itemsOf<Sheet>(list.data);
  const [form, setForm] = useState({ title: "", priority: "RECRUIT", owner: "", plannedBudget: "" });
  const submission = useSubmission();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submission.run(() => call(`/api/territories/${encodeURIComponent(code)}/action-sheets`, {
      method: "POST",
      body: { ...form, plannedBudget: form.plannedBudget === "" ? null : form.plannedBudget.replace(",", ".") },
    }), "Fiche action ajoutée.");
    if (ok) {
      setForm({ title: "", priority: "RECRUIT", owner: "", plannedBudget: "" });
      list.reload();
    }
  };
  return (
    <section className="fr-mb-4w">
      <h2>Fiches action</h2>
      <ErrorAlert error={list.error} />
      <div className="fr-table">
        <table>
          <caption>Fiches action du territoire ({sheets.length})</caption>
          <thead><tr><th scope="col">Titre</th><th scope="col">Priorité</th><th scope="col">Statut</th><th scope="col">Porteur</th><th scope="col">Budget prévu</th><th scope="col">Étape suivante</th></tr></thead>
          <tbody>
            {sheets.map((s) => <SheetRow key={`${s.id}-${s.version}`} code={code} sheet={s} onChange={list.reload} />)}
          </tbody>
        </table>
      </div>
      <form onSubmit={add} aria-labelledby="nouvelle-fiche">
        <h3 id="nouvelle-fiche" className="fr-h5">Ajouter une fiche action</h3>
        <ErrorAlert error={submission.error} title="La fiche n'a pas été enregistrée" />
        {submission.done && <Alert severity="success" small description={submission.done} className="fr-mb-2w" />}
        <Input label="Titre" {...submission.state("title")} nativeInputProps={{ name: "title", value: form.title, onChange: set("title") }} />
        <Select label="Priorité" {...submission.state("priority")} nativeSelectProps={{ name: "priority", value: form.priority, onChange: set("priority") }}>
          {Object.entries(PRIORITIES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </Select>
        <Input label="Porteur" {...submission.state("owner")} nativeInputProps={{ name: "owner", value: form.owner, onChange: set("owner") }} />
        <Input label="Budget prévu (€)" {...submission.state("plannedBudget")} nativeInputProps={{ name: "plannedBudget", inputMode: "decimal", value: form.plannedBudget, onChange: set("plannedBudget") }} />
        <Button type="submit" disabled={submission.busy}>{submission.busy ? "Enregistrement…" : "Ajouter la fiche"}</Button>
      </form>
    </section>
  );
}

/** The workflow of action sheets: IDEA → IN_PROGRESS → DONE, or ABANDONED before DONE (the API decides). */
const NEXT_STATUSES: Record<string, string[]> = { IDEA: ["IN_PROGRESS", "ABANDONED"], IN_PROGRESS: ["DONE", "ABANDONED"] };

/** One sheet: moves it to its next status, with If-Match on the version shown (412 if changed meanwhile). */
function SheetRow({ code, sheet, onChange }: { code: string; sheet: Sheet; onChange: () => void }) {
  const next = NEXT_STATUSES[sheet.status] ?? [];
  const [status, setStatus] = useState(next[0] ?? "");
  const s = useSubmission();
  const save = () => s.run(() => call(`/api/territories/${encodeURIComponent(code)}/action-sheets/${sheet.id}`, {
    method: "PUT", ifMatch: etagOf(sheet.version), body: { ...sheetRequest(sheet), status: status as ActionSheetRequest["status"] },
  })).then((ok) => ok && onChange());
  return (
    <tr>
      <td>{sheet.title}</td><td>{label(PRIORITIES, sheet.priority)}</td><td>{label(SHEET_STATUSES, sheet.status)}</td><td>{sheet.owner}</td><td>{formatEuros(sheet.plannedBudget)}</td>
      <td>
        {next.length > 0 && (
          <div>
            <Select label={`Nouveau statut de « ${sheet.title} »`} {...s.state("status")}
              nativeSelectProps={{ name: `status-${sheet.id}`, value: status, onChange: (e) => setStatus(e.target.value) }}>
              {next.map((k) => <option key={k} value={k}>{label(SHEET_STATUSES, k)}</option>)}
            </Select>
            <Button size="small" onClick={() => void save()} disabled={s.busy}>Changer le statut</Button>
          </div>
        )}
        <ErrorAlert error={s.error} title="Le statut n'a pas été changé" />
      </td>
    </tr>
  );
}

function Applications({ code, sheets, needs }: { code: string; sheets: Sheet[]; needs: TerritoryNeed[] }) {
  const list = useApi<unknown>(`/api/funding/applications?territory=${encodeURIComponent(code)}&size=50`);
  const envelopes = useApi<unknown>(`/api/funding/envelopes?status=OPEN&size=100`);
  const apps = itemsOf<Application>(list.data);
  const envs = itemsOf<Envelope>(envelopes.data);
  const [form, setForm] = useState({ title: "", siret: "", ownerName: "", eligibleCost: "", jobsCreated: "0", jobsKept: "0" });
  const [lines, setLines] = useState<PlanLine[]>([{ envelopeId: "", amount: "" }]);
  const [sheetId, setSheetId] = useState("");
  const [linked, setLinked] = useState<string[]>([]);
  const open = linkableNeeds(needs);
  const sheetTitle = (id: number | null | undefined) => (id == null ? "—" : sheets.find((x) => x.id === id)?.title ?? `n° ${id}`);
  const needTitle = (id: string) => needs.find((n) => n.id === id)?.jobTitle ?? id;
  const create = useSubmission();
  const submitStep = useSubmission();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const total = totalRequested(lines);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await create.run((key) => call(`/api/funding/applications`, {
      method: "POST",
      idempotencyKey: key,
      body: {
        territory: code,
        title: form.title,
        owner: { siret: form.siret, name: form.ownerName, localAuthority: false },
        eligibleCost: parseEuros(form.eligibleCost) ?? form.eligibleCost,
        plan: requestedOf(lines),
        jobsCreated: Number(form.jobsCreated) || 0,
        jobsKept: Number(form.jobsKept) || 0,
        ...(sheetId ? { actionSheetId: Number(sheetId) } : {}),
        ...(linked.length ? { recruitmentNeeds: linked } : {}),
      },
    }), "Dossier enregistré en brouillon : déposez-le quand il est complet.");
    if (ok) {
      setForm({ title: "", siret: "", ownerName: "", eligibleCost: "", jobsCreated: "0", jobsKept: "0" });
      setLines([{ envelopeId: "", amount: "" }]);
      setSheetId("");
      setLinked([]);
      list.reload();
    }
  };

  const submit = async (app: Application) => {
    if (await submitStep.run(() => call(`/api/funding/applications/${app.id}/submission`, { method: "POST" }), `Dossier « ${app.title} » déposé.`)) {
      list.reload();
    }
  };

  return (
    <section className="fr-mb-4w">
      <h2>Dossiers de financement</h2>
      <ErrorAlert error={list.error} />
      <ErrorAlert error={submitStep.error} title="Le dossier n'a pas été déposé" />
      {submitStep.done && <Alert severity="success" small description={submitStep.done} className="fr-mb-2w" />}
      <div className="fr-table">
        <table>
          <caption>Dossiers du territoire ({apps.length})</caption>
          <thead><tr><th scope="col">Projet</th><th scope="col">Statut</th><th scope="col">Demandé</th><th scope="col">Accordé</th><th scope="col">Fiche action</th><th scope="col">Besoins liés</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td><td>{label(STATUSES, a.status)}</td><td>{formatEuros(a.requested)}</td><td>{formatEuros(a.approved)}</td>
                <td>{sheetTitle(a.actionSheetId)}</td><td>{(a.recruitmentNeeds ?? []).map(needTitle).join(", ") || "—"}</td>
                <td>{a.status === "DRAFT" ? <Button size="small" onClick={() => void submit(a)} disabled={submitStep.busy}>Déposer</Button> : a.decisionReason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={save} aria-labelledby="nouveau-dossier">
        <h3 id="nouveau-dossier" className="fr-h5">Préparer un dossier</h3>
        <ErrorAlert error={create.error} title="Le dossier n'a pas été enregistré" />
        {create.done && <Alert severity="success" small description={create.done} className="fr-mb-2w" />}
        <Input label="Intitulé du projet" {...create.state("title")} nativeInputProps={{ name: "title", value: form.title, onChange: set("title") }} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input label="SIRET du porteur" {...create.state("owner.siret")} nativeInputProps={{ name: "siret", value: form.siret, onChange: set("siret") }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Nom du porteur" {...create.state("owner.name")} nativeInputProps={{ name: "ownerName", value: form.ownerName, onChange: set("ownerName") }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Coût éligible (€)" {...create.state("eligibleCost")} nativeInputProps={{ name: "eligibleCost", inputMode: "decimal", value: form.eligibleCost, onChange: set("eligibleCost") }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Emplois créés" {...create.state("jobsCreated")} nativeInputProps={{ name: "jobsCreated", type: "number", min: 0, value: form.jobsCreated, onChange: set("jobsCreated") }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Emplois maintenus" {...create.state("jobsKept")} nativeInputProps={{ name: "jobsKept", type: "number", min: 0, value: form.jobsKept, onChange: set("jobsKept") }} />
          </div>
        </div>
        <Select label="Fiche action du projet (facultatif)" {...create.state("actionSheetId")}
          nativeSelectProps={{ name: "actionSheetId", value: sheetId, onChange: (e) => setSheetId(e.target.value) }}>
          <option value="">Aucune</option>
          {sheets.filter((x) => x.status !== "ABANDONED").map((x) => <option key={x.id} value={String(x.id)}>{x.title}</option>)}
        </Select>
        {open.length > 0 ? (
          <Checkbox legend="Besoins de recrutement auxquels le projet répond (facultatif)" {...create.groupState("recruitmentNeeds")}
            options={open.map((n) => ({
              label: `${n.jobTitle} — ${n.companyName ?? n.siret ?? ""} (${n.openPositions} poste(s) ouvert(s))`,
              nativeInputProps: { name: "recruitmentNeeds", value: n.id, checked: linked.includes(n.id),
                onChange: () => setLinked(linked.includes(n.id) ? linked.filter((x) => x !== n.id) : [...linked, n.id]) },
            }))} />
        ) : <p className="fr-hint-text">Aucun besoin de recrutement ouvert sur le territoire à lier au projet.</p>}
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Plan de cofinancement</legend>
          {lines.map((line, i) => (
            <div key={i} className="fr-grid-row fr-grid-row--gutters fr-col-12">
              <div className="fr-col-12 fr-col-md-7">
                <Select label={`Enveloppe (ligne ${i + 1})`} {...create.state(`plan[${i}].envelopeId`)}
                  nativeSelectProps={{ name: `envelope-${i}`, value: line.envelopeId, onChange: (e) => setLines(lines.map((l, j) => j === i ? { ...l, envelopeId: e.target.value } : l)) }}>
                  <option value="">Choisir une enveloppe</option>
                  {envs.map((env) => <option key={env.id} value={env.id}>{env.name} — {label(PRIORITIES, env.priority)}{env.available != null ? ` (disponible ${formatEuros(env.available)})` : ""}</option>)}
                </Select>
              </div>
              <div className="fr-col-12 fr-col-md-5">
                <Input label={`Montant demandé (ligne ${i + 1}, €)`} {...create.state(`plan[${i}].requested`)}
                  nativeInputProps={{ name: `amount-${i}`, inputMode: "decimal", value: line.amount, onChange: (e) => setLines(lines.map((l, j) => j === i ? { ...l, amount: e.target.value } : l)) }} />
              </div>
            </div>
          ))}
          <p className="fr-col-12">Total demandé : {total === undefined ? "montant à corriger" : formatEuros(total)}</p>
          <Button type="button" priority="secondary" size="small" onClick={() => setLines([...lines, { envelopeId: "", amount: "" }])}>Ajouter une enveloppe</Button>
        </fieldset>
        <Button type="submit" disabled={create.busy}>{create.busy ? "Enregistrement…" : "Enregistrer le dossier"}</Button>
      </form>
    </section>
  );
}
