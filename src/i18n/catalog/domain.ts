// Messages for domain rules (regions, sites, units, people, teams, deployments, CSV import).
// OWNED BY THE DOMAIN ENGINEER (E2): add one entry per rule you throw with badInput/conflict/…,
// in both languages. Keys must not repeat a key of ./platform.ts (checked at load).
import type { Catalogue } from './types';

export const domainMessages: Catalogue = {
  'mobile.invalid': {
    en: '{field} must be a mainland China mobile number (11 digits starting with 1), got "{value}"',
    'zh-CN': '{field} 须为11位中国大陆手机号码（以1开头），实际为“{value}”',
  },
  'residentId.format': {
    en: '{field} must be an 18-character resident ID number (17 digits and a digit or X)',
    'zh-CN': '{field} 须为18位居民身份证号码（17位数字加1位数字或X）',
  },
  'residentId.birthDate': {
    en: '{field} does not contain a valid birth date',
    'zh-CN': '{field} 中的出生日期无效',
  },
  'residentId.checksum': {
    en: '{field} fails the GB 11643 check digit',
    'zh-CN': '{field} 校验码错误（不符合 GB 11643）',
  },
  'residentId.duplicate': {
    en: '{field}: this resident ID number is already registered to another person',
    'zh-CN': '{field}：该身份证号码已登记在其他人员名下',
  },
  'text.length': {
    en: '{field} must be {min}–{max} characters long (got {actual})',
    'zh-CN': '{field} 长度须为 {min}–{max} 个字符（实际 {actual} 个）',
  },
  'code.format': {
    en: '{field} must be 1–32 letters, digits, "-" or "_", got "{value}"',
    'zh-CN': '{field} 须为1–32位字母、数字、“-”或“_”，实际为“{value}”',
  },
  'enum.invalid': {
    en: '{field} must be one of {allowed}, got "{value}"',
    'zh-CN': '{field} 须为以下之一：{allowed}，实际为“{value}”',
  },
  'boolean.invalid': {
    en: '{field} must be 是/否 or true/false, got "{value}"',
    'zh-CN': '{field} 须为“是/否”或 true/false，实际为“{value}”',
  },
  'date.invalid': {
    en: '{field} must be a date (2026-03-01) or a date-time with zone, got "{value}"',
    'zh-CN': '{field} 须为日期（如 2026-03-01）或带时区的日期时间，实际为“{value}”',
  },
  'dateRange.endBeforeStart': {
    en: '{field} must be after the start',
    'zh-CN': '{field} 须晚于开始时间',
  },
  'timeZone.invalid': {
    en: '{field} must be an IANA time zone such as Asia/Shanghai, got "{value}"',
    'zh-CN': '{field} 须为 IANA 时区（如 Asia/Shanghai），实际为“{value}”',
  },
  'version.stale': {
    en: '{entity} {id} was changed by someone else (you edited version {expected}, it is now {actual}); reload and try again',
    'zh-CN': '{entity}（{id}）已被他人修改（您编辑的是第 {expected} 版，当前为第 {actual} 版），请刷新后重试',
  },
  'pagination.first': {
    en: '{field} must be between 1 and {max}',
    'zh-CN': '{field} 须在 1 到 {max} 之间',
  },
  'cursor.invalid': {
    en: '{field} is not a cursor returned by this list',
    'zh-CN': '{field} 不是本列表返回的游标',
  },
  'region.rootLevel': {
    en: '{field}: a region without a parent must be a DISTRICT',
    'zh-CN': '{field}：没有上级的区域必须是区（DISTRICT）',
  },
  'region.levelMismatch': {
    en: '{field}: under a {parentLevel} the level must be {expected}, got {value}',
    'zh-CN': '{field}：{parentLevel} 的下级区域层级须为 {expected}，实际为 {value}',
  },
  'region.gridHasNoChildren': {
    en: '{field}: a GRID cell cannot have child regions',
    'zh-CN': '{field}：网格（GRID）不能再有下级区域',
  },
  'region.hasActiveChildren': {
    en: 'Region {id} still has {count} active child regions or sites; archive them first',
    'zh-CN': '区域（{id}）下仍有 {count} 个未归档的下级区域或场所，请先将其归档',
  },
  'reference.archived': {
    en: '{field}: {entity} {id} is archived',
    'zh-CN': '{field}：{entity}（{id}）已归档',
  },
  'reference.wrongKind': {
    en: '{field}: {entity} {id} must be {expected}, it is {actual}',
    'zh-CN': '{field}：{entity}（{id}）须为 {expected}，实际为 {actual}',
  },
  'reference.unknown': {
    en: '{field}: no {entity} with name or code "{value}"',
    'zh-CN': '{field}：找不到名称或编码为“{value}”的{entity}',
  },
  'reference.ambiguous': {
    en: '{field}: several {entity} records are named "{value}"; use the code',
    'zh-CN': '{field}：有多个名为“{value}”的{entity}，请改用编码',
  },
  'deployment.target': {
    en: '{field}: SENT_DOWN goes to a community (toRegionId), FIRST_SECRETARY to an enterprise (toUnitId); give exactly that one',
    'zh-CN': '{field}：下沉（SENT_DOWN）须填写目标社区 toRegionId，第一书记（FIRST_SECRETARY）须填写目标企业 toUnitId，且只能填写其一',
  },
  'deployment.overlap': {
    en: '{field}: this person already has a {kind} deployment overlapping this period ({other})',
    'zh-CN': '{field}：该人员在此期间已有重叠的{kind}下派记录（{other}）',
  },
  'deployment.closed': {
    en: 'Deployment {id} is {status} and can no longer be changed',
    'zh-CN': '下派记录（{id}）状态为 {status}，不能再修改',
  },
  'team.memberCount': {
    en: '{field} may list at most {max} people',
    'zh-CN': '{field} 最多 {max} 人',
  },
  'csv.empty': {
    en: 'The CSV has no data rows',
    'zh-CN': 'CSV 文件中没有数据行',
  },
  'csv.malformed': {
    en: 'The CSV cannot be read at line {line}: {reason}',
    'zh-CN': 'CSV 第 {line} 行无法解析：{reason}',
  },
  'csv.unknownColumn': {
    en: 'Unknown column "{value}"; known columns: {allowed}',
    'zh-CN': '未知列“{value}”；可用列：{allowed}',
  },
  'csv.missingColumn': {
    en: 'Required column {field} is missing',
    'zh-CN': '缺少必填列 {field}',
  },
  'value.required': {
    en: '{field} is required',
    'zh-CN': '{field} 为必填项',
  },
  'csv.duplicateInFile': {
    en: '{field} "{value}" already appears on line {line}',
    'zh-CN': '{field}“{value}”与第 {line} 行重复',
  },
  'csv.tooManyRows': {
    en: 'The CSV has {count} rows; import at most {max} at a time',
    'zh-CN': 'CSV 共 {count} 行，单次最多导入 {max} 行',
  },
  'import.rejected': {
    en: '{count} row(s) have errors; nothing was imported (see extensions.rows)',
    'zh-CN': '{count} 行存在错误，未导入任何数据（详见 extensions.rows）',
  },
  'field.Region': { en: 'region', 'zh-CN': '区域' },
};
