import i18n from '../../i18n/i18n';
import { mobilityEn } from './texts.en';
import { mobilityFr } from './texts.fr';

// The mobility screens' texts travel in their own chunk, so that the candidate's first page does not carry them.
i18n.addResourceBundle('en', 'translation', mobilityEn, true, false);
i18n.addResourceBundle('fr', 'translation', mobilityFr, true, false);
