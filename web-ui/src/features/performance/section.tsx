import type { Section } from '../../app/section';
import { TraceViewPage } from './TraceViewPage';
import { TransactionSummaryPage } from './TransactionSummaryPage';
import { TransactionsPage } from './TransactionsPage';
import { WebVitalsPage } from './WebVitalsPage';
import './performance.css';

export const performanceSection: Section = {
  id: 'performance',
  label: 'Performance',
  path: 'performance',
  pages: [
    { path: '', element: <TransactionsPage /> },
    { path: 'summary', element: <TransactionSummaryPage /> },
    { path: 'vitals', element: <WebVitalsPage /> },
    { path: 'trace/:traceId', element: <TraceViewPage /> },
  ],
};
