import { useRef, useState } from "react";
import { ApiError } from "../api/problem";
import { newIdempotencyKey } from "../api/client";

/**
 * One form's submission: busy while it runs, the API's problem afterwards with its messages by field.
 * What the user typed stays in the form's own state whatever happens.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  // One Idempotency-Key per intent: kept across retries of the same form, renewed after a success.
  const key = useRef(newIdempotencyKey());
  const run = async (action: (idempotencyKey: string) => Promise<unknown>, success?: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await action(key.current);
      key.current = newIdempotencyKey();
      setDone(success ?? "Enregistré.");
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  /** Props of a DSFR Input/Select for a field the API may name. */
  const state = (field: string) =>
    fieldErrors[field] ? { state: "error" as const, stateRelatedMessage: fieldErrors[field] } : {};
  return { busy, error, done, run, fieldErrors, state };
}
