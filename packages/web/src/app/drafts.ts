import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What someone has typed survives an expired session: form drafts live in sessionStorage (this
 * tab only) until the form is sent, and are restored when the user comes back after logging in.
 * Passwords are never kept. Drafts belong to one user: a different login in the tab clears them.
 */
const PREFIX = 'rusfag.draft.';
const OWNER = 'rusfag.draft-owner';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}

/** Called after every successful /api/me: another user's drafts are dropped, never shown. */
export function claimDrafts(userId: string): void {
  const store = storage();
  if (!store) return;
  if (store.getItem(OWNER) !== userId) {
    clearAllDrafts();
    store.setItem(OWNER, userId);
  }
}

function load<T extends object>(key: string, initial: T): T | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? { ...initial, ...(parsed as Partial<T>) } : null;
  } catch {
    return null;
  }
}

export function useDraft<T extends object>(
  key: string,
  initial: T,
): [T, (update: T | ((previous: T) => T)) => void, { restored: boolean; discard: () => void }] {
  const initialRef = useRef(initial);
  const [restored, setRestored] = useState(() => load(key, initial) !== null);
  const [value, setValue] = useState<T>(() => load(key, initial) ?? initial);

  useEffect(() => {
    const store = storage();
    if (!store) return;
    const text = JSON.stringify(value);
    if (text === JSON.stringify(initialRef.current)) store.removeItem(PREFIX + key);
    else store.setItem(PREFIX + key, text);
  }, [key, value]);

  const discard = useCallback(() => {
    storage()?.removeItem(PREFIX + key);
    setRestored(false);
    setValue(initialRef.current);
  }, [key]);

  return [value, setValue, { restored, discard }];
}
