import { describe, expect, it } from "vitest";
import { boundsOf, fillColor, fillExpression, PHASE_COLORS, STATUS_COLORS } from "./colors";
import { formatEuros, label, phaseNumber, STATUSES } from "./format";
import { parseEuros, requestedOf, totalRequested } from "./plan";
import { filtersFromSearch, listPath, searchOf } from "./territories";

describe("territory search", () => {
  it("calls GET /api/territories with the filters set, from page 0", () => {
    expect(listPath({ q: "lorraine", region: "44", priority: "RECRUIT" })).toBe(
      "/api/territories?q=lorraine&region=44&priority=RECRUIT&page=0&size=20");
    expect(listPath({ departement: "54", phase: "2023-2027", page: 2 }, 50)).toBe(
      "/api/territories?departement=54&phase=2023-2027&page=2&size=50");
  });

  it("reads the filters back from the page's address, so a search can be shared", () => {
    const filters = filtersFromSearch(new URLSearchParams("q=val&region=44&page=3&unknown=x"));
    expect(filters).toEqual({ q: "val", region: "44", page: 3 });
    expect(searchOf(filters)).toBe("?q=val&region=44&page=3");
    expect(filtersFromSearch(new URLSearchParams("page=-1"))).toEqual({});
  });
});

describe("map colours", () => {
  it("colours by status, else by phase", () => {
    expect(fillColor("2", "LABELLED")).toBe(STATUS_COLORS.LABELLED);
    expect(fillColor("1", "UNKNOWN")).toBe(PHASE_COLORS["1"]);
    expect(fillColor(undefined, undefined)).toBe("#3a3a3a");
  });

  it("gives MapLibre a match expression with the same colours", () => {
    const e = fillExpression();
    expect(e[0]).toBe("match");
    expect(e).toContain("LABELLED");
    expect(e).toContain(STATUS_COLORS.CANDIDATE);
  });

  it("bounds polygons and multipolygons, and nothing without coordinates", () => {
    expect(boundsOf([
      { type: "Polygon", coordinates: [[[6, 48.5], [6.3, 48.9], [5.9, 48.7], [6, 48.5]]] },
      { type: "MultiPolygon", coordinates: [[[[7, 49], [7.1, 49.2], [7, 49]]]] },
    ])).toEqual({ west: 5.9, south: 48.5, east: 7.1, north: 49.2 });
    expect(boundsOf([])).toBeUndefined();
  });
});

describe("French formats", () => {
  it("writes euros the French way", () => {
    expect(formatEuros(1234567.5).replace(/\s/g, " ")).toBe("1 234 567,50 €");
    expect(formatEuros("12")).toMatch(/^12,00\s€$/);
    expect(formatEuros(null)).toBe("—");
  });

  it("labels codes, leaving unknown ones as they are", () => {
    expect(label(STATUSES, "LABELLED")).toBe("Labellisé");
    expect(label(STATUSES, "NEW_CODE")).toBe("NEW_CODE");
    expect(label(STATUSES, undefined)).toBe("—");
  });

  it("finds the phase number from the registry's phase names", () => {
    expect(phaseNumber("2023-2027")).toBe("2");
    expect(phaseNumber("2019-2022")).toBe("1");
    expect(phaseNumber(2)).toBe("2");
    expect(phaseNumber("2030")).toBeUndefined();
  });
});

describe("co-financing plan", () => {
  it("reads amounts typed the French way", () => {
    expect(parseEuros("12 500,50")).toBe(12500.5);
    expect(parseEuros("12500.5 €")).toBe(12500.5);
    expect(parseEuros("douze")).toBeUndefined();
    expect(parseEuros("")).toBeUndefined();
  });

  it("sums the lines in cents, and says when a line is not an amount", () => {
    expect(totalRequested([{ envelopeId: "a", amount: "0,10" }, { envelopeId: "b", amount: "0,20" }, { envelopeId: "", amount: "x" }])).toBe(0.3);
    expect(totalRequested([{ envelopeId: "a", amount: "dix" }])).toBeUndefined();
  });

  it("sends the API the lines with an envelope, keeping what it cannot read for the API to name", () => {
    expect(requestedOf([{ envelopeId: "e1", amount: "1 000" }, { envelopeId: "", amount: "5" }, { envelopeId: "e2", amount: "abc" }]))
      .toEqual([{ envelopeId: "e1", requested: 1000 }, { envelopeId: "e2", requested: "abc" }]);
  });
});
