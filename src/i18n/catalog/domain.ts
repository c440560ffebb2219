// Messages for domain rules (regions, sites, units, people, teams, deployments, CSV import).
// OWNED BY THE DOMAIN ENGINEER (E2): add one entry per rule you throw with badInput/conflict/…,
// in both languages. Keys must not repeat a key of ./platform.ts (checked at load).
import type { Catalogue } from './types';

export const domainMessages: Catalogue = {
  'mobile.invalid': {
    en: '{field} must be a mainland China mobile number (11 digits starting with 1), got "{value}"',
    'zh-CN': '{field} 须为11位中国大陆手机号码（以1开头），实际为“{value}”',
  },
};
