// Messages for rules raised by the platform (auth, generic errors, config-free validation).
// Domain rules live in ./domain.ts (owned by the domain engineer).
import type { Catalogue } from './types';

export const platformMessages: Catalogue = {
  'auth.required': {
    en: 'Authentication required: send an Authorization: Bearer <token> header',
    'zh-CN': '需要登录：请在请求头中携带 Authorization: Bearer <令牌>',
  },
  'auth.malformed': {
    en: 'The Authorization header must be "Bearer <token>"',
    'zh-CN': 'Authorization 请求头格式应为 "Bearer <令牌>"',
  },
  'auth.invalidToken': {
    en: 'The token is invalid: {reason}',
    'zh-CN': '令牌无效：{reason}',
  },
  'auth.expired': {
    en: 'The token expired at {expiredAt}; ask for a new one',
    'zh-CN': '令牌已于 {expiredAt} 过期，请重新获取',
  },
  'auth.badClaims': {
    en: 'The token does not carry a valid role and scope: {reason}',
    'zh-CN': '令牌中的角色或范围无效：{reason}',
  },
  'access.forbidden': {
    en: 'You are not allowed to do this',
    'zh-CN': '无权执行此操作',
  },
  'access.roleRequired': {
    en: 'This needs one of the roles {roles}; you are {role}',
    'zh-CN': '此操作需要以下角色之一：{roles}；当前角色为 {role}',
  },
  'access.outOfScope': {
    en: 'This {entity} is outside your scope',
    'zh-CN': '该{entity}不在您的权限范围内',
  },
  'entity.notFound': {
    en: '{entity} {id} not found',
    'zh-CN': '未找到{entity}（{id}）',
  },
  'value.duplicate': {
    en: 'The value of {field} is already used by another record',
    'zh-CN': '{field} 的值已被其他记录使用',
  },
  'value.invalid': {
    en: 'The value of {field} is invalid',
    'zh-CN': '{field} 的值无效',
  },
  'id.invalid': {
    en: '{field} is not a valid id: {value}',
    'zh-CN': '{field} 不是有效的编号：{value}',
  },
  'dateTime.invalid': {
    en: '{field} must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T08:00:00+08:00',
    'zh-CN': '{field} 须为带时区的 ISO 8601 日期时间，例如 2026-03-01T08:00:00+08:00',
  },
  'internal.error': {
    en: 'Internal server error (request {requestId})',
    'zh-CN': '服务器内部错误（请求编号 {requestId}）',
  },
  // Entity names used by `notFound(entity, id)` and `{entity}` params.
  'entity.Region': { en: 'Region', 'zh-CN': '区域' },
  'entity.Site': { en: 'Site', 'zh-CN': '场所' },
  'entity.Unit': { en: 'Unit', 'zh-CN': '单位' },
  'entity.Person': { en: 'Person', 'zh-CN': '人员' },
  'entity.Team': { en: 'Team', 'zh-CN': '队伍' },
  'entity.Deployment': { en: 'Deployment', 'zh-CN': '下派记录' },
};
