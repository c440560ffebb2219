// Chinese spellings found in organisation departments' spreadsheets, mapped to our enum values.
// English enum names are always accepted too (case-insensitive).
import { SKILLS, type Skill, type DeploymentKind } from '../store/models/enums';

const SKILL_WORDS: Record<string, Skill> = {
  医疗: 'MEDICAL', 医护: 'MEDICAL', 医生: 'MEDICAL', 护士: 'MEDICAL',
  公安: 'POLICE', 警务: 'POLICE', 民警: 'POLICE',
  驾驶: 'DRIVER', 司机: 'DRIVER', 驾驶员: 'DRIVER',
  测温: 'TEMPERATURE_CHECK', 体温检测: 'TEMPERATURE_CHECK',
  核酸采样: 'NUCLEIC_ACID_SAMPLING', 采样: 'NUCLEIC_ACID_SAMPLING',
  心理疏导: 'PSYCHOLOGICAL_SUPPORT', 心理: 'PSYCHOLOGICAL_SUPPORT',
  后勤: 'LOGISTICS', 物资保障: 'LOGISTICS',
  社区工作: 'COMMUNITY_WORK', 社工: 'COMMUNITY_WORK',
  翻译: 'INTERPRETER',
};

export function skillFromWord(word: string): Skill | null {
  const w = word.trim();
  if (SKILL_WORDS[w]) return SKILL_WORDS[w];
  const upper = w.toUpperCase();
  return (SKILLS as readonly string[]).includes(upper) ? (upper as Skill) : null;
}

const KIND_WORDS: Record<string, DeploymentKind> = {
  下沉: 'SENT_DOWN', 下沉干部: 'SENT_DOWN', SENT_DOWN: 'SENT_DOWN',
  第一书记: 'FIRST_SECRETARY', FIRST_SECRETARY: 'FIRST_SECRETARY',
};

export function deploymentKindFromWord(word: string): DeploymentKind | null {
  return KIND_WORDS[word.trim()] ?? KIND_WORDS[word.trim().toUpperCase()] ?? null;
}

/**
 * 2026-03-01 (or 2026/3/1) means the start of that day in China (+08:00); a full ISO date-time
 * with an offset is taken as written.
 */
export function parseImportDate(raw: string): Date | null {
  const v = raw.trim();
  const day = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);
    const check = new Date(date.getTime() + 8 * 3600_000);
    return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? date : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    const date = new Date(v);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
