import { afterEach, describe, expect, it, vi } from "vitest";
import { call, etagOf, get, query, setTokenSource } from "./client";
import { ApiError } from "./problem";

afterEach(() => {
  vi.unstubAllGlobals();
  setTokenSource(() => undefined);
});

function answering(status: number, body: string, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, { status, headers }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("calls to the API", () => {
  it("sends the token, If-Match and Idempotency-Key, and returns the body and ETag", async () => {
    const fetch = answering(200, '{"id":"a"}', { ETag: '"3"', "Content-Type": "application/json" });
    setTokenSource(() => "tok");
    const answer = await call<{ id: string }>("/api/x", { method: "PUT", body: { a: 1 }, ifMatch: '"2"', idempotencyKey: "k-1" });
    expect(answer.data.id).toBe("a");
    expect(answer.etag).toBe('"3"');
    const init = fetch.mock.calls[0][1]!;
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Bearer tok");
    expect(headers["If-Match"]).toBe('"2"');
    expect(headers["Idempotency-Key"]).toBe("k-1");
    expect(headers["Content-Type"]).toBe("application/json");
    expect(init.body).toBe('{"a":1}');
  });

  it("sends no Authorization header for an anonymous visitor", async () => {
    const fetch = answering(200, "[]");
    await call("/api/territories");
    expect((fetch.mock.calls[0][1]!.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it("turns a problem+json answer into an ApiError with its fields", async () => {
    answering(400, '{"title":"Bad Request","status":400,"errors":[{"field":"title","message":"must not be blank"}]}',
      { "Content-Type": "application/problem+json" });
    const error = await call("/api/x", { method: "POST", body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ title: "must not be blank" });
  });

  it("sends a CSV file as it is", async () => {
    const fetch = answering(200, '{"lines":[]}');
    await call("/api/import", { method: "POST", body: "a;b\n1;2\n", contentType: "text/csv" });
    const init = fetch.mock.calls[0][1]!;
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("text/csv");
    expect(init.body).toBe("a;b\n1;2\n");
  });
});

describe("query strings", () => {
  it("keeps only the filters that have a value, trimmed and encoded", () => {
    expect(query({ q: " Val de ", region: "", phase: undefined, page: 0 })).toBe("?q=Val+de&page=0");
    expect(query({})).toBe("");
  });
});

describe("replaces and patches", () => {
  it("are never sent without If-Match", async () => {
    const fetch = answering(200, "{}");
    await expect(call("/api/x", { method: "PUT", body: { a: 1 } })).rejects.toThrow(/If-Match/);
    await expect(call("/api/x", { method: "patch", body: { a: 1 } })).rejects.toThrow(/If-Match/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("but a command the API takes without If-Match (an envelope's ceiling) is sent when said so, with none", async () => {
    const fetch = answering(200, "{}");
    await call("/api/funding/envelopes/e/ceiling", { method: "PUT", command: true, body: { ceiling: 1, reason: "r" } });
    expect((fetch.mock.calls[0][1]!.headers as Record<string, string>)["If-Match"]).toBeUndefined();
    await call("/api/territories/ti-1/governance", { method: "PUT", firstWrite: true, body: {} });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("carry the ETag of the version read", async () => {
    const fetch = answering(200, "{}");
    await call("/api/x", { method: "PUT", body: { a: 1 }, ifMatch: etagOf(7) });
    expect((fetch.mock.calls[0][1]!.headers as Record<string, string>)["If-Match"]).toBe('"7"');
  });
});

describe("answers other than JSON", () => {
  it("ask for their media type (the outlines answer application/geo+json only)", async () => {
    const fetch = answering(200, '{"type":"FeatureCollection","features":[]}');
    await get("/api/territories/outlines?phase=2", undefined, "application/geo+json");
    expect((fetch.mock.calls[0][1]!.headers as Record<string, string>).Accept).toBe("application/geo+json, application/problem+json");
  });
});
