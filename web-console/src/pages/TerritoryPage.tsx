import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { query } from "../api/client";
import { ErrorAlert, Loading, isNotFound, itemsOf, useApi } from "../components/common";
import { COMMITTEES, SITE_SERVICES, SITE_STATUSES, STATUSES, formatDate, label } from "../lib/format";

interface Named { code: string; name: string }
interface Profile {
  code: string; name: string; status: string; pilot: boolean; phases: string[];
  labels: { phase: string; labelledOn?: string }[]; regions: Named[]; departements: Named[];
  communes: number; population: number; updatedAt?: string;
}
interface Member { name?: string; role?: string; organisation?: string }
interface Governance {
  electedOfficial?: Member | null; industrialist?: Member | null;
  projectLead?: { name?: string; employer?: string; since?: string } | null;
  projectLeadFunders?: string[];
  meetings?: { id: number; committee: string; heldOn: string; place?: string; chairedBy?: string; decisions: string[] }[];
  contract?: { id: number; kind: string; reference?: string; title?: string; signedOn?: string; endsOn?: string }[];
}
interface IndustrialProfile {
  industrialJobsShare?: number | null; industrialEstablishments?: number | null; referenceYear?: number | null;
  source?: string | null; keyCompanies?: { siren: string; name: string }[];
}
export interface Site {
  id: number; name: string; commune: string; communeName?: string; areaHectares?: number | null; status: string;
  brownfield: boolean; services: string[]; description?: string;
}

function member(m: Member | null | undefined): string {
  if (!m || !m.name) return "Non désigné";
  return [m.name, m.role, m.organisation].filter(Boolean).join(", ");
}

export function TerritoryPage() {
  const { code = "" } = useParams();
  const base = `/api/territories/${encodeURIComponent(code)}`;
  const profile = useApi<Profile>(base);
  const governance = useApi<Governance>(`${base}/governance`);
  const industrial = useApi<IndustrialProfile>(`${base}/industrial-profile`);

  useEffect(() => {
    document.title = `${profile.data?.name ?? code} — Territoires d'industrie`;
  }, [profile.data, code]);

  if (profile.error) {
    return <ErrorAlert error={profile.error} title={isNotFound(profile.error) ? "Ce territoire n'existe pas" : "Le territoire n'a pas pu être lu"} />;
  }
  if (!profile.data) return <Loading what="Chargement du territoire" />;
  const p = profile.data;
  return (
    <>
      <Breadcrumb currentPageLabel={p.name} segments={[{ label: "Territoires", linkProps: { to: "/territoires" } }]} />
      <h1>{p.name}</h1>
      <p className="fr-badge fr-badge--info fr-mr-1w">{label(STATUSES, p.status)}</p>
      {p.pilot && <p className="fr-badge fr-badge--new">Territoire pilote</p>}
      <Tabs
        label="Fiche du territoire"
        tabs={[
          {
            label: "Profil",
            content: (
              <dl>
                <dt className="fr-text--bold">Code</dt><dd>{p.code}</dd>
                <dt className="fr-text--bold">Phases</dt>
                <dd>{p.labels.length ? p.labels.map((l) => `${l.phase}${l.labelledOn ? ` (labellisé le ${formatDate(l.labelledOn)})` : ""}`).join(" ; ") : p.phases.join(", ")}</dd>
                <dt className="fr-text--bold">Régions</dt><dd>{p.regions.map((r) => r.name).join(", ") || "—"}</dd>
                <dt className="fr-text--bold">Départements</dt><dd>{p.departements.map((d) => `${d.name} (${d.code})`).join(", ") || "—"}</dd>
                <dt className="fr-text--bold">Communes</dt><dd>{p.communes.toLocaleString("fr-FR")}</dd>
                <dt className="fr-text--bold">Population</dt><dd>{p.population.toLocaleString("fr-FR")} habitants</dd>
              </dl>
            ),
          },
          {
            label: "Binôme et gouvernance",
            content: governance.error ? <ErrorAlert error={governance.error} /> : !governance.data ? <Loading /> : (
              <GovernanceView g={governance.data} />
            ),
          },
          {
            label: "Profil industriel",
            content: industrial.error ? <ErrorAlert error={industrial.error} /> : !industrial.data ? <Loading /> : (
              <dl>
                <dt className="fr-text--bold">Part de l'emploi industriel</dt>
                <dd>{industrial.data.industrialJobsShare != null ? `${String(industrial.data.industrialJobsShare).replace(".", ",")} %` : "—"}</dd>
                <dt className="fr-text--bold">Établissements industriels</dt><dd>{industrial.data.industrialEstablishments ?? "—"}</dd>
                <dt className="fr-text--bold">Année de référence</dt><dd>{industrial.data.referenceYear ?? "—"}</dd>
                <dt className="fr-text--bold">Source</dt><dd>{industrial.data.source ?? "—"}</dd>
                <dt className="fr-text--bold">Entreprises clés</dt>
                <dd>{(industrial.data.keyCompanies ?? []).map((c) => `${c.name} (SIREN ${c.siren})`).join(", ") || "—"}</dd>
              </dl>
            ),
          },
          { label: "Sites et friches", content: <Sites base={base} /> },
        ]}
      />
    </>
  );
}

function GovernanceView({ g }: { g: Governance }) {
  return (
    <>
      <h2 className="fr-h4">Binôme</h2>
      <ul>
        <li>Élu : {member(g.electedOfficial)}</li>
        <li>Industriel : {member(g.industrialist)}</li>
        <li>Chef de projet : {g.projectLead?.name ? `${g.projectLead.name}${g.projectLead.employer ? `, ${g.projectLead.employer}` : ""}` : "Non désigné"}</li>
      </ul>
      <h2 className="fr-h4">Comités</h2>
      {(g.meetings ?? []).length === 0 ? <p>Aucune réunion enregistrée.</p> : (
        <ul>
          {g.meetings!.map((m) => (
            <li key={m.id}>
              {label(COMMITTEES, m.committee)} du {formatDate(m.heldOn)}{m.place ? ` à ${m.place}` : ""} : {m.decisions.join(" ; ") || "sans décision"}
            </li>
          ))}
        </ul>
      )}
      <h2 className="fr-h4">Documents contractuels</h2>
      {(g.contract ?? []).length === 0 ? <p>Aucun document.</p> : (
        <ul>
          {g.contract!.map((d) => (
            <li key={d.id}>{d.title ?? d.kind} {d.reference ? `(${d.reference})` : ""} — signé le {formatDate(d.signedOn)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Sites({ base }: { base: string }) {
  const [status, setStatus] = useState("");
  const [brownfield, setBrownfield] = useState(false);
  const [minArea, setMinArea] = useState("");
  const path = `${base}/sites` + query({ status, brownfield: brownfield ? "true" : undefined, minArea, size: 100 });
  const { data, error, loading } = useApi<unknown>(path);
  const sites = itemsOf<Site>(data);
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Disponibilité" nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value) }}>
            <option value="">Toutes</option>
            {Object.entries(SITE_STATUSES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Surface minimale (ha)" nativeInputProps={{ type: "number", min: 0, value: minArea, onChange: (e) => setMinArea(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Checkbox options={[{ label: "Friches seulement", nativeInputProps: { checked: brownfield, onChange: (e) => setBrownfield(e.target.checked) } }]} />
        </div>
      </div>
      <ErrorAlert error={error} />
      {loading && <Loading what="Chargement des sites" />}
      <div className="fr-table">
        <table>
          <caption>Sites industriels et friches ({sites.length})</caption>
          <thead>
            <tr><th scope="col">Site</th><th scope="col">Commune</th><th scope="col">Surface</th><th scope="col">Disponibilité</th><th scope="col">Friche</th><th scope="col">Dessertes</th></tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.communeName ?? s.commune}</td>
                <td>{s.areaHectares != null ? `${String(s.areaHectares).replace(".", ",")} ha` : "—"}</td>
                <td>{label(SITE_STATUSES, s.status)}</td>
                <td>{s.brownfield ? "Oui" : "Non"}</td>
                <td>{s.services.map((x) => label(SITE_SERVICES, x)).join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
