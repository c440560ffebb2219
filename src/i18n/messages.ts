// The message catalogue: every user-facing message in en and zh-CN, keyed by rule.
// Platform rules: ./catalog/platform.ts. Domain rules: ./catalog/domain.ts.
import { platformMessages } from './catalog/platform';
import { domainMessages } from './catalog/domain';
import type { Catalogue } from './catalog/types';
import type { Locale } from './locale';

export type { Locale } from './locale';
export { pickLocale, LOCALES, DEFAULT_LOCALE } from './locale';

export type MessageParams = Record<string, string | number | boolean | null | undefined>;

function mergeCatalogues(...parts: Catalogue[]): Readonly<Catalogue> {
  const all: Catalogue = {};
  for (const part of parts) {
    for (const [key, msg] of Object.entries(part)) {
      if (key in all) throw new Error(`i18n: message key "${key}" is defined twice`);
      all[key] = msg;
    }
  }
  return Object.freeze(all);
}

export const messages: Readonly<Catalogue> = mergeCatalogues(platformMessages, domainMessages);

export function hasMessage(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/**
 * Renders `key` in `locale`, interpolating `{name}` from params. The `entity` param is itself
 * translated through `entity.<value>` when such a key exists (so "Person" reads 人员 in Chinese).
 * An unknown key renders as the key plus its params, so a missing entry is visible but harmless.
 */
export function translate(key: string, locale: Locale, params: MessageParams = {}): string {
  const msg = hasMessage(key) ? messages[key] : undefined;
  if (!msg) {
    const shown = Object.entries(params).map(([k, v]) => `${k}=${String(v)}`).join(', ');
    return shown ? `${key} (${shown})` : key;
  }
  return msg[locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (name === 'entity' && typeof value === 'string' && hasMessage(`entity.${value}`)) {
      return messages[`entity.${value}`][locale];
    }
    return value === null || value === undefined ? '' : String(value);
  });
}
