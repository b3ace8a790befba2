import { useEffect, useState } from 'react';

export type Route =
  | { readonly screen: 'catalogue' }
  | { readonly screen: 'file' }
  | { readonly screen: 'space'; readonly candidacyId?: string }
  | { readonly screen: 'inbox' }
  | { readonly screen: 'worklist' }
  | { readonly screen: 'review'; readonly candidacyId: string }
  | { readonly screen: 'jury'; readonly programmeCode?: string }
  | { readonly screen: 'mobility' }
  | { readonly screen: 'mobility-plan'; readonly planId: string }
  | { readonly screen: 'mobility-approvals'; readonly studentId?: string }
  | { readonly screen: 'partners' }
  | { readonly screen: 'mobility-report' }
  | { readonly screen: 'referrals'; readonly candidateId?: string }
  | { readonly screen: 'notifications' };

export type Screen = Route['screen'];

/** Who may open each screen: the roles the services ask for behind it. */
const SCREEN_ROLES: Readonly<Record<Screen, readonly string[]>> = {
  catalogue: ['candidate'],
  file: ['candidate'],
  space: ['candidate'],
  inbox: ['candidate', 'student'],
  worklist: ['pedagogical-lead'],
  review: ['pedagogical-lead'],
  jury: ['jury-member'],
  mobility: ['student'],
  'mobility-plan': ['student', 'study-advisor', 'training-directorate', 'international-office'],
  'mobility-approvals': ['study-advisor', 'training-directorate', 'international-office'],
  partners: ['international-office', 'training-directorate', 'study-advisor'],
  'mobility-report': ['international-office', 'training-directorate'],
  referrals: ['rectorate-officer'],
  notifications: ['admissions-officer'],
};

/** The menu's screens, in the order the menu shows them. */
const MENU: readonly Screen[] = [
  'catalogue',
  'file',
  'space',
  'worklist',
  'jury',
  'referrals',
  'notifications',
  'mobility',
  'mobility-approvals',
  'partners',
  'mobility-report',
  // Last: a student's first screen stays their mobility, a candidate's the catalogue.
  'inbox',
];

export const mayOpen = (screen: Screen, roles: readonly string[]) =>
  SCREEN_ROLES[screen].some((role) => roles.includes(role));

export const menuOf = (roles: readonly string[]) => MENU.filter((screen) => mayOpen(screen, roles));

const optionalId = (id: string | undefined) => (id === undefined || id === '' ? undefined : id);

/** Screens live in the URL fragment (`#/file`), so the gateway serves every one of them at `/`. */
export function parseRoute(hash: string): Route | undefined {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'catalogue':
    case 'file':
    case 'worklist':
    case 'inbox':
    case 'mobility':
    case 'partners':
    case 'mobility-report':
    case 'notifications':
      return { screen };
    case 'space':
      return { screen, candidacyId: optionalId(id) };
    case 'review':
      return id === undefined || id === '' ? { screen: 'worklist' } : { screen, candidacyId: id };
    case 'jury':
      return { screen, programmeCode: optionalId(id) };
    case 'mobility-plan':
      return id === undefined || id === '' ? { screen: 'mobility' } : { screen, planId: id };
    case 'mobility-approvals':
      return { screen, studentId: optionalId(id && decodeURIComponent(id)) };
    case 'referrals':
      return { screen, candidateId: optionalId(id) };
    default:
      return undefined;
  }
}

/** The screen of the URL for these roles: a screen they may not open, or none, gives their first one. */
export function routeFor(hash: string, roles: readonly string[]): Route | undefined {
  const route = parseRoute(hash);
  if (route !== undefined && mayOpen(route.screen, roles)) return route;
  const home = menuOf(roles)[0];
  return home === undefined ? undefined : parseRoute(`#/${home}`);
}

export function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const changed = () => setHash(window.location.hash);
    window.addEventListener('hashchange', changed);
    // The hash may have changed between the first render and this listener (a link followed at once).
    changed();
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

export const go = (path: string) => (window.location.hash = path);
