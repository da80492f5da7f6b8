import { query } from "../api/client";

export interface TerritorySummary {
  code: string;
  name: string;
  status: string;
  pilot: boolean;
  phases: string[];
  regions: string[];
  departements: string[];
}

export interface TerritoryFilters {
  q?: string;
  region?: string;
  departement?: string;
  phase?: string;
  priority?: string;
  status?: string;
  page?: number;
}

const FILTER_KEYS = ["q", "region", "departement", "phase", "priority", "status"] as const;

/** The GET /api/territories call of a search (page size 20, from page 0). */
export function listPath(filters: TerritoryFilters, size = 20): string {
  return "/api/territories" + query({ ...pick(filters), page: filters.page ?? 0, size });
}

/** Filters from the page's address, so that a search is a link one can share. */
export function filtersFromSearch(search: URLSearchParams): TerritoryFilters {
  const f: TerritoryFilters = {};
  for (const k of FILTER_KEYS) {
    const v = search.get(k);
    if (v) f[k] = v;
  }
  const page = Number(search.get("page"));
  if (Number.isInteger(page) && page > 0) f.page = page;
  return f;
}

/** The page's address for these filters (empty ones left out). */
export function searchOf(filters: TerritoryFilters): string {
  return query({ ...pick(filters), page: filters.page ? filters.page : undefined });
}

function pick(filters: TerritoryFilters): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of FILTER_KEYS) out[k] = filters[k];
  return out;
}
