import { ApiError, type Problem } from "./problem";

/** Gives the current access token, or none when the visitor is anonymous. */
let tokenSource: () => string | undefined = () => undefined;

export function setTokenSource(source: () => string | undefined) {
  tokenSource = source;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** The ETag read with the record: sent as If-Match so a concurrent change is refused (412). */
  ifMatch?: string;
  /**
   * A PUT that is a command on a record, not a replace of it, where the API takes no If-Match (an
   * envelope's ceiling or status: the service checks the change against the amounts it holds).
   */
  command?: boolean;
  /**
   * The first write of a record that has no version yet: its read gave no ETag (a territory's
   * governance never set), and the service creates it without If-Match.
   */
  firstWrite?: boolean;
  /** Money-moving actions: the same key for retries of the same intent, so it commits once. */
  idempotencyKey?: string;
  /** What the answer may be, when not JSON (the outlines are application/geo+json). */
  accept?: string;
  /** A CSV or other raw body. */
  contentType?: string;
  signal?: AbortSignal;
}

export interface Answer<T> {
  data: T;
  etag?: string;
  status: number;
}

/** A call to the platform's API on the console's own origin. */
export async function call<T>(path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const method = (options.method ?? "GET").toUpperCase();
  // A replace or a patch always names the version it was made from (DESIGN.md §5): never sent without.
  if ((method === "PUT" || method === "PATCH") && !options.ifMatch && !options.command && !options.firstWrite) {
    throw new Error(`${method} ${path} without If-Match: pass the ETag read with the record`);
  }
  const headers: Record<string, string> = { Accept: `${options.accept ?? "application/json"}, application/problem+json` };
  const token = tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === "string" || options.body instanceof Blob) {
      body = options.body as BodyInit;
      headers["Content-Type"] = options.contentType ?? "text/csv";
    } else {
      body = JSON.stringify(options.body);
      headers["Content-Type"] = "application/json";
    }
  }
  const response = await fetch(path, { method, headers, body, signal: options.signal });
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem: Problem = parsed && typeof parsed === "object" ? (parsed as Problem) : { title: text.slice(0, 200) };
    throw new ApiError(response.status, problem);
  }
  return { data: (parsed ?? text) as T, etag: response.headers.get("ETag") ?? undefined, status: response.status };
}

export async function get<T>(path: string, signal?: AbortSignal, accept?: string): Promise<T> {
  return (await call<T>(path, { signal, accept })).data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The ETag of a record read at this version (the services' ETag is the quoted version, "3"). */
export function etagOf(version: number | string): string {
  return `"${version}"`;
}

/** A fresh key for one intent (a button press); kept while the same form is retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** A query string from the filters that have a value. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && String(v).trim() !== "") q.set(k, String(v).trim());
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
