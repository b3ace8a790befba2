import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Service } from '../api/client';
import { NOTHING_SHOWN, type Shown, showProblem } from './problems';

/**
 * A read of a service made on demand (a search form): the last answer, or the refusal of the last
 * question, which clears the answer to the one before.
 */
export function useLookup<T>(service: Service) {
  const { t } = useTranslation();
  const [value, setValue] = useState<T>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const lookup = useCallback(
    (path: string) =>
      api<T>(service, path).then(
        (read) => {
          setValue(read);
          setShown(NOTHING_SHOWN);
        },
        (error: unknown) => {
          setValue(undefined);
          setShown(showProblem(t, error));
        },
      ),
    [service, t],
  );
  return { value, shown, lookup };
}

/**
 * A read of a service, loaded at once and again on `load` (after a command, or Refresh): each part
 * of a screen loads on its own, so one refusal hides nothing else (the last answer stays shown).
 */
export function useRead<T>(service: Service, path: string) {
  const { t } = useTranslation();
  const [value, setValue] = useState<T>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const load = useCallback(() => {
    api<T>(service, path).then(
      (read) => {
        setValue(read);
        setShown(NOTHING_SHOWN);
      },
      (error: unknown) => setShown(showProblem(t, error)),
    );
  }, [service, path, t]);
  useEffect(load, [load]);
  return { value, shown, load };
}
