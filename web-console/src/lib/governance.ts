import type { GovernanceUpdate, NewContractDocument, NewMeeting } from "../api/requests";

export type { NewContractDocument, NewMeeting };

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


export const COMMITTEES: Record<string, string> = {
  LOCAL_PROJECT: "Comité de projet local",
  REGIONAL_STEERING: "Comité de pilotage régional",
};

export const CONTRACT_KINDS: Record<string, string> = {
  PROTOCOLE_ACCORD: "Protocole d'accord",
  CONTRAT: "Contrat",
  AVENANT: "Avenant",
};

/** The meeting form as typed: decisions one per line. */
export interface MeetingForm { committee: string; heldOn: string; place: string; chairedBy: string; decisions: string }

export const emptyMeetingForm = (): MeetingForm => ({ committee: "LOCAL_PROJECT", heldOn: "", place: "", chairedBy: "", decisions: "" });

/**
 * The body of POST /api/territories/{code}/governance/meetings: optional texts left empty are absent,
 * one decision per non-blank line (none for a meeting still to come); the date sent as typed, for the
 * API to name it when missing or wrong.
 */
export function meetingRequest(form: MeetingForm): NewMeeting {
  const out: Record<string, unknown> = { committee: form.committee };
  if (form.heldOn) out.heldOn = form.heldOn;
  if (form.place.trim()) out.place = form.place.trim();
  if (form.chairedBy.trim()) out.chairedBy = form.chairedBy.trim();
  const decisions = linesOf(form.decisions);
  if (decisions.length) out.decisions = decisions;
  return out as unknown as NewMeeting;
}

/** The contract document form as typed: signatories one per line. */
export interface ContractForm { kind: string; title: string; reference: string; signedOn: string; endsOn: string; signatories: string; summary: string }

export const emptyContractForm = (): ContractForm => ({ kind: "PROTOCOLE_ACCORD", title: "", reference: "", signedOn: "", endsOn: "", signatories: "", summary: "" });

/** The kind the next document must be, in the contract's order: a protocol, one contract, then amendments. */
export function nextContractKind(documents: { kind?: string | null }[]): string {
  const kinds = documents.map((d) => d.kind);
  if (kinds.includes("CONTRAT")) return "AVENANT";
  if (kinds.includes("PROTOCOLE_ACCORD")) return "CONTRAT";
  return "PROTOCOLE_ACCORD";
}

/**
 * The body of POST /api/territories/{code}/governance/contract: the title sent as typed (the API names
 * a blank one), optional fields absent when empty, one signatory per non-blank line.
 */
export function contractRequest(form: ContractForm): NewContractDocument {
  const out: Record<string, unknown> = { kind: form.kind, title: form.title.trim(), signatories: linesOf(form.signatories) };
  if (form.reference.trim()) out.reference = form.reference.trim();
  if (form.signedOn) out.signedOn = form.signedOn;
  if (form.endsOn) out.endsOn = form.endsOn;
  if (form.summary.trim()) out.summary = form.summary.trim();
  return out as unknown as NewContractDocument;
}
