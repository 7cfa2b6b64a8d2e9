/** The digest's strings (messages/digest.<lang>.json). */
import type { Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { digestMessages } from './digest.messages.js';

export const dgT = (lang: Lang) => translator(digestMessages, lang);
