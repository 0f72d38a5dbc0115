import path from 'path';

export const SEEDS_DIR = path.resolve(__dirname, '..');
export const SOURCE_DIR = path.join(SEEDS_DIR, 'source');
export const DATA_DIR = path.join(SEEDS_DIR, 'data');

export const SOURCE_FILES = {
  strategy: '000_e27a19abb44fdd72.txt',
  meeting: '001_aa66fca4020afccb.txt',
  pledges: '002_8225d030e6ae9ba1.txt',
} as const;

export const DATA_FILES = {
  kpis: 'kpis.csv',
  goalTargets: 'goal-targets.csv',
  firstTerm: 'first-term.csv',
  pledges: 'pledges.json',
  pledgeActivities: 'pledge-activities.csv',
  corrections: 'corrections.csv',
} as const;

export const WORKBOOK_FILES = {
  strategy: 'strategy-2nd-term.xlsx',
  firstTerm: 'first-term.xlsx',
  pledges: 'pledges.xlsx',
} as const;
