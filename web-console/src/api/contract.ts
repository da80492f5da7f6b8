import type { components, paths } from "./schema";

/**
 * The console's view of the platform's API contract, from the types openapi-typescript generates out
 * of docs/api/openapi.json at each build: a field the console reads that the contract renames or
 * drops, or an operation it calls that disappears, fails `tsc`, hence the Maven build.
 */
type Schemas = components["schemas"];

/** Every field the contract describes, required: what the console reads must exist. */
type Read<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type TerritorySummaryContract = Read<Schemas["TerritorySummary"]>;
export type ApplicationContract = Read<Schemas["ApplicationView"]>;
export type NeedContract = Read<Schemas["NeedView"]>;
export type SiteContract = Read<Schemas["SiteView"]>;
export type EnvelopeContract = Read<Schemas["EnvelopeView"]>;
export type ActionSheetContract = Read<Schemas["ActionSheetView"]>;

/**
 * The services' operations the console calls, as path templates of the contract. The gateway's own
 * (/api/me, /api/territories/{code}/dashboard, /api/console/config) are not in the merged document yet.
 */
export const OPERATIONS = [
  "/api/territories",
  "/api/territories/{code}",
  "/api/territories/{code}/governance",
  "/api/territories/{code}/industrial-profile",
  "/api/territories/{code}/sites",
  "/api/territories/{code}/action-sheets",
  "/api/territories/export",
  "/api/territories/import",
  "/api/funding/applications",
  "/api/funding/applications/{id}/submission",
  "/api/funding/applications/{id}/review",
  "/api/funding/applications/{id}/decision",
  "/api/funding/envelopes",
  "/api/funding/reports/envelopes",
  "/api/funding/reports/summary",
  "/api/funding/reports/scdl",
  "/api/funding/ledger/check",
  "/api/funding/admin/dead-letters",
  "/api/funding/admin/dead-letters/{id}/redrive",
  "/api/recruitment/admin/dead-letters",
  "/api/recruitment/admin/dead-letters/{id}/redrive",
  "/api/recruitment/companies",
  "/api/recruitment/needs",
  "/api/recruitment/needs/{id}",
  "/api/recruitment/needs/{id}/cancel",
  "/api/recruitment/needs/import",
] as const satisfies readonly (keyof paths)[];
