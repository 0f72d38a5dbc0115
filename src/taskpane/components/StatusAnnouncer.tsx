/** A polite live region: tells screen-reader users that an action started, finished or failed. */
import { useSharedStyles } from './styles';

export function StatusAnnouncer({ text }: { text: string }) {
  const shared = useSharedStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={shared.visuallyHidden} data-testid="status">
      {text}
    </div>
  );
}
