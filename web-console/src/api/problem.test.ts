import { describe, expect, it } from "vitest";
import { ApiError, fieldErrors, summary } from "./problem";

describe("problems of the API", () => {
  it("gives each field's message by the name the API uses", () => {
    const errors = fieldErrors({
      status: 400,
      errors: [
        { field: "title", message: "must not be blank" },
        { field: "requested[1].amount", message: "must be a positive amount of euros" },
      ],
    });
    expect(errors).toEqual({ title: "must not be blank", "requested[1].amount": "must be a positive amount of euros" });
  });

  it("joins two rules broken on one field and ignores errors naming no field", () => {
    const errors = fieldErrors({ errors: [{ field: "siret", message: "a" }, { field: "siret", message: "b" }, { message: "c" }] });
    expect(errors).toEqual({ siret: "a ; b" });
  });

  it("says in French that someone else changed the record when If-Match fails", () => {
    const e = new ApiError(412, { title: "Precondition Failed" });
    expect(e.isConflict).toBe(true);
    expect(summary(e)).toMatch(/Quelqu'un d'autre a modifié/);
  });

  it("shows the problem's title and detail otherwise", () => {
    expect(summary(new ApiError(409, { title: "Conflict", detail: "envelope has no room" }))).toBe("Conflict — envelope has no room");
    expect(summary(new ApiError(500, {}))).toBe("Erreur 500");
  });
});
