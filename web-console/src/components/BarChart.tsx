import { useEffect, useRef } from "react";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** DSFR's illustrative colours (blue France, then the palette's contrasted hues). */
export const DSFR_SERIES = ["#000091", "#6a6af4", "#009081", "#c3992a", "#ce614a", "#a558a0"];

export interface Series {
  label: string;
  values: number[];
}

/**
 * A bar chart styled to DSFR (Marianne, its palette, no decoration). The canvas is hidden from
 * assistive technologies: the same figures are always in the table given as children.
 */
export function BarChart({ title, labels, series, children }: { title: string; labels: string[]; series: Series[]; children: React.ReactNode }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: DSFR_SERIES[i % DSFR_SERIES.length] })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        font: { family: "Marianne, arial, sans-serif" },
        plugins: { legend: { position: "bottom", labels: { color: "#3a3a3a" } } },
        scales: { x: { ticks: { color: "#3a3a3a" } }, y: { ticks: { color: "#3a3a3a" }, beginAtZero: true } },
      } as never,
    });
    return () => chart.destroy();
  }, [labels, series]);
  return (
    <figure className="fr-mb-4w">
      <figcaption className="fr-h5">{title}</figcaption>
      <div className="ti-chart" aria-hidden="true">
        <canvas ref={canvas} />
      </div>
      <div className="fr-table fr-mt-2w">{children}</div>
    </figure>
  );
}
