import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** Whatever goes wrong while drawing a page, the reader gets a Spanish message and a way back, never a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the browser console for the office's support; never shown on the page.
    console.error('Rumbo: error al mostrar la página', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-box" role="alert">
        <p>Algo salió mal al mostrar esta página. Recargue la página; si vuelve a pasar, avise a la oficina de planeación.</p>
        <p>
          <a href="/">Volver al inicio</a>
        </p>
      </div>
    );
  }
}
