import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Map as MapLibreMap, GeoJSONSource } from "maplibre-gl";
import { get } from "../api/client";
import { boundsOf, fillExpression, type Bounds } from "../lib/colors";
// MapLibre looks for its worker next to its own module, which the bundle renames: the worker is
// built as a file of its own and named to MapLibre (served from 'self', as the CSP's worker-src allows).
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url";

export interface OutlineCollection {
  type: "FeatureCollection";
  features: { type: "Feature"; geometry: { type: string; coordinates: unknown }; properties: { code: string; name: string; phase: number | string; status: string } }[];
}

const FRANCE: Bounds = { west: -5.3, south: 41.3, east: 9.7, north: 51.2 };

function within(b: Bounds | undefined, box: Bounds): boolean {
  return !!b && b.west >= box.west && b.east <= box.east && b.south >= box.south && b.north <= box.north;
}

/**
 * The territories' official outlines (GET /api/territories/outlines), filled by status, outlined by
 * phase; a click opens the territory. No tile server: the boundaries are the whole map. When the
 * outlines cannot be read, says so; the table beside the map still lists every territory.
 */
export function TerritoryMap({ phase, onLoaded }: { phase: "1" | "2"; onLoaded?: (count: number | undefined) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "unavailable">("loading");
  // How many outlines the map's source holds and how many it drew last (read by the browser journeys).
  const [features, setFeatures] = useState(0);
  const [rendered, setRendered] = useState(0);
  const navigate = useNavigate();

  useEffect(() => {
    let cancelled = false;
    setState("loading");
    Promise.all([get<OutlineCollection>(`/api/territories/outlines?phase=${phase}`, undefined, "application/geo+json"), import("maplibre-gl")])
      .then(([outlines, maplibre]) => {
        if (cancelled || !container.current) return;
        if (!outlines || outlines.type !== "FeatureCollection" || !Array.isArray(outlines.features)) {
          throw new Error("not a FeatureCollection");
        }
        // Opens on metropolitan France (the overseas territories would shrink it to a dot): the
        // outlines inside its box; the others are a pan away, and in the table.
        const inFrance = outlines.features.map((f) => f.geometry).filter((g) => within(boundsOf([g]), FRANCE));
        const b = boundsOf(inFrance) ?? FRANCE;
        if (!map.current) {
          maplibre.setWorkerUrl(workerUrl);
          map.current = new maplibre.Map({
            container: container.current,
            style: { version: 8, sources: {}, layers: [{ id: "fond", type: "background", paint: { "background-color": "#f6f6f6" } }] },
            bounds: [b.west, b.south, b.east, b.north],
            fitBoundsOptions: { padding: 20 },
            attributionControl: false,
            dragRotate: false,
          });
          map.current.addControl(new maplibre.NavigationControl({ showCompass: false }), "top-right");
        }
        const m = map.current;
        const draw = () => {
          const source = m.getSource("territoires") as GeoJSONSource | undefined;
          if (source) {
            source.setData(outlines as never);
          } else {
            m.addSource("territoires", { type: "geojson", data: outlines as never });
            m.addLayer({ id: "territoires-fond", type: "fill", source: "territoires",
              paint: { "fill-color": fillExpression() as never, "fill-opacity": 0.55 } });
            m.addLayer({ id: "territoires-contour", type: "line", source: "territoires",
              paint: { "line-color": "#000091", "line-width": 1 } });
            m.on("click", "territoires-fond", (e) => {
              const code = e.features?.[0]?.properties?.code;
              if (code) navigate(`/territoires/${encodeURIComponent(code)}`);
            });
            m.on("mouseenter", "territoires-fond", () => (m.getCanvas().style.cursor = "pointer"));
            m.on("mouseleave", "territoires-fond", () => (m.getCanvas().style.cursor = ""));
            m.on("idle", () => setRendered(m.queryRenderedFeatures({ layers: ["territoires-fond"] }).length));
          }
          m.fitBounds([b.west, b.south, b.east, b.north], { padding: 20, animate: false });
          setFeatures(outlines.features.length);
          setState("ready");
        };
        if (m.isStyleLoaded()) draw(); else m.once("load", draw);
        onLoaded?.(outlines.features.length);
      })
      .catch(() => {
        if (cancelled) return;
        setState("unavailable");
        onLoaded?.(undefined);
      });
    return () => {
      cancelled = true;
    };
  }, [phase, navigate, onLoaded]);

  useEffect(() => () => {
    map.current?.remove();
    map.current = null;
  }, []);

  return (
    <div className="ti-map" role="region" aria-label="Carte des territoires (la liste accessible est à côté)">
      {state === "unavailable" ? (
        <div className="ti-map-message">
          <p className="fr-text--lg" role="status">Contours indisponibles</p>
        </div>
      ) : (
        <div ref={container} style={{ width: "100%", height: "100%" }} data-testid="carte" data-state={state}
          data-features={features} data-rendered={rendered} />
      )}
    </div>
  );
}
