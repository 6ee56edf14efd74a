import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './api';
import { ErrorState, Loading } from '../../ui/states/StateViews';

/** Renders its children for a signed-in user; everyone else is sent to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return <Loading label="Checking your session…" />;
  }
  if (session.isError) {
    return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  }
  if (!session.data) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}
