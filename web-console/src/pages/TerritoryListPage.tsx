import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorAlert, Loading, itemsOf, totalOf, useApi } from "../components/common";
import { PRIORITIES, STATUSES, label } from "../lib/format";
import { REGIONS, regionName } from "../lib/regions";
import { filtersFromSearch, listPath, searchOf, type TerritoryFilters, type TerritorySummary } from "../lib/territories";

const SIZE = 20;

export function TerritoryListPage() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const [draft, setDraft] = useState<TerritoryFilters>(filters);
  const { data, error, loading } = useApi<unknown>(listPath(filters, SIZE));
  const items = itemsOf<TerritorySummary>(data);
  const total = totalOf(data) ?? items.length;
  const pageCount = Math.max(1, Math.ceil(total / SIZE));

  useEffect(() => {
    document.title = "Rechercher un territoire — Territoires d'industrie";
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(new URLSearchParams(searchOf({ ...draft, page: undefined }).slice(1)));
  };
  const set = (k: keyof TerritoryFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  return (
    <>
      <h1>Rechercher un territoire</h1>
      <form onSubmit={submit} role="search" aria-label="Filtres des territoires" className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Nom ou code" nativeInputProps={{ name: "q", value: draft.q ?? "", onChange: set("q") }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Région" nativeSelectProps={{ name: "region", value: draft.region ?? "", onChange: set("region") }}>
              <option value="">Toutes les régions</option>
              {Object.entries(REGIONS).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Département" hintText="Code, par exemple 54 ou 2A"
              nativeInputProps={{ name: "departement", value: draft.departement ?? "", onChange: set("departement") }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Phase" nativeSelectProps={{ name: "phase", value: draft.phase ?? "", onChange: set("phase") }}>
              <option value="">Toutes les phases</option>
              <option value="2023-2027">Phase 2 (2023-2027)</option>
              <option value="2019-2022">Phase 1 (2019-2022)</option>
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Priorité (fiche action engagée)" nativeSelectProps={{ name: "priority", value: draft.priority ?? "", onChange: set("priority") }}>
              <option value="">Toutes les priorités</option>
              {Object.entries(PRIORITIES).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Statut" nativeSelectProps={{ name: "status", value: draft.status ?? "", onChange: set("status") }}>
              <option value="">Tous les statuts</option>
              {["CANDIDATE", "LABELLED", "LEFT"].map((s) => <option key={s} value={s}>{label(STATUSES, s)}</option>)}
            </Select>
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-search-line">Rechercher</Button>
      </form>
      <ErrorAlert error={error} title="La recherche n'a pas abouti" />
      {loading && <Loading what="Recherche" />}
      {data !== undefined && (
        <>
          <p role="status" aria-live="polite">{total} territoire{total > 1 ? "s" : ""} trouvé{total > 1 ? "s" : ""}</p>
          <div className="fr-table">
            <table>
              <caption>Résultats de la recherche</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Nom</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Phases</th>
                  <th scope="col">Régions</th>
                  <th scope="col">Départements</th>
                </tr>
              </thead>
              <tbody>
                {items.map((t) => (
                  <tr key={t.code}>
                    <td>{t.code}</td>
                    <td><Link to={`/territoires/${encodeURIComponent(t.code)}`}>{t.name}</Link>{t.pilot ? " (pilote)" : ""}</td>
                    <td>{label(STATUSES, t.status)}</td>
                    <td>{t.phases.join(", ")}</td>
                    <td>{t.regions.map(regionName).join(", ")}</td>
                    <td>{t.departements.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <Pagination
              count={pageCount}
              defaultPage={(filters.page ?? 0) + 1}
              getPageLinkProps={(n) => ({ to: `/territoires${searchOf({ ...filters, page: n - 1 })}` })}
            />
          )}
        </>
      )}
    </>
  );
}
