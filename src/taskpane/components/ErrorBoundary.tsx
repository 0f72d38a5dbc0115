/**
 * Last line of defence: a rendering error shows a message and a retry button instead of a blank
 * pane. Errors of actions never get here; they are caught and shown by <App>.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeError } from '../state/errors';
import { translate } from '../../messages/translate';

interface State {
  error: string | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: describeError(error).message || translate('en', 'error.unknown') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Progress Review task pane:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div style={{ padding: 12 }} data-testid="crash">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
            <MessageBarTitle>
              <span lang="ja">{translate('ja', 'app.crash.title')}</span> / <span lang="en">{translate('en', 'app.crash.title')}</span>
            </MessageBarTitle>
            <span style={{ display: 'block' }}>{this.state.error}</span>
          </MessageBarBody>
        </MessageBar>
        <Button style={{ marginTop: 8 }} onClick={() => this.setState({ error: null })}>
          {translate('ja', 'app.crash.retry')} / {translate('en', 'app.crash.retry')}
        </Button>
      </div>
    );
  }
}
