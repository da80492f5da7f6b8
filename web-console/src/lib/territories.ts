import { query } from "../api/client";
import type { TerritorySummaryContract } from "../api/contract";

/** A territory of the public list (GET /api/territories), as the contract describes it. */
export type TerritorySummary = Pick<TerritorySummaryContract, "code" | "name" | "status" | "pilot" | "phases" | "regions" | "departements">;

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
