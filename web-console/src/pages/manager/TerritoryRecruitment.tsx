import { useMemo } from "react";
import type { NeedContract } from "../../api/contract";
import { BarChart } from "../../components/BarChart";
import { ErrorAlert, Loading, useApi } from "../../components/common";
import { NEED_STATUSES, formatDate, formatShare, label } from "../../lib/format";

export type TerritoryNeed = Pick<NeedContract, "id" | "jobTitle" | "romeCode" | "status" | "headcount" | "openPositions" | "contractType">
  & Partial<Pick<NeedContract, "companyName" | "siret" | "deadline" | "difficult">>;

interface IndicatorRow {
  month?: string; declaredNeeds?: number; declaredPositions?: number; openNeeds?: number; openPositions?: number;
  difficultShare?: number | null; tension?: number | null;
}
interface IndicatorSeries { rows?: IndicatorRow[]; formula?: string }

/** The needs of a territory that an application may name: those still open, at least in part. */
export function linkableNeeds(needs: TerritoryNeed[]): TerritoryNeed[] {
  return needs.filter((n) => n.status === "OPEN" || n.status === "PARTIALLY_FILLED");
}

/** The companies' recruitment needs in the territory (read once by the page: the application form links them too). */
export function TerritoryNeeds({ code, needs, error, loading }: { code: string; needs: TerritoryNeed[]; error: unknown; loading: boolean }) {
  return (
    <section className="fr-mb-4w" aria-labelledby="besoins">
      <h2 id="besoins">Recrutement sur le territoire</h2>
      <ErrorAlert error={error} title="Les besoins de recrutement n'ont pas pu être lus" />
      {loading && <Loading what="Chargement des besoins" />}
      <div className="fr-table">
        <table>
          <caption>Besoins de recrutement des entreprises du territoire ({needs.length})</caption>
          <thead><tr><th scope="col">Poste</th><th scope="col">Métier (ROME)</th><th scope="col">Entreprise</th><th scope="col">Postes ouverts</th><th scope="col">Contrat</th><th scope="col">Date limite</th><th scope="col">Statut</th></tr></thead>
          <tbody>
            {needs.map((n) => (
              <tr key={n.id}>
                <td>{n.jobTitle}{n.difficult ? " (difficile)" : ""}</td><td>{n.romeCode}</td><td>{n.companyName ?? n.siret ?? "—"}</td>
                <td>{n.openPositions}/{n.headcount}</td><td>{n.contractType}</td><td>{formatDate(n.deadline)}</td><td>{label(NEED_STATUSES, n.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Indicators code={code} />
    </section>
  );
}

/** Monthly indicators of the territory (recruitment-service): a chart and the same figures as a table. */
export function Indicators({ code }: { code: string | undefined }) {
  const { data, error, loading } = useApi<IndicatorSeries>(code ? `/api/recruitment/indicators?level=TERRITORY&area=${encodeURIComponent(code)}&by=NONE` : undefined);
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const labels = useMemo(() => rows.map((r) => r.month ?? ""), [rows]);
  const series = useMemo(() => [
    { label: "Postes déclarés", values: rows.map((r) => Number(r.declaredPositions) || 0) },
    { label: "Postes ouverts en fin de mois", values: rows.map((r) => Number(r.openPositions) || 0) },
  ], [rows]);
  if (!code) return null;
  const title = "Indicateurs de recrutement du territoire, par mois";
  return (
    <>
      <ErrorAlert error={error} title="Les indicateurs n'ont pas pu être lus" />
      {loading && <Loading what="Chargement des indicateurs" />}
      {data && (
        <BarChart title={title} labels={labels} series={series}>
          <table>
            <caption>{title}</caption>
            <thead><tr><th scope="col">Mois</th><th scope="col">Besoins déclarés</th><th scope="col">Postes déclarés</th><th scope="col">Postes ouverts</th><th scope="col">Part difficile</th><th scope="col">Tension (0-100)</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month}><td>{r.month}</td><td>{r.declaredNeeds ?? 0}</td><td>{r.declaredPositions ?? 0}</td><td>{r.openPositions ?? 0}</td><td>{formatShare(r.difficultShare)}</td><td>{r.tension ?? "—"}</td></tr>
              ))}
            </tbody>
          </table>
        </BarChart>
      )}
    </>
  );
}
