// The instance administrator's view of the running system: status and dead letters.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client';

export interface PartitionLag {
  partition: number;
  endOffset: number;
  committedOffset: number;
  lag: number;
}

export interface SystemStatus {
  version: string;
  startedAt: string;
  readAt: string;
  healthy: boolean;
  queue: { group: string; lag: number; partitions: PartitionLag[]; error: string | null };
  stores: Array<{ name: string; healthy: boolean; latencyMs: number }>;
  disk: { path: string; freeBytes: number; totalBytes: number; minFreeBytes: number; low: boolean } | null;
  schema: { version: string | null; description: string | null; error: string | null };
  processed: Array<{ hour: string; accepted: number }>;
  dropped: Array<{ outcome: string; reason: string; category: string; items: number }>;
}

export interface DeadLetter {
  id: string;
  projectId: string;
  queuePosition: string;
  itemIndex: number;
  itemType: string;
  reason: string;
  detail: string;
  dateReceived: string;
  dateParked: string;
  payload?: { encoding: 'utf-8' | 'base64'; data: string } | null;
}

const STATUS = '/api/0/internal/system/status/';
const LETTERS = '/api/0/internal/dead-letters/';

/** The status, read again every 10 s (the server takes a reading as often). */
export function useSystemStatus() {
  return useQuery({
    queryKey: ['system-status'],
    queryFn: () => apiJson<SystemStatus>(STATUS),
    refetchInterval: 10_000,
    retry: false,
  });
}

export function useDeadLetters() {
  return useQuery({
    queryKey: ['dead-letters'],
    queryFn: () => apiJson<DeadLetter[]>(`${LETTERS}?limit=100`),
    retry: false,
  });
}

export function useDeadLetter(id: string | null) {
  return useQuery({
    queryKey: ['dead-letters', id],
    queryFn: () => apiJson<DeadLetter>(`${LETTERS}${encodeURIComponent(id!)}/`),
    enabled: id !== null,
  });
}

/** Replays one letter, purges one, or (with `all`) purges every letter. */
export function useDeadLetterAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'replay' | 'purge' } | { id: 'all'; action: 'purge' }) =>
      action === 'replay'
        ? apiJson<unknown>(`${LETTERS}${encodeURIComponent(id)}/replay/`, { method: 'POST' })
        : apiJson<unknown>(id === 'all' ? LETTERS : `${LETTERS}${encodeURIComponent(id)}/`, { method: 'DELETE' }),
    onSettled: () => {
      client.invalidateQueries({ queryKey: ['dead-letters'] });
      client.invalidateQueries({ queryKey: ['system-status'] });
    },
  });
}
