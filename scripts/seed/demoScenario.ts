// The "demo" scenario: a small district as an organisation department would describe it.
// Pure data, no store access; every record has a stable natural key (code, mobile, or
// person+kind+start) so loading it twice changes nothing.
import { residentIdCheckChar } from '../../src/validation/residentId';
import type { RegionLevel, SiteKind, Skill, TeamKind, UnitKind } from '../../src/store/models/enums';
import { mulberry32, pick } from './random';

export interface SeedRegion { code: string; name: string; level: RegionLevel; parentCode: string | null }
export interface SeedSite { code: string; name: string; kind: SiteKind; regionCode: string; address: string }
export interface SeedUnit { code: string; name: string; kind: UnitKind; regionCode: string | null }
export interface SeedPerson {
  name: string; mobile: string; skills: Skill[]; partyMember: boolean;
  unitCode: string | null; regionCode: string | null; residentId: string | null;
}
export interface SeedTeam { code: string; name: string; kind: TeamKind; regionCode: string; unitCode: string | null; leaderMobile: string; memberMobiles: string[] }
export interface SeedDeployment {
  mobile: string; kind: 'SENT_DOWN' | 'FIRST_SECRETARY'; fromUnitCode: string | null;
  toRegionCode: string | null; toUnitCode: string | null; startsAt: Date; endsAt: Date | null; note: string | null;
}
export interface Scenario {
  regions: SeedRegion[]; sites: SeedSite[]; units: SeedUnit[]; people: SeedPerson[]; teams: SeedTeam[]; deployments: SeedDeployment[];
}

const TOWNS = [
  { name: '丹水池街道', communities: ['百步亭社区', '后湖社区', '堤角社区', '幸福社区'] },
  { name: '谌家矶街道', communities: ['东方社区', '新河社区', '先锋村', '谌家矶社区'] },
  { name: '塔子湖街道', communities: ['塔子湖社区', '金桥社区', '育才社区', '同心社区'] },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力鹏飞宇浩然欣怡佳琪子涵思远志国海燕春梅晓东丹凤慧嘉俊博';
const ROADS = ['解放大道', '建设大道', '后湖大道', '二七路', '黄埔大街', '江大路', '百步亭路', '兴业路'];
const CHECKPOINT_NAMES = ['东门卡点', '西门卡点', '南门卡点', '北门卡点'];
const KEY_PLACES = ['中百超市', '大药房', '社区卫生服务站', '农贸市场'];
const SKILL_POOL: Skill[] = ['TEMPERATURE_CHECK', 'DRIVER', 'LOGISTICS', 'COMMUNITY_WORK', 'NUCLEIC_ACID_SAMPLING', 'PSYCHOLOGICAL_SUPPORT', 'INTERPRETER'];

/** A date in Asia/Shanghai at midnight, as a UTC instant. */
const chinaDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);

function residentId(rand: () => number, i: number): string {
  const year = 1965 + Math.floor(rand() * 35);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const body = `420102${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

export function demoScenario(seed = 20260301): Scenario {
  const rand = mulberry32(seed);
  const regions: SeedRegion[] = [{ code: 'JA', name: '江岸区', level: 'DISTRICT', parentCode: null }];
  const sites: SeedSite[] = [];
  const units: SeedUnit[] = [];
  const communityCodes: string[] = [];
  const townCodes: string[] = [];

  TOWNS.forEach((town, t) => {
    const townCode = `JA-T${t + 1}`;
    townCodes.push(townCode);
    regions.push({ code: townCode, name: town.name, level: 'TOWN', parentCode: 'JA' });
    town.communities.forEach((community, c) => {
      const code = `${townCode}-C${c + 1}`;
      communityCodes.push(code);
      regions.push({ code, name: community, level: 'COMMUNITY', parentCode: townCode });
      for (let g = 1; g <= 3; g++) regions.push({ code: `${code}-G${g}`, name: `${community}第${g}网格`, level: 'GRID', parentCode: code });
      for (let k = 0; k < 2; k++) {
        sites.push({
          code: `${code}-CP${k + 1}`, name: `${community}${CHECKPOINT_NAMES[(c + k) % 4]}`, kind: 'CHECKPOINT',
          regionCode: code, address: `${pick(rand, ROADS)}${10 + Math.floor(rand() * 900)}号`,
        });
      }
      sites.push({
        code: `${code}-KP1`, name: `${community}${KEY_PLACES[(t + c) % 4]}`, kind: 'KEY_PLACE',
        regionCode: `${code}-G${1 + (c % 3)}`, address: `${pick(rand, ROADS)}${10 + Math.floor(rand() * 900)}号`,
      });
      sites.push({ code: `${code}-OFF`, name: `${community}党群服务中心`, kind: 'COMMUNITY_OFFICE', regionCode: code, address: `${community}居委会` });
      units.push({ code: `${code}-CC`, name: `${community}居委会`, kind: 'COMMUNITY_COMMITTEE', regionCode: code });
    });
  });
  units.push(
    { code: 'JA-ZZB', name: '江岸区委组织部', kind: 'GOVERNMENT_OFFICE', regionCode: 'JA' },
    { code: 'JA-FGW', name: '江岸区发展和改革局', kind: 'GOVERNMENT_OFFICE', regionCode: 'JA' },
    { code: 'JA-RMYY', name: '江岸区人民医院', kind: 'HOSPITAL', regionCode: 'JA' },
    { code: 'JA-ZYY', name: '江岸区中医医院', kind: 'HOSPITAL', regionCode: 'JA-T2' },
    { code: 'JA-PCS', name: '丹水池派出所', kind: 'POLICE_STATION', regionCode: 'JA-T1' },
    { code: 'JA-SCH', name: '育才实验小学', kind: 'SCHOOL', regionCode: 'JA-T3' },
    { code: 'JA-E1', name: '武汉长江服装有限公司', kind: 'ENTERPRISE', regionCode: 'JA-T2' },
    { code: 'JA-E2', name: '后湖食品加工有限公司', kind: 'ENTERPRISE', regionCode: 'JA-T1' },
  );

  // ≈300 people: cadres of the district offices, medical staff, police, teachers, and residents
  // of each community; every third one a party member.
  const people: SeedPerson[] = [];
  const usedNames = new Set<string>();
  const homeOf = (i: number): { unitCode: string | null; regionCode: string | null; skills: Skill[] } => {
    if (i < 60) return { unitCode: i % 2 ? 'JA-FGW' : 'JA-ZZB', regionCode: null, skills: [] };
    if (i < 90) return { unitCode: i % 2 ? 'JA-RMYY' : 'JA-ZYY', regionCode: null, skills: ['MEDICAL'] };
    if (i < 105) return { unitCode: 'JA-PCS', regionCode: null, skills: ['POLICE'] };
    if (i < 115) return { unitCode: 'JA-SCH', regionCode: null, skills: [] };
    if (i < 135) return { unitCode: i % 2 ? 'JA-E1' : 'JA-E2', regionCode: null, skills: [] };
    const community = communityCodes[i % communityCodes.length];
    return { unitCode: i % 5 === 0 ? `${community}-CC` : null, regionCode: `${community}-G${1 + (i % 3)}`, skills: [] };
  };
  for (let i = 0; i < 300; i++) {
    let name: string;
    do {
      name = pick(rand, [...SURNAMES]) + pick(rand, [...GIVEN]) + (rand() < 0.6 ? pick(rand, [...GIVEN]) : '');
    } while (usedNames.has(name));
    usedNames.add(name);
    const home = homeOf(i);
    const skills = [...home.skills];
    const extra = Math.floor(rand() * 3);
    for (let k = 0; k < extra; k++) {
      const s = pick(rand, SKILL_POOL);
      if (!skills.includes(s)) skills.push(s);
    }
    people.push({
      name,
      mobile: `1${pick(rand, ['33', '35', '37', '38', '39', '50', '58', '77', '86', '89'])}${String(27100000 + i * 37).padStart(8, '0')}`,
      skills,
      partyMember: i % 3 === 0,
      unitCode: home.unitCode,
      regionCode: home.regionCode,
      residentId: i % 4 === 0 ? residentId(rand, i) : null,
    });
  }

  // Teams: a volunteer team per community, a party shock team and a screening team per town.
  const teams: SeedTeam[] = [];
  const residentsOf = (prefix: string) => people.filter((p) => p.regionCode?.startsWith(prefix) || p.unitCode?.startsWith(prefix));
  communityCodes.forEach((code, c) => {
    const members = residentsOf(code).slice(0, 8).map((p) => p.mobile);
    const community = regions.find((r) => r.code === code)!.name;
    teams.push({ code: `${code}-VT`, name: `${community}志愿服务队`, kind: 'VOLUNTEER_TEAM', regionCode: code, unitCode: `${code}-CC`, leaderMobile: members[c % members.length], memberMobiles: members });
  });
  townCodes.forEach((code, t) => {
    const townName = TOWNS[t].name;
    const party = residentsOf(code).filter((p) => p.partyMember).slice(0, 10).map((p) => p.mobile);
    teams.push({ code: `${code}-PST`, name: `${townName}党员突击队`, kind: 'PARTY_SHOCK_TEAM', regionCode: code, unitCode: null, leaderMobile: party[0], memberMobiles: party });
    const screeners = residentsOf(code).filter((p) => !p.partyMember).slice(0, 6).map((p) => p.mobile);
    teams.push({ code: `${code}-SCR`, name: `${townName}摸排小组`, kind: 'SCREENING_TEAM', regionCode: code, unitCode: null, leaderMobile: screeners[0], memberMobiles: screeners });
  });

  // Deployments: the 60 office cadres sent down, five per community, in two waves; two first
  // secretaries into the enterprises.
  const deployments: SeedDeployment[] = [];
  for (let i = 0; i < 60; i++) {
    const p = people[i];
    const firstWave = i < 36;
    deployments.push({
      mobile: p.mobile, kind: 'SENT_DOWN', fromUnitCode: p.unitCode, toRegionCode: communityCodes[i % communityCodes.length], toUnitCode: null,
      startsAt: firstWave ? chinaDay(2026, 1, 25) : chinaDay(2026, 3, 1),
      endsAt: firstWave ? chinaDay(2026, 2, 28) : chinaDay(2026, 6, 30),
      note: firstWave ? '第一批下沉干部' : '第二批下沉干部',
    });
  }
  for (const [k, enterprise] of ['JA-E1', 'JA-E2'].entries()) {
    const p = people[k * 3]; // party members (index divisible by 3)
    deployments.push({
      mobile: p.mobile, kind: 'FIRST_SECRETARY', fromUnitCode: p.unitCode, toRegionCode: null, toUnitCode: enterprise,
      startsAt: chinaDay(2026, 7, 1), endsAt: chinaDay(2026, 12, 31), note: '驻企第一书记，协助复工复产',
    });
  }
  return { regions, sites, units, people, teams, deployments };
}
