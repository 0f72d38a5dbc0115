import { readCsv, readPledges } from './seed-data';

const kpis = readCsv('kpis.csv');
const goals = readCsv('goal-targets.csv');
const firstTerm = readCsv('first-term.csv');
const pledges = readPledges();

/** A value as SPEC §2 accepts it: blank/dash, or a number with optional 累計 prefix and unit. */
const VALUE = /^(—|(累計)?\d{1,3}(,\d{3})*(\.\d+)?[^\d]*)$/;
const byIndicator = (indicator: string) => kpis.filter((k) => k.indicator === indicator);

describe('counts', () => {
  test('94 KPI rows with unique ids', () => {
    expect(kpis).toHaveLength(94);
    expect(new Set(kpis.map((k) => k.id)).size).toBe(94);
  });

  test('10 basic-goal 数値目標: 3 + 2 + 3 + 2', () => {
    expect(goals.map((g) => g.goal)).toEqual(['1', '1', '1', '2', '2', '3', '3', '3', '4', '4']);
    expect(goals.every((g) => g.measure === '')).toBe(true);
  });

  test('10 first-term rows: 2 + 3 + 3 + 2', () => {
    expect(firstTerm.map((r) => r.goal)).toEqual(['1', '1', '2', '2', '2', '3', '3', '3', '4', '4']);
  });

  test('5 policies × 5 pledges × 2 measures', () => {
    expect(pledges.policies.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(pledges.pledges).toHaveLength(25);
    expect(pledges.measures).toHaveLength(50);
    for (const p of pledges.pledges) {
      const own = pledges.measures.filter((m) => m.policy === p.policy && m.pledge === p.number);
      expect(own.map((m) => m.measure)).toEqual([1, 2]);
    }
  });
});

describe('KPI rows', () => {
  test('19 measures, each under its basic goal (①–④, ⑤–⑧, ⑨–⑭, ⑮–⑲)', () => {
    const goalOf = (m: number) => (m <= 4 ? 1 : m <= 8 ? 2 : m <= 14 ? 3 : 4);
    expect(new Set(kpis.map((k) => k.measure))).toEqual(new Set(Array.from({ length: 19 }, (_, i) => String(i + 1))));
    for (const k of kpis) expect(Number(k.goal)).toBe(goalOf(Number(k.measure)));
  });

  test('every value is a value text or —, with the unit of its row', () => {
    for (const k of [...kpis, ...goals]) {
      for (const v of [k.baseline, k.actual, k.target]) {
        expect(v.replace(/（[^）]*）$/, '')).toMatch(VALUE);
        if (v !== '—') expect(v.replace(/^累計/, '').replace(/^[\d,.]+/, '').replace(/（[^）]*）$/, '')).toBe(k.unit);
      }
    }
  });

  test('累計 exactly where the actual or target says so', () => {
    for (const k of [...kpis, ...goals]) {
      const says = k.actual.startsWith('累計') || k.target.startsWith('累計');
      expect(k.aggregation).toBe(says ? '累計' : '単年');
    }
  });

  test('only 待機児童数 is 減少', () => {
    expect(kpis.filter((k) => k.direction === '減少').map((k) => k.indicator)).toEqual(['待機児童数']);
    expect(goals.every((g) => g.direction === '増加')).toBe(true);
    expect(byIndicator('プレールーム利用数')[0].direction).toBe('増加');
  });

  test('COVID notes sit on exactly the rows they describe', () => {
    const covid = kpis.filter((k) => k.notes.includes('新型コロナ')).map((k) => `${k.project}:${k.indicator}`);
    expect(covid).toEqual([
      'キッズタウン開催事業:参加企業・団体数',
      '苫小牧アートフェスティバル事業:ワークショップ参加者数',
      '市民・団体研修派遣事業:研修派遣者数',
      '官民合同研修事業:研修参加延人数',
      '国際アイスホッケー中学生交流事業:参加人数',
      'はちとまネットワーク推進事業:アイスホッケー事業参加人数',
      '新千歳空港の機能充実と国内・国際航空輸送ネットワークの拠点形成:国外路線',
    ]);
    expect(byIndicator('国外路線')[0].notes).toContain('全便運休');
    expect(byIndicator('国内路線')[0].notes).toBe('');
  });

  test('baseline and target years where the document departs from FY2018 / FY2024', () => {
    expect(byIndicator('ホームページアクセス数及びフェイスブックリーチ数')[0].baseline_year).toBe('2017');
    expect(goals.find((g) => g.indicator.startsWith('観光入込客数'))!.target_year).toBe('2022');
    const others = kpis.filter((k) => k.indicator !== 'ホームページアクセス数及びフェイスブックリーチ数');
    expect(new Set(others.map((k) => k.baseline_year))).toEqual(new Set(['2018']));
    expect(new Set(kpis.map((k) => `${k.actual_year}/${k.target_year}`))).toEqual(new Set(['2021/2024']));
  });

  test('projects whose heading the OCR lost are named from 001, or left empty', () => {
    const projectOf = (indicator: string) => byIndicator(indicator)[0].project;
    expect(projectOf('飛行型偵察・監視ロボット、放水ロボット導入数')).toBe('消防活動のICT化');
    expect(projectOf('コウノトリ検査費助成件数')).toBe('特定不妊・不育症治療費等助成事業');
    expect(projectOf('ワークショップ参加者数')).toBe('苫小牧アートフェスティバル事業');
    expect(projectOf('研修派遣者数')).toBe('市民・団体研修派遣事業');
    expect(projectOf('貨物取扱量（外貿）')).toBe('苫小牧港管理組合負担金');
    expect(projectOf('備蓄品充足率')).toBe('防災体制の充実（防災備蓄品整備事業）');
    expect(projectOf('氷都とまこまい体感プログラム参加者数')).toBe('');
  });

  test('no OCR 苦小牧, stray markers or footnote marks left in names', () => {
    for (const k of [...kpis, ...goals]) {
      const text = `${k.project}${k.department}${k.indicator}`.replace('【5段階評価】', ''); // part of the indicator's name
      expect(text).not.toMatch(/苦小牧|KPI|新規事業|事業内容変更|取組終了|※|【|】/);
    }
  });

  test('the ゼロカーボン measure is 施策⑲ and carries 新規施策', () => {
    const zero = kpis.filter((k) => k.project.startsWith('ゼロカーボン'));
    expect(zero.map((k) => k.measure)).toEqual(['19', '19', '19']);
    expect(zero.every((k) => k.markers.split(';').includes('新規施策'))).toBe(true);
    expect(byIndicator('訪日外国人宿泊延べ人数')[0].measure).toBe('18');
  });

  test('新規創業件数: 数値目標変更 is a marker and 累計43件 the current target', () => {
    const g = goals.find((x) => x.indicator === '新規創業件数')!;
    expect([g.baseline, g.target, g.markers]).toEqual(['—', '累計43件', '数値目標変更']);
  });
});

describe('first-term table', () => {
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const latest = (r: Record<string, string>) => [r.actual_r1, r.actual_h30, r.actual_h29, r.actual_h28].find((v) => v !== '—')!;

  test('published 達成状況 follows from the figures, except 「苫小牧は住みやすい」', () => {
    for (const r of firstTerm) {
      const computed = Math.round((num(latest(r)) / num(r.target_h31)) * 1000) / 10;
      if (r.indicator.includes('住みやすい')) {
        expect(computed).toBe(109.2);
        expect(r.published_achievement).toBe('110');
      } else {
        expect(Math.round(computed)).toBe(Number(r.published_achievement));
      }
    }
  });

  test('合計特殊出生率 H30 is 1.56, not the OCR 15.6', () => {
    expect(firstTerm.find((r) => r.indicator === '合計特殊出生率')!.actual_h30).toBe('1.56');
  });
});

describe('pledge structure', () => {
  test('every star string is two groups of five matching its count', () => {
    for (const m of pledges.measures) {
      expect(m.stars).toMatch(/^[★☆]{5} [★☆]{5}$/);
      const glyphs = m.stars.replace(' ', '');
      expect(glyphs).toBe('★'.repeat(m.starCount) + '☆'.repeat(10 - m.starCount));
    }
  });

  test('the garbled and missing star strings are resolved as documented', () => {
    const stars = (policy: number, pledge: number) =>
      pledges.measures.filter((m) => m.policy === policy && m.pledge === pledge).map((m) => [m.starsPrinted, m.starCount]);
    expect(stars(5, 3)).toEqual([['★★★★★☆ ☆☆☆☆☆', 4], ['★★★★★☆ ☆☆☆☆☆', 4]]);
    expect(stars(5, 4)).toEqual([['★★★★★★ ★☆☆☆☆', 6], ['★★★★★★ ★☆☆☆☆', 6]]);
    expect(stars(3, 3)).toEqual([['★★★★★ ★★★☆☆', 8], [null, 6]]);
  });

  test('activities are OCR-fixed and 政策Ⅱ-5 has none in the source', () => {
    const all = pledges.measures.flatMap((m) => m.activities);
    expect(all).toHaveLength(130);
    expect(all.join('')).not.toMatch(/苦小牧|コウホリ|などでし|&amp;/);
    expect(pledges.measures.filter((m) => m.activities.length === 0).map((m) => `${m.policy}-${m.pledge}-${m.measure}`)).toEqual(['2-5-1', '2-5-2']);
  });
});
