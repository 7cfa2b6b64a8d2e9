/** Translator of the networks pages. */
import type { Lang } from '../../../platform/i18n/languages.js';
import { translator } from '../../../platform/i18n/messages.js';
import { networksMessages } from '../networks.messages.js';

export const netT = (lang: Lang) => translator(networksMessages, lang);
