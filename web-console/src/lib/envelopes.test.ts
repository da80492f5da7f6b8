import { describe, expect, it } from "vitest";
import { envelopeNextStatuses, unpaidOf } from "./envelopes";

describe("envelopes and commitments", () => {
  it("offer the status changes the API describes (OPEN ↔ FROZEN, then CLOSED for good)", () => {
    expect(envelopeNextStatuses("OPEN")).toEqual(["FROZEN", "CLOSED"]);
    expect(envelopeNextStatuses("FROZEN")).toEqual(["OPEN", "CLOSED"]);
    expect(envelopeNextStatuses("CLOSED")).toEqual([]);
    expect(envelopeNextStatuses(undefined)).toEqual([]);
  });

  it("give what is left to pay: the view's figure, else committed minus paid without float drift", () => {
    expect(unpaidOf({ amount: 50000, paid: 10000, unpaid: 40000 })).toBe(40000);
    expect(unpaidOf({ amount: 0.3, paid: 0.1 })).toBe(0.2);
    expect(unpaidOf({ amount: 45000 })).toBe(45000);
  });
});
