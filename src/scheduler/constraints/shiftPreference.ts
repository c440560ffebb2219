/**
 * Rule (soft): people's weighted wishes are honoured — want / do not want a concrete shift, want
 * / do not want a shift type on a day (NRP shift-on / shift-off requests), want a day off.
 * A "want type" wish is unmet when the person is off that day or works another type.
 * Cost: weight × Σ weights of unmet wishes.
 */
import type { Compiled, CompiledPreference } from '../compiled';
import type { Message } from '../model';
import type { PersonConstraint, RawViolation, Reporter } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const shiftPreference: PersonConstraint = {
  name: 'shiftPreference',
  scope: 'person',
  hard: false,
  defaultWeight: 1,
  active: (c) => c.preferences.some((l) => l.length > 0),
  cost(c, p, x, off, weight, report) {
    return preferenceRange(c, p, x, off, weight, 0, c.D - 1, report);
  },
  window: (c, p, x, off, weight, from, to) => preferenceRange(c, p, x, off, weight, from, to),
  message(c, v) {
    return preferenceMessage(c, v);
  },
};

/** Is wish `pr` unmet when its person holds shift s (−1 = off) on the wish's day? */
export function wishUnmet(c: Compiled, pr: CompiledPreference, s: number): boolean {
  switch (pr.kind) {
    case 'wantShift':
      return s !== pr.shift;
    case 'avoidShift':
      return s === pr.shift;
    case 'wantType':
      return s < 0 || c.shiftType[s] !== pr.type;
    case 'avoidType':
      return s >= 0 && c.shiftType[s] === pr.type;
    default:
      return s >= 0;
  }
}

/** Index of person p's first wish (sorted by day at compile time) on or after `day`. */
export function firstWishFrom(c: Compiled, p: number, day: number): number {
  const d = day < 0 ? 0 : day > c.D ? c.D : day;
  return c.wishFrom[p * (c.D + 1) + d];
}

function preferenceRange(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, report?: Reporter): number {
    const prefs = c.preferences[p];
    let cost = 0;
    // Both ends from the index: the wishes' objects are read only when a wish is in the window.
    const end = firstWishFrom(c, p, to + 1);
    for (let i = firstWishFrom(c, p, from); i < end; i++) {
      const pr = prefs[i];
      const s = x[off + pr.day];
      if (wishUnmet(c, pr, s)) {
        const k = pr.weight * weight;
        cost += k;
        report?.({
          person: p,
          shifts: s >= 0 ? [s] : [],
          day: pr.day,
          cost: k,
          detail: { kind: pr.kind, type: 'type' in pr && pr.type >= 0 ? c.typeIds[pr.type] : '', wanted: 'shift' in pr ? pr.shift : -1 },
        });
      }
    }
    return cost;
}

function preferenceMessage(c: Compiled, v: RawViolation): Message {
    const who = personName(c, v.person);
    const day = v.day ?? 0;
    const wanted = typeof v.detail.wanted === 'number' && v.detail.wanted >= 0 ? v.detail.wanted : -1;
    switch (v.detail.kind) {
      case 'wantShift':
        return { en: `${who} asked for shift ${shiftLabel(c, wanted)} but does not have it.`, 'zh-CN': `${who} 希望上班次 ${shiftLabelZh(c, wanted)}，但未安排。` };
      case 'avoidShift':
        return { en: `${who} asked not to work shift ${shiftLabel(c, wanted)} but has it.`, 'zh-CN': `${who} 希望不上班次 ${shiftLabelZh(c, wanted)}，但被安排了。` };
      case 'wantType':
        return { en: `${who} asked to work a ${v.detail.type} shift on day ${day} but does not.`, 'zh-CN': `${who} 希望第${day + 1}天上${v.detail.type}班，但未如愿。` };
      case 'avoidType':
        return { en: `${who} asked not to work a ${v.detail.type} shift on day ${day} but does.`, 'zh-CN': `${who} 希望第${day + 1}天不上${v.detail.type}班，但被安排了。` };
      default:
        return { en: `${who} asked for day ${day} off but works.`, 'zh-CN': `${who} 希望第${day + 1}天休息，但被安排上班。` };
    }
}
