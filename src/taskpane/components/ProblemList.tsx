/**
 * Problems grouped by sheet: errors first, then warnings; the reasons why a value was left blank
 * (severity info) on request. An item with a cell is a button: click, Enter or Space selects the
 * cell in the workbook. Long lists show the first items of each sheet and a button for the rest.
 */
import { Button, createFocusOutlineStyle, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Issue, Severity } from '../../domain/base/issues';
import { useI18n } from '../i18n/I18nContext';
import { formatCount, type MessageKey } from '../../messages/translate';
import { countProblems, groupProblems } from '../state/problems';
import { issueMessage } from '../../messages/issueText';
import { useSharedStyles } from './styles';

/** items shown per sheet before "show more" */
export const PROBLEMS_PAGE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  groupCounts: {
    marginLeft: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
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
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
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
  severityError: { color: tokens.colorStatusDangerForeground1 },
  severityWarning: { color: tokens.colorStatusWarningForeground3 },
  severityInfo: { color: tokens.colorNeutralForeground3 },
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

export interface ProblemListProps {
  issues: readonly Issue[];
  onSelect: (sheet: string, cell: string) => void;
  /** heading level of the list title (sheet titles are one below) */
  level?: 2 | 3;
}

export function ProblemList({ issues, onSelect, level = 2 }: ProblemListProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { lang, t } = useI18n();
  const [showInfo, setShowInfo] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const hintId = useId('problem-hint-');
  const titleId = useId('problems-title-');
  const counts = useMemo(() => countProblems(issues), [issues]);
  const groups = useMemo(() => groupProblems(issues, { includeInfo: showInfo }), [issues, showInfo]);
  const Title = level === 2 ? 'h2' : 'h3';
  const SheetTitle = level === 2 ? 'h3' : 'h4';

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Title id={titleId} className={shared.sectionTitle}>
        {t('problems.title')}
      </Title>
      <p id={hintId} className={shared.visuallyHidden}>
        {t('problems.selectHint')}
      </p>
      {counts.errors + counts.warnings === 0 && <p className={styles.none}>{t('problems.none')}</p>}
      {groups.map((g) => {
        const open = expanded.has(g.sheet);
        const shown = open ? g.issues : g.issues.slice(0, PROBLEMS_PAGE);
        const hidden = g.issues.length - shown.length;
        return (
          <div key={g.sheet} className={styles.group}>
            <SheetTitle className={mergeClasses(styles.groupTitle, shared.wrap)}>
              {g.sheet || t('problems.workbook')}
              <span className={styles.groupCounts}>
                {t('problems.groupCounts', { errors: formatCount(lang, g.errors), warnings: formatCount(lang, g.warnings) })}
              </span>
            </SheetTitle>
            <ul className={styles.list}>
              {shown.map((issue, i) => (
                <li key={`${issue.code}-${issue.cell ?? ''}-${i}`}>
                  <ProblemItem issue={issue} describedBy={hintId} onSelect={onSelect} />
                </li>
              ))}
            </ul>
            {hidden > 0 && (
              <div>
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.textButton}
                  onClick={() => setExpanded((s) => new Set(s).add(g.sheet))}
                >
                  {t('problems.more', { count: formatCount(lang, hidden) })}
                </Button>
              </div>
            )}
          </div>
        );
      })}
      {counts.infos > 0 && (
        <div className={styles.buttons}>
          <Button
            appearance="transparent"
            size="small"
            className={styles.textButton}
            aria-pressed={showInfo}
            onClick={() => setShowInfo((v) => !v)}
          >
            {showInfo ? t('problems.hideInfo') : t('problems.showInfo', { count: formatCount(lang, counts.infos) })}
          </Button>
        </div>
      )}
    </section>
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
  const { lang, t } = useI18n();
  const severityClass =
    issue.severity === 'error' ? styles.severityError : issue.severity === 'warning' ? styles.severityWarning : styles.severityInfo;
  const Icon = issue.severity === 'error' ? ErrorCircleRegular : issue.severity === 'warning' ? WarningRegular : InfoRegular;
  const content = (
    <>
      <span className={styles.line}>
        <span className={mergeClasses(styles.severity, severityClass)}>
          <Icon aria-hidden="true" />
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
