import type { components } from "./schema";

/**
 * Bodies of the whole-record replaces the console makes, built from a record read back: only the
 * fields the contract's request schema defines (the services refuse unknown fields), never the
 * read-only ones a view adds (id, version, status counts, names of related records…).
 */
type Schemas = components["schemas"];
export type NeedRequest = Schemas["NeedRequest"];
export type ActionSheetRequest = Schemas["ActionSheetRequest"];

const NEED_FIELDS = ["siret", "romeCode", "jobTitle", "headcount", "filledCount", "contractType", "qualificationLevel",
  "startDate", "deadline", "hoursPerWeek", "skills", "workStudy", "difficult", "difficultyReasons", "difficultyComment",
] as const satisfies readonly (keyof NeedRequest)[];

const SHEET_FIELDS = ["title", "priority", "owner", "status", "plannedBudget", "description", "startsOn", "endsOn", "indicators",
] as const satisfies readonly (keyof ActionSheetRequest)[];

function pick(record: object, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = (record as Record<string, unknown>)[f];
    if (v !== undefined && v !== null) out[f] = v;
  }
  return out;
}

/** A need as its replace (PUT /api/recruitment/needs/{id}) takes it. */
export function needRequest(need: object): NeedRequest {
  return pick(need, NEED_FIELDS) as NeedRequest;
}

/** An action sheet as its replace (PUT /api/territories/{code}/action-sheets/{id}) takes it. */
export function sheetRequest(sheet: object): ActionSheetRequest {
  return pick(sheet, SHEET_FIELDS) as ActionSheetRequest;
}

export type SiteRequest = Schemas["SiteRequest"];
export type CompanyRequest = Schemas["CompanyRequest"];
export type GovernanceUpdate = Schemas["GovernanceUpdate"];

const SITE_FIELDS = ["name", "commune", "areaHectares", "status", "brownfield", "services", "description",
] as const satisfies readonly (keyof SiteRequest)[];

const COMPANY_FIELDS = ["siret", "name", "nafCode", "commune", "sizeBand", "territory",
] as const satisfies readonly (keyof CompanyRequest)[];

/** An industrial site as its replace (PUT /api/territories/{code}/sites/{id}) takes it. */
export function siteRequest(site: object): SiteRequest {
  return pick(site, SITE_FIELDS) as SiteRequest;
}

/** A company record as its replace (PUT /api/recruitment/companies/{siret}) takes it. */
export function companyRequest(company: object): CompanyRequest {
  return pick(company, COMPANY_FIELDS) as CompanyRequest;
}

export type NewMeeting = Schemas["NewMeeting"];
export type NewContractDocument = Schemas["NewContractDocument"];
export type Meeting = Schemas["Meeting"];
export type ContractDocument = Schemas["Document"];
