import { describe, expect, it } from "vitest";
import { contractRequest, emptyContractForm, emptyMeetingForm, governanceForm, governanceUpdate, linesOf, meetingRequest, nextContractKind } from "./governance";
import { errorsUnder } from "../api/problem";
import { companyRequest, siteRequest } from "../api/requests";
import { linkableNeeds, type TerritoryNeed } from "../pages/manager/TerritoryRecruitment";

describe("the governance's whole replace", () => {
  const read = {
    code: "ti-4420", version: 3, meetings: [], contract: [],
    electedOfficial: { name: "Jean Élu", role: "Vice-président", organisation: "CC du Bassin de Pompey" },
    industrialist: { name: "Marie Industrielle", role: "Directrice", organisation: "Aciéries", siren: "552100554" },
    projectLead: { name: "Paul Chef", employer: "PETR", since: "2024-01-15" },
    projectLeadFunders: ["ANCT", "Région Grand Est"],
  };

  it("round-trips what was read, keeping the SIREN the form does not show", () => {
    expect(governanceUpdate(governanceForm(read), read)).toEqual({
      electedOfficial: { name: "Jean Élu", role: "Vice-président", organisation: "CC du Bassin de Pompey" },
      industrialist: { name: "Marie Industrielle", role: "Directrice", organisation: "Aciéries", siren: "552100554" },
      projectLead: { name: "Paul Chef", employer: "PETR", since: "2024-01-15" },
      projectLeadFunders: ["ANCT", "Région Grand Est"],
    });
  });

  it("sends what is emptied as absent (the replace clears it), and never the view's read-only fields", () => {
    const form = { ...governanceForm(read), industrialistName: "", industrialistRole: "", industrialistOrganisation: "", leadName: " ", leadEmployer: "", leadSince: "", funders: "\n ANCT \n\n" };
    expect(governanceUpdate(form, read)).toEqual({
      electedOfficial: { name: "Jean Élu", role: "Vice-président", organisation: "CC du Bassin de Pompey" },
      projectLeadFunders: ["ANCT"],
    });
  });

  it("sends a member with a role but no name as typed, for the API to name the field", () => {
    const form = { ...governanceForm(undefined), electedRole: "Maire" };
    expect(governanceUpdate(form).electedOfficial).toEqual({ role: "Maire" });
    expect(governanceForm(undefined).funders).toBe("");
  });

  it("reads one funder per line", () => {
    expect(linesOf("a\r\n b \n\nc")).toEqual(["a", "b", "c"]);
  });
});

describe("problems on list fields", () => {
  it("gather the list's and its items' messages for the group of checkboxes", () => {
    const errors = { "recruitmentNeeds[1]": "belongs to another territory", title: "must not be blank", recruitmentNeeds: "too many" };
    expect(errorsUnder(errors, "recruitmentNeeds")).toBe("n° 2 : belongs to another territory ; too many");
    expect(errorsUnder(errors, "services")).toBeUndefined();
    expect(errorsUnder({ "projectLead.name": "required" }, "projectLead")).toBe("name : required");
  });
});

describe("bodies of other replaces", () => {
  it("keep only the site's request fields", () => {
    expect(siteRequest({ id: 1, version: 2, territory: "ti-1", communeName: "Pompey", updatedAt: "t", name: "Friche", commune: "54430",
      areaHectares: 12.5, status: "AVAILABLE", brownfield: true, services: ["RAIL"] }))
      .toEqual({ name: "Friche", commune: "54430", areaHectares: 12.5, status: "AVAILABLE", brownfield: true, services: ["RAIL"] });
  });

  it("keep only the company's request fields", () => {
    expect(companyRequest({ siret: "99999000500012", siren: "999990005", name: "Métallerie", nafCode: "25.11Z", nafLabel: "x", commune: "54430",
      communeName: "Pompey", region: "44", sizeBand: "SMALL", territory: "ti-4420", version: 1, updatedAt: "t" }))
      .toEqual({ siret: "99999000500012", name: "Métallerie", nafCode: "25.11Z", commune: "54430", sizeBand: "SMALL", territory: "ti-4420" });
  });
});

describe("needs an application may name", () => {
  it("are those still open, at least in part", () => {
    const need = (id: string, status: string) => ({ id, status, jobTitle: id, romeCode: "H2913", headcount: 1, openPositions: 1, contractType: "CDI" }) as TerritoryNeed;
    expect(linkableNeeds([need("a", "OPEN"), need("b", "FILLED"), need("c", "PARTIALLY_FILLED"), need("d", "CANCELLED")]).map((n) => n.id)).toEqual(["a", "c"]);
  });
});

describe("committee meetings and contract documents", () => {
  it("send a meeting's optional texts only when typed, one decision per line", () => {
    expect(meetingRequest({ committee: "LOCAL_PROJECT", heldOn: "2025-03-10", place: " Pompey ", chairedBy: "", decisions: "Fiche 3 validée\n\n  Budget 2025 adopté \n" }))
      .toEqual({ committee: "LOCAL_PROJECT", heldOn: "2025-03-10", place: "Pompey", decisions: ["Fiche 3 validée", "Budget 2025 adopté"] });
  });

  it("leave out an empty date and no decisions (a meeting to come), for the API to judge", () => {
    expect(meetingRequest(emptyMeetingForm())).toEqual({ committee: "LOCAL_PROJECT" });
  });

  it("send a contract document with its signatories one per line, optional fields absent when empty", () => {
    expect(contractRequest({ ...emptyContractForm(), kind: "CONTRAT", title: " Contrat TI ", signedOn: "2024-06-01", signatories: "Préfet\n\n Président de région " }))
      .toEqual({ kind: "CONTRAT", title: "Contrat TI", signedOn: "2024-06-01", signatories: ["Préfet", "Président de région"] });
    expect(contractRequest({ kind: "AVENANT", title: "Avenant 1", reference: "AV-1", signedOn: "2025-01-02", endsOn: "2027-12-31", signatories: "Préfet", summary: " x " }))
      .toEqual({ kind: "AVENANT", title: "Avenant 1", reference: "AV-1", signedOn: "2025-01-02", endsOn: "2027-12-31", signatories: ["Préfet"], summary: "x" });
  });

  it("propose the next kind in the contract's order", () => {
    expect(nextContractKind([])).toBe("PROTOCOLE_ACCORD");
    expect(nextContractKind([{ kind: "PROTOCOLE_ACCORD" }])).toBe("CONTRAT");
    expect(nextContractKind([{ kind: "PROTOCOLE_ACCORD" }, { kind: "CONTRAT" }, { kind: "AVENANT" }])).toBe("AVENANT");
  });
});
