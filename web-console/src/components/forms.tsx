import { useRef, useState } from "react";
import { ApiError, errorsUnder } from "../api/problem";
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
  /** Forgets the last outcome (before the form is filled again from a fresh read). */
  const reset = () => {
    setError(undefined);
    setDone(undefined);
  };
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  /** Props of a DSFR Input/Select for a field the API may name. */
  const state = (field: string) =>
    fieldErrors[field] ? { state: "error" as const, stateRelatedMessage: fieldErrors[field] } : {};
  /** Props of a DSFR Checkbox group (a fieldset) standing for a list field and its items. */
  const groupState = (field: string) => {
    const message = errorsUnder(fieldErrors, field);
    return message ? { state: "error" as const, stateRelatedMessage: message } : {};
  };
  return { busy, error, done, run, reset, fieldErrors, state, groupState };
}
