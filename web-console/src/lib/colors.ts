/**
 * Colours of the map's outlines, from the DSFR illustrative palette, by phase and status. A fill
 * is never the only sign: the accessible table beside the map says the same in words.
 */
export const STATUS_COLORS: Record<string, string> = {
  LABELLED: "#18753c", // DSFR success
  CANDIDATE: "#b34000", // DSFR warning
  LEFT: "#666666", // DSFR grey
};

export const PHASE_COLORS: Record<string, string> = { "1": "#6a6af4", "2": "#000091" };

const FALLBACK = "#3a3a3a";

/** The fill of a territory: its status's colour, or its phase's when the status has none. */
export function fillColor(phase: string | undefined, status: string | undefined): string {
  return (status && STATUS_COLORS[status]) || (phase && PHASE_COLORS[phase]) || FALLBACK;
}

/** A MapLibre "match" expression equivalent to fillColor, evaluated per feature by the map. */
export function fillExpression(): unknown[] {
  const statusCases = Object.entries(STATUS_COLORS).flat();
  const phaseCases = Object.entries(PHASE_COLORS).flat();
  return [
    "match",
    ["get", "status"],
    ...statusCases,
    ["match", ["to-string", ["get", "phase"]], ...phaseCases, FALLBACK],
  ];
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The bounding box of GeoJSON geometries (Polygon / MultiPolygon), or none when there is no coordinate. */
export function boundsOf(geometries: { type: string; coordinates: unknown }[]): Bounds | undefined {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      west = Math.min(west, c[0]); east = Math.max(east, c[0]);
      south = Math.min(south, c[1]); north = Math.max(north, c[1]);
    } else if (Array.isArray(c)) {
      c.forEach(visit);
    }
  };
  geometries.forEach((g) => g && visit(g.coordinates));
  return west === Infinity ? undefined : { west, south, east, north };
}
