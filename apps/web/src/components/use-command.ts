import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignedOutError } from '../api/client';
import { NOTHING_SHOWN, type Shown, showProblem } from './problems';

/** Runs a command of a form: its refusal shown beside the form's fields, a note once it succeeded. */
export function useCommand(onDone: () => void) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const run = async (command: () => Promise<unknown>) => {
    setBusy(true);
    setDone(false);
    try {
      await command();
      setShown(NOTHING_SHOWN);
      setDone(true);
      onDone();
    } catch (error) {
      // A signed-out user is sent to sign in by the app; the form keeps its draft meanwhile.
      if (!(error instanceof SignedOutError)) setShown(showProblem(t, error));
    } finally {
      setBusy(false);
    }
  };
  return { shown, busy, done, run };
}
