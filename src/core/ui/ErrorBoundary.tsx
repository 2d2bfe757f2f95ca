import { Component, type ErrorInfo, type ReactNode } from 'react';
import { setDocumentState } from './document-state';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What the user reads instead of the broken section (in the UI language). */
  message: string;
  retry: string;
  reload: string;
  /** The error in plain words when it is one the app knows (a section's code that could not be fetched). */
  explain?: (error: Error) => string | null;
}

/**
 * Keeps a failure in one section from blanking the dashboard: the section is replaced by a message,
 * the error text and two ways out (try the section again, reload the page); header and data stay.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
    // The section's message is what it draws: automation waiting for the section stops waiting.
    setDocumentState('ready');
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="view-error" role="alert" data-testid="view-error">
        <p>{this.props.message}</p>
        <pre>{this.props.explain?.(error) ?? error.message}</pre>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            {this.props.retry}
          </button>
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            {this.props.reload}
          </button>
        </div>
      </div>
    );
  }
}
