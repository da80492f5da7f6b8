import type { GovernanceUpdate } from "../api/requests";

/** The governance form as typed: the binôme, the project lead, and the lead's funders one per line. */
export interface GovernanceForm {
  electedName: string; electedRole: string; electedOrganisation: string;
  industrialistName: string; industrialistRole: string; industrialistOrganisation: string;
  leadName: string; leadEmployer: string; leadSince: string;
  funders: string;
}

interface MemberView { name?: string | null; role?: string | null; organisation?: string | null; siren?: string | null }
export interface GovernanceRead {
  electedOfficial?: MemberView | null; industrialist?: MemberView | null;
  projectLead?: { name?: string | null; employer?: string | null; since?: string | null } | null;
  projectLeadFunders?: string[] | null;
}

/** The form filled from the governance read. */
export function governanceForm(g: GovernanceRead | undefined): GovernanceForm {
  return {
    electedName: g?.electedOfficial?.name ?? "", electedRole: g?.electedOfficial?.role ?? "", electedOrganisation: g?.electedOfficial?.organisation ?? "",
    industrialistName: g?.industrialist?.name ?? "", industrialistRole: g?.industrialist?.role ?? "", industrialistOrganisation: g?.industrialist?.organisation ?? "",
    leadName: g?.projectLead?.name ?? "", leadEmployer: g?.projectLead?.employer ?? "", leadSince: g?.projectLead?.since ?? "",
    funders: (g?.projectLeadFunders ?? []).join("\n"),
  };
}

/** Lines of a textarea, trimmed, blank ones dropped. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function member(name: string, role: string, organisation: string, siren?: string | null) {
  const m: Record<string, string> = {};
  if (name.trim()) m.name = name.trim();
  if (role.trim()) m.role = role.trim();
  if (organisation.trim()) m.organisation = organisation.trim();
  if (siren) m.siren = siren;
  // A member with nothing typed is left out (not designated); one with a role but no name is sent as
  // typed, for the API to name the missing field next to it.
  return Object.keys(m).length === 0 || (Object.keys(m).length === 1 && m.siren) ? undefined : m;
}

/**
 * The whole-record replace (PUT /api/territories/{code}/governance) from the form: what is left empty
 * is sent absent, so the replace clears it; the SIREN read with a member is kept (the form does not show it).
 */
export function governanceUpdate(form: GovernanceForm, read?: GovernanceRead): GovernanceUpdate {
  const out: Record<string, unknown> = {};
  const elected = member(form.electedName, form.electedRole, form.electedOrganisation, read?.electedOfficial?.siren);
  const industrialist = member(form.industrialistName, form.industrialistRole, form.industrialistOrganisation, read?.industrialist?.siren);
  if (elected) out.electedOfficial = elected;
  if (industrialist) out.industrialist = industrialist;
  if (form.leadName.trim() || form.leadEmployer.trim() || form.leadSince) {
    const lead: Record<string, string> = {};
    if (form.leadName.trim()) lead.name = form.leadName.trim();
    if (form.leadEmployer.trim()) lead.employer = form.leadEmployer.trim();
    if (form.leadSince) lead.since = form.leadSince;
    out.projectLead = lead;
  }
  out.projectLeadFunders = linesOf(form.funders);
  return out as GovernanceUpdate;
}
