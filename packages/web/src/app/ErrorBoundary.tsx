/**
 * Catches a render error anywhere below it and shows a translated, recoverable view in its
 * place, so one broken page never leaves the person with a blank window. Navigating
 * elsewhere (a new `resetKey`) starts afresh; the pages are not remounted on navigation.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { MessagePage } from './MessagePage.tsx';

interface Props {
  /** The current path: when it changes, a caught error is cleared. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Renders `children`, or the error view once one of them has thrown while rendering. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for whoever reports the problem; the view shows the message.
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error)
      return (
        <RenderErrorView
          message={this.state.error.message}
          onRetry={() => this.setState({ error: null })}
        />
      );
    return this.props.children;
  }
}

function RenderErrorView({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t('app.renderError.title')}
      actions={
        <Button variant="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    >
      <Paragraph>{t('app.renderError.body')}</Paragraph>
      {message && (
        <Alert data-color="danger">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </MessagePage>
  );
}
