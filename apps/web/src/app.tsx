import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNED_OUT_EVENT } from './api/client';
import { fetchSession, signIn, signOut, type UserSession } from './api/session';
import { type Language, setLanguage } from './i18n/i18n';
import { menuOf, routeFor, useHash } from './routes';
import { CandidateSpace } from './screens/candidate-space';
import { Catalogue } from './screens/catalogue';
import { CandidateFile } from './screens/file/candidate-file';
import { ScreenTitle } from './screens/heading';

// Staff screens load on demand, so that the candidate's first page stays as light as it was.
const Inbox = lazy(() => import('./screens/inbox/inbox'));
const Worklist = lazy(() => import('./screens/lead/worklist'));
const Review = lazy(() => import('./screens/lead/review'));
const Jury = lazy(() => import('./screens/jury/jury'));
const StudentMobility = lazy(() => import('./screens/mobility/student-mobility'));
const MobilityPlan = lazy(() => import('./screens/mobility/plan-screen'));
const MobilityApprovals = lazy(() => import('./screens/mobility/approvals'));
const Partners = lazy(() => import('./screens/mobility/partners'));
const MobilityReport = lazy(() => import('./screens/mobility/report'));
const Referrals = lazy(() => import('./screens/rectorate/referrals'));
const FailedNotifications = lazy(() => import('./screens/office/failed-notifications'));

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language">
      <label htmlFor="language">{t('language.label')}</label>
      <select id="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        <option value="fr" lang="fr">
          Français
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}

function Welcome({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{t('app.title')}</ScreenTitle>
      {expired && <p role="alert">{t('session.expired')}</p>}
      <p>{t('session.welcome')}</p>
      <button type="button" className="primary" onClick={signIn}>
        {t('session.signIn')}
      </button>
    </>
  );
}

/** The screen of the URL's fragment, if the user's roles may open it; else the first one they may. */
function Screen({ roles, sub }: { roles: readonly string[]; sub: string }) {
  const { t } = useTranslation();
  const route = routeFor(useHash(), roles);
  if (route === undefined) return <p>{t('nav.nothing')}</p>;
  switch (route.screen) {
    case 'catalogue':
      return <Catalogue />;
    case 'file':
      return <CandidateFile />;
    case 'space':
      return <CandidateSpace key={route.candidacyId ?? 'latest'} candidacyId={route.candidacyId} />;
    case 'worklist':
      return <Worklist />;
    case 'review':
      return <Review key={route.candidacyId} candidacyId={route.candidacyId} />;
    case 'inbox':
      return <Inbox />;
    case 'jury':
      return <Jury programmeCode={route.programmeCode} />;
    case 'mobility':
      return <StudentMobility studentId={sub} />;
    case 'mobility-plan':
      return <MobilityPlan key={route.planId} planId={route.planId} roles={roles} />;
    case 'mobility-approvals':
      return <MobilityApprovals key={route.studentId ?? ''} studentId={route.studentId} />;
    case 'partners':
      return <Partners roles={roles} />;
    case 'mobility-report':
      return <MobilityReport />;
    case 'referrals':
      return <Referrals candidateId={route.candidateId} />;
    case 'notifications':
      return <FailedNotifications />;
    default:
      return route satisfies never;
  }
}

/** The portal: who is signed in, the language, the menu, and the screen of the URL's fragment. */
export function App() {
  const { t } = useTranslation();
  // null while asking the gateway; undefined when nobody is signed in.
  const [session, setSession] = useState<UserSession | undefined | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    fetchSession().then(setSession, () => setSession(undefined));
    const ended = () => {
      setExpired(true);
      setSession(undefined);
    };
    window.addEventListener(SIGNED_OUT_EVENT, ended);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, ended);
  }, []);

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <p className="brand">{t('app.title')}</p>
        <LanguageSwitch />
        {session && (
          <div className="user">
            <span>{t('session.signedInAs', { name: session.name })}</span>{' '}
            <button type="button" onClick={() => void signOut(session.csrfToken)}>
              {t('session.signOut')}
            </button>
          </div>
        )}
        {session && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {menuOf(session.roles).map((screen) => (
                <li key={screen}>
                  <a href={`#/${screen}`}>{t(`nav.${screen}`)}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {session === null ? (
          <p>{t('common.loading')}</p>
        ) : session ? (
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            <Screen roles={session.roles} sub={session.sub} />
          </Suspense>
        ) : (
          <Welcome expired={expired} />
        )}
      </main>
    </>
  );
}
