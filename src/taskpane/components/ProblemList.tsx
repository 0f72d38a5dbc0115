/**
 * Problems grouped by sheet, and within a sheet by kind: errors first, then warnings; the
 * reasons why a value was left blank (severity info) on request; a filter for errors only.
 * A sheet is a disclosure (its title a button), open at first when it has errors or the list is
 * short; a kind with many problems is one line — 備考が空欄（D評価）: 12件 — that opens to its
 * cells. Everything is a native button, so Tab, Enter and Space reach it. An item with a cell
 * selects the cell in the workbook. A long kind shows its first items and a button for the rest.
 */
import { Button, createFocusOutlineStyle, makeStyles, mergeClasses, tokens, ToggleButton, useId } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Issue, Severity } from '../../domain/base/issues';
import { useI18n } from '../i18n/I18nContext';
import { formatCount, type MessageKey } from '../../messages/translate';
import { countProblems, errorsOnly, groupProblems, initiallyOpen, KIND_COLLAPSE_OVER, kindGroups, type KindGroup, type ProblemGroup } from '../state/problems';
import { issueKind, issueMessage } from '../../messages/issueText';
import { useSharedStyles } from './styles';

/** items shown per kind before "show more" */
export const PROBLEMS_PAGE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  filter: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  disclosure: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    width: '100%',
    minWidth: 0,
    height: 'auto',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    whiteSpace: 'normal',
    fontWeight: tokens.fontWeightSemibold,
  },
  chevron: { flexShrink: 0, marginTop: '2px' },
  titleText: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  groupCounts: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalM, minWidth: 0 },
  kind: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  kindButton: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle(),
  error: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  severity: { display: 'inline-flex', alignItems: 'center', gap: '2px', fontWeight: tokens.fontWeightSemibold },
  severityError: { color: tokens.colorStatusDangerForeground3 },
  severityWarning: { color: tokens.colorStatusWarningForeground1 },
  severityInfo: { color: tokens.colorNeutralForeground2 },
  cell: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  message: { color: tokens.colorNeutralForeground1 },
  none: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  textButton: { height: 'auto', whiteSpace: 'normal', textAlign: 'left', minWidth: 0 },
});

const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  error: 'severity.error',
  warning: 'severity.warning',
  info: 'severity.info',
};

function SeverityIcon({ severity }: { severity: Severity }) {
  const Icon = severity === 'error' ? ErrorCircleRegular : severity === 'warning' ? WarningRegular : InfoRegular;
  return <Icon aria-hidden="true" />;
}

function useSeverityClass(): (s: Severity) => string {
  const styles = useStyles();
  return (s) => (s === 'error' ? styles.severityError : s === 'warning' ? styles.severityWarning : styles.severityInfo);
}

export interface ProblemListProps {
  issues: readonly Issue[];
  onSelect: (sheet: string, cell: string) => void;
  /** heading level of the list title (sheet titles are one below) */
  level?: 2 | 3;
}

type Filter = 'all' | 'errors';

function toggled(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}

export function ProblemList({ issues, onSelect, level = 2 }: ProblemListProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { lang, t } = useI18n();
  const [showInfo, setShowInfo] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState(() => initiallyOpen(groupProblems(issues, { includeInfo: false })));
  const hintId = useId('problem-hint-');
  const titleId = useId('problems-title-');
  const counts = useMemo(() => countProblems(issues), [issues]);
  const shown = useMemo(() => (filter === 'errors' ? errorsOnly(issues) : issues), [issues, filter]);
  const groups = useMemo(() => groupProblems(shown, { includeInfo: showInfo }), [shown, showInfo]);
  const Title = level === 2 ? 'h2' : 'h3';
  const SheetTitle = level === 2 ? 'h3' : 'h4';
  const problems = counts.errors + counts.warnings;

  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid="problems">
      <div className={styles.head}>
        <Title id={titleId} className={shared.sectionTitle}>
          {t('problems.title')}
        </Title>
        {problems > 0 && (
          <div role="group" aria-label={t('problems.filter.aria')} className={styles.filter}>
            <ToggleButton size="small" checked={filter === 'all'} data-testid="problems-filter-all" onClick={() => setFilter('all')}>
              {t('problems.filter.all')}
            </ToggleButton>
            <ToggleButton size="small" checked={filter === 'errors'} data-testid="problems-filter-errors" onClick={() => setFilter('errors')}>
              {t('problems.filter.errors')}
            </ToggleButton>
          </div>
        )}
      </div>
      <p id={hintId} className={shared.visuallyHidden}>
        {t('problems.selectHint')}
      </p>
      {problems === 0 && <p className={styles.none}>{t('problems.none')}</p>}
      {problems > 0 && filter === 'errors' && counts.errors === 0 && <p className={styles.none}>{t('problems.noErrors')}</p>}
      {groups.map((g) => (
        <SheetGroup
          key={g.sheet}
          group={g}
          Heading={SheetTitle}
          open={open.sheets.has(g.sheet)}
          openKinds={open.kinds}
          onToggle={() => setOpen((o) => ({ ...o, sheets: toggled(o.sheets, g.sheet) }))}
          onToggleKind={(key) => setOpen((o) => ({ ...o, kinds: toggled(o.kinds, key) }))}
          describedBy={hintId}
          onSelect={onSelect}
        />
      ))}
      {counts.infos > 0 && filter === 'all' && (
        <div className={styles.buttons}>
          <Button appearance="transparent" size="small" className={styles.textButton} aria-pressed={showInfo} onClick={() => setShowInfo((v) => !v)}>
            {showInfo ? t('problems.hideInfo') : t('problems.showInfo', { count: formatCount(lang, counts.infos) })}
          </Button>
        </div>
      )}
    </section>
  );
}

interface SheetGroupProps {
  group: ProblemGroup;
  Heading: 'h3' | 'h4';
  open: boolean;
  openKinds: ReadonlySet<string>;
  onToggle: () => void;
  onToggleKind: (key: string) => void;
  describedBy: string;
  onSelect: ProblemListProps['onSelect'];
}

/** one sheet: its title opens and closes its problems */
export function SheetGroup({ group, Heading, open, openKinds, onToggle, onToggleKind, describedBy, onSelect }: SheetGroupProps) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const bodyId = useId('problem-sheet-');
  const kinds = useMemo(() => kindGroups(group), [group]);
  return (
    <div className={styles.group} data-testid="problem-sheet" data-sheet={group.sheet}>
      <Heading className={styles.groupTitle}>
        <Button
          appearance="subtle"
          className={styles.disclosure}
          aria-expanded={open}
          aria-controls={bodyId}
          data-testid="problem-sheet-toggle"
          icon={open ? <ChevronDownRegular className={styles.chevron} /> : <ChevronRightRegular className={styles.chevron} />}
          onClick={onToggle}
        >
          <span className={styles.titleText}>
            <span data-testid="problem-sheet-name">{group.sheet || t('problems.workbook')}</span>
            <span className={styles.groupCounts}>{t('problems.groupCounts', { errors: formatCount(lang, group.errors), warnings: formatCount(lang, group.warnings) })}</span>
          </span>
        </Button>
      </Heading>
      {open && (
        <div id={bodyId} className={styles.body}>
          {kinds.map((k) => (
            <KindBlock key={k.key} kind={k} open={openKinds.has(k.key)} onToggle={() => onToggleKind(k.key)} describedBy={describedBy} onSelect={onSelect} />
          ))}
        </div>
      )}
    </div>
  );
}

interface KindBlockProps {
  kind: KindGroup;
  open: boolean;
  onToggle: () => void;
  describedBy: string;
  onSelect: ProblemListProps['onSelect'];
}

/** the problems of one kind: listed when few, else a line with the count that opens to them */
export function KindBlock({ kind, open, onToggle, describedBy, onSelect }: KindBlockProps) {
  const styles = useStyles();
  const severityClass = useSeverityClass();
  const { lang, t } = useI18n();
  const [all, setAll] = useState(false);
  const listId = useId('problem-kind-');
  const collapsible = kind.issues.length > KIND_COLLAPSE_OVER;
  const expanded = !collapsible || open;
  const items = all ? kind.issues : kind.issues.slice(0, PROBLEMS_PAGE);
  const hidden = kind.issues.length - items.length;
  return (
    <div className={styles.kind} data-testid="problem-kind" data-code={kind.code} data-severity={kind.severity}>
      {collapsible && (
        <Button
          appearance="subtle"
          size="small"
          className={mergeClasses(styles.disclosure, styles.kindButton)}
          aria-expanded={open}
          aria-controls={listId}
          data-testid="problem-kind-toggle"
          icon={open ? <ChevronDownRegular className={styles.chevron} /> : <ChevronRightRegular className={styles.chevron} />}
          onClick={onToggle}
        >
          <span className={styles.titleText}>
            <span className={mergeClasses(styles.severity, severityClass(kind.severity))}>
              <SeverityIcon severity={kind.severity} />
              {t(SEVERITY_LABEL[kind.severity])}
            </span>
            <span>{t('problems.kindCount', { kind: issueKind(lang, kind.code), count: formatCount(lang, kind.issues.length) })}</span>
          </span>
        </Button>
      )}
      {expanded && (
        <ul id={listId} className={styles.list}>
          {items.map((issue, i) => (
            <li key={`${issue.cell ?? ''}-${i}`}>
              <ProblemItem issue={issue} describedBy={describedBy} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
      {expanded && hidden > 0 && (
        <div>
          <Button appearance="transparent" size="small" className={styles.textButton} onClick={() => setAll(true)}>
            {t('problems.more', { count: formatCount(lang, hidden) })}
          </Button>
        </div>
      )}
    </div>
  );
}

interface ProblemItemProps {
  issue: Issue;
  /** id of the "click or press Enter to select" hint */
  describedBy: string;
  onSelect: ProblemListProps['onSelect'];
}

function ProblemItem({ issue, describedBy, onSelect }: ProblemItemProps) {
  const styles = useStyles();
  const severityClass = useSeverityClass();
  const { lang, t } = useI18n();
  const content = (
    <>
      <span className={styles.line}>
        <span className={mergeClasses(styles.severity, severityClass(issue.severity))}>
          <SeverityIcon severity={issue.severity} />
          {t(SEVERITY_LABEL[issue.severity])}
        </span>
        {issue.cell && <span className={styles.cell}>{issue.cell}</span>}
        {issue.header && <span className={styles.meta}>{t('problem.header', { header: issue.header })}</span>}
      </span>
      {issue.found !== undefined && issue.found !== '' && <span className={styles.meta}>{t('problem.found', { found: issue.found })}</span>}
      <span className={styles.message}>{issueMessage(lang, issue)}</span>
    </>
  );
  const itemClass = mergeClasses(styles.item, styles[issue.severity]);
  if (issue.cell) {
    const cell = issue.cell;
    return (
      <button
        type="button"
        data-testid="problem-item"
        data-severity={issue.severity}
        data-cell={cell}
        className={mergeClasses(itemClass, styles.clickable, styles.focus)}
        aria-describedby={describedBy}
        onClick={() => onSelect(issue.sheet, cell)}
      >
        {content}
      </button>
    );
  }
  return (
    <div data-testid="problem-item" data-severity={issue.severity} className={itemClass}>
      {content}
    </div>
  );
}
