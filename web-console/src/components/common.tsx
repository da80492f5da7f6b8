import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useCallback, useEffect, useState, type DependencyList } from "react";
import { call, get } from "../api/client";
import { ApiError, summary } from "../api/problem";

/** A read of the API, redone when deps change; `reload` reads it again. */
export function useApi<T>(path: string | undefined, deps: DependencyList = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    get<T>(path, controller.signal).then(
      (d) => {
        setData(d);
        setLoading(false);
      },
      (e) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function Loading({ what = "Chargement" }: { what?: string }) {
  return (
    <p role="status" aria-live="polite">
      <span className="fr-icon-refresh-line fr-mr-1w" aria-hidden="true" />
      {what}…
    </p>
  );
}

export function ErrorAlert({ error, title = "Une erreur est survenue" }: { error: unknown; title?: string }) {
  if (!error) return null;
  return <Alert severity="error" title={title} description={summary(error)} className="fr-mb-3w" />;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Page items of the platform's paged lists ({items, page, size, total}) or a bare array. */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === "object") {
    const d = data as Record<string, unknown>;
    for (const k of ["items", "content", "data", "results"]) {
      if (Array.isArray(d[k])) return d[k] as T[];
    }
  }
  return [];
}

export function totalOf(data: unknown): number | undefined {
  if (data && typeof data === "object") {
    const d = data as Record<string, unknown>;
    for (const k of ["total", "totalItems", "totalElements"]) {
      if (typeof d[k] === "number") return d[k] as number;
    }
  }
  return undefined;
}

/**
 * One record read with its ETag, for a whole-record replace: the replace sends that ETag as If-Match,
 * so a change made elsewhere since this read is refused (412) instead of overwritten.
 */
export function useRecord<T>(path: string | undefined) {
  const [record, setRecord] = useState<{ data: T; etag?: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setError(undefined);
    call<T>(path, { signal: controller.signal }).then(
      (a) => setRecord({ data: a.data, etag: a.etag }),
      (e) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  /** The record as a replace answered it (its body and new ETag): no second read needed. */
  const set = useCallback((data: T, etag?: string) => setRecord({ data, etag }), []);
  return { data: record?.data, etag: record?.etag, error, reload, set };
}
