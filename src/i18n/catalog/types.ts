import type { Locale } from '../locale';

/** One message in every language. Templates interpolate `{param}` from the error's params. */
export type Message = Record<Locale, string>;
export type Catalogue = Record<string, Message>;
