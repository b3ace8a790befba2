import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

export type Language = 'fr' | 'en';
const STORED = 'admissions.language';

/** The language chosen before, else the browser's if English, else French (the institution's). */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORED, language);
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fr';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
});
// Screen readers pronounce the page in the language it is written in.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => (document.documentElement.lang = language));

export default i18n;
