import { useState } from 'preact/hooks';

export interface Save {
  busy: boolean;
  /** The last save went through (for a 已保存 beside the button). */
  saved: boolean;
  /** Why the last save failed, for an ErrorBox; null once one succeeds. */
  error: unknown;
  /** Runs the save once at a time: busy meanwhile, then saved or the error. */
  run: (save: () => Promise<void>) => Promise<void>;
}

/** The state of a small form that saves one thing: what the button and its notes show. */
export function useSave(): Save {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setSaved(false);
    try {
      await save();
      setError(null);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, saved, error, run };
}
