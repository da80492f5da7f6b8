import { describe, expect, it } from "vitest";
import { needRequest, sheetRequest } from "./requests";
import { lineAndColumn, OUTCOMES } from "../components/csv";

describe("bodies of replaces", () => {
  it("keep only the need's request fields, not what its view adds", () => {
    const view = {
      id: "n1", version: 4, status: "OPEN", openPositions: 2, companyName: "X", commune: "54430", communeName: "Pompey",
      territory: "ti-1", declaredOn: "2026-01-01", fundedActions: [], romeLabel: "Soudage", updatedAt: "t",
      siret: "99999000500012", romeCode: "H2913", jobTitle: "Soudeur", headcount: 2, filledCount: 0, contractType: "CDI",
      qualificationLevel: "SKILLED_WORKER", startDate: "2026-02-01", deadline: "2026-05-01", hoursPerWeek: 35,
      skills: ["TIG"], workStudy: false, difficult: false, difficultyReasons: [], difficultyComment: null,
    };
    expect(needRequest(view)).toEqual({
      siret: "99999000500012", romeCode: "H2913", jobTitle: "Soudeur", headcount: 2, filledCount: 0, contractType: "CDI",
      qualificationLevel: "SKILLED_WORKER", startDate: "2026-02-01", deadline: "2026-05-01", hoursPerWeek: 35,
      skills: ["TIG"], workStudy: false, difficult: false, difficultyReasons: [],
    });
  });

  it("keep only the action sheet's request fields", () => {
    expect(sheetRequest({ id: 3, version: 1, territory: "ti-1", updatedAt: "t", updatedBy: "u", title: "Fiche",
      priority: "RECRUIT", owner: "CC", status: "IDEA", plannedBudget: null }))
      .toEqual({ title: "Fiche", priority: "RECRUIT", owner: "CC", status: "IDEA" });
  });
});

describe("CSV reports", () => {
  it("say the refused line and column in French", () => {
    expect(lineAndColumn("line 3: rome_code")).toBe("ligne 3, colonne rome_code");
    expect(lineAndColumn("line 12")).toBe("ligne 12");
    expect(lineAndColumn("file")).toBe("file");
    expect(OUTCOMES.DECLARED).toBe("Déclaré");
  });
});
