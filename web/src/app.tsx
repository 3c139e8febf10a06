import { BrowserRouter, Route, Routes } from 'react-router';
import { ViewerProvider } from './auth/viewer-context';
import { AppLinkProvider } from './components/app-link';
import { ErrorBoundary } from './components/error-boundary';
import { Layout } from './components/layout';
import { NotFound } from './components/status';
import { BatchesPage } from './pages/batches.page';
import { HomePage } from './pages/home.page';
import { InstancePage } from './pages/instance.page';
import { KeysPage } from './pages/keys.page';
import { PolicyPage } from './pages/policy.page';
import { ProductPage } from './pages/product.page';
import { ReportPage } from './pages/report.page';
import { ReviewPage } from './pages/review.page';
import { SessionPage } from './pages/session.page';
import { SignInPage } from './pages/sign-in.page';

/** The URLs are stable (people paste them into e-mails and minutes): docs/web.md#direcciones. */
export function App() {
  return (
    <ErrorBoundary>
      <BrowserRouter>
        <ViewerProvider>
          <AppLinkProvider>
            <Layout>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/ingresar" element={<SignInPage />} />
                <Route path="/politicas/:code" element={<PolicyPage />} />
                <Route path="/politicas/:code/productos/:productCode" element={<ProductPage />} />
                <Route path="/instancias/:code" element={<InstancePage />} />
                <Route path="/instancias/:code/sesiones/:year/:number" element={<SessionPage />} />
                <Route path="/lotes" element={<BatchesPage />} />
                <Route path="/revision" element={<ReviewPage />} />
                <Route path="/reportar" element={<ReportPage />} />
                <Route path="/reportar/lotes" element={<BatchesPage desk />} />
                <Route path="/claves" element={<KeysPage />} />
                <Route path="*" element={<NotFound message="Esta dirección no existe en Rumbo." />} />
              </Routes>
            </Layout>
          </AppLinkProvider>
        </ViewerProvider>
      </BrowserRouter>
    </ErrorBoundary>
  );
}
