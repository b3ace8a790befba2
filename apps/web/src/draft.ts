import { useEffect, useState } from 'react';

/**
 * Form values kept in the tab's sessionStorage while they are typed: a session that expires
 * mid-form sends the user to sign in and back, and the form comes back as it was.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const storageKey = `admissions.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(storageKey);
    return stored === null ? initial : { ...initial, ...(JSON.parse(stored) as Partial<T>) };
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  return [value, setValue, () => sessionStorage.removeItem(storageKey)];
}
