/**
 * A disclosure button over a panel (設定, ブックを取り込む): collapsed at first; the panel's content
 * is made when it is first opened (it may be a chunk of its own) and kept while collapsed. The
 * panel is always rendered, hidden when collapsed, as aria-controls needs its target.
 */
import { Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { Suspense, useState, type ReactElement, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: { minWidth: 0 },
  header: {
    width: '100%',
    minWidth: 0,
    height: 'auto',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  headerText: { display: 'flex', flexDirection: 'column', flex: '1 1 auto', minWidth: 0, textAlign: 'left' },
  headerTitle: { fontWeight: tokens.fontWeightSemibold },
  chevron: { flex: '0 0 auto', alignSelf: 'center', fontSize: '16px' },
  panel: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalXS, minWidth: 0 },
  collapsed: { display: 'none' },
});

export interface DisclosureProps {
  title: string;
  icon: ReactElement;
  /** a line under the title (the settings in force) */
  summary?: ReactNode;
  /** data-testid of the root; the button's is `<testId>-toggle` */
  testId: string;
  panelClassName?: string;
  /** the panel's content, made when the panel is first opened */
  children: () => ReactNode;
}

export function Disclosure({ title, icon, summary, testId, panelClassName, children }: DisclosureProps) {
  const styles = useStyles();
  const panelId = useId(`${testId}-panel-`);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <div className={styles.root} data-testid={testId}>
      <Button
        appearance="subtle"
        className={styles.header}
        icon={icon}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid={`${testId}-toggle`}
        onClick={() => {
          setOpened(true);
          setOpen((v) => !v);
        }}
      >
        <span className={styles.headerText}>
          <span className={styles.headerTitle}>{title}</span>
          {summary}
        </span>
        {open ? <ChevronDownRegular className={styles.chevron} aria-hidden="true" /> : <ChevronRightRegular className={styles.chevron} aria-hidden="true" />}
      </Button>
      <div id={panelId} className={mergeClasses(styles.panel, panelClassName, !open && styles.collapsed)} role="region" aria-label={title}>
        <Suspense fallback={null}>{opened && children()}</Suspense>
      </div>
    </div>
  );
}
