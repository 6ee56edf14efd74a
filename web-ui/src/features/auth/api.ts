// The session: who is signed in, signing in and out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiJson } from '../../api/client';
import type { Session } from '../../api/models';

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session | null> => {
      try {
        return await apiJson<Session>('/api/0/auth/session/', { noRedirect: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiJson<Session>('/api/0/auth/login/', { method: 'POST', body: credentials, noRedirect: true }),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(['session'], session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson<void>('/api/0/auth/logout/', { method: 'POST', noRedirect: true }),
    onSettled: () => {
      client.clear();
      client.setQueryData(['session'], null);
    },
  });
}
