import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { get } from "../api/client";
import { ErrorAlert, Loading, itemsOf, totalOf } from "../components/common";
import { TerritoryMap } from "../components/TerritoryMap";
import { STATUS_COLORS } from "../lib/colors";
import { STATUSES, label } from "../lib/format";
import { regionName } from "../lib/regions";
import type { TerritorySummary } from "../lib/territories";

const PHASE_PARAM = { "1": "2019-2022", "2": "2023-2027" } as const;

/** Every territory of a phase, reading the list page by page (the registry pages by 100 at most). */
async function allOfPhase(phase: "1" | "2"): Promise<TerritorySummary[]> {
  const all: TerritorySummary[] = [];
  for (let page = 0; page < 20; page++) {
    const data = await get<unknown>(`/api/territories?phase=${PHASE_PARAM[phase]}&size=100&page=${page}`);
    const items = itemsOf<TerritorySummary>(data);
    all.push(...items);
    const total = totalOf(data) ?? 0;
    if (items.length === 0 || all.length >= total) break;
  }
  return all;
}

export function HomePage() {
  const [phase, setPhase] = useState<"1" | "2">("2");
  const [rows, setRows] = useState<TerritorySummary[] | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    document.title = "Carte des territoires — Territoires d'industrie";
    setRows(undefined);
    setError(undefined);
    allOfPhase(phase).then(setRows, setError);
  }, [phase]);

  return (
    <>
      <h1>Carte nationale des Territoires d'industrie</h1>
      <SegmentedControl
        legend="Phase du programme"
        segments={[
          { label: "Phase 2 (2023-2027)", nativeInputProps: { checked: phase === "2", onChange: () => setPhase("2") } },
          { label: "Phase 1 (2019-2022)", nativeInputProps: { checked: phase === "1", onChange: () => setPhase("1") } },
        ]}
      />
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div className="fr-col-12 fr-col-lg-7">
          <TerritoryMap phase={phase} />
          <p className="fr-text--sm fr-mt-1w">
            Légende (statut) :{" "}
            {Object.entries(STATUS_COLORS).map(([status, color]) => (
              <span key={status} className="fr-mr-2w">
                <span className="ti-legend-swatch" style={{ backgroundColor: color }} aria-hidden="true" />
                {label(STATUSES, status)}
              </span>
            ))}
          </p>
        </div>
        <div className="fr-col-12 fr-col-lg-5">
          <ErrorAlert error={error} title="La liste des territoires n'a pas pu être lue" />
          {!rows && !error && <Loading what="Chargement des territoires" />}
          {rows && (
            <div className="fr-table fr-table--no-caption ti-scroll" id="table-carte">
              <table>
                <caption>Territoires de la phase {phase} ({rows.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Territoire</th>
                    <th scope="col">Région</th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((t) => (
                    <tr key={t.code}>
                      <td><Link to={`/territoires/${encodeURIComponent(t.code)}`}>{t.name}</Link></td>
                      <td>{t.regions.map(regionName).join(", ") || "—"}</td>
                      <td>{label(STATUSES, t.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
