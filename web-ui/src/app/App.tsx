import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { AcceptInvitePage } from '../features/settings/AcceptInvitePage';
import { Layout } from './Layout';
import { EmptyState } from '../ui/states/StateViews';
import { SECTIONS } from './sections';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Client errors (404, 403, 401) do not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/accept/:org/:memberId/:token" element={<AcceptInvitePage />} />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to={`/${SECTIONS[0].path}`} replace />} />
        {SECTIONS.map((section) => (
          <Route key={section.id} path={section.path}>
            {section.pages.map((page) =>
              page.path ? (
                <Route key={page.path} path={page.path} element={page.element} />
              ) : (
                <Route key="index" index element={page.element} />
              ),
            )}
          </Route>
        ))}
        <Route
          path="*"
          element={
            <EmptyState title="Page not found">
              <p>
                <Link to={`/${SECTIONS[0].path}`}>Go to the {SECTIONS[0].label.toLowerCase()}</Link>
              </p>
            </EmptyState>
          }
        />
      </Route>
    </Routes>
  );
}

export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
