import type { Section } from '../../app/section';
import { SystemPage } from './SystemPage';

export const systemSection: Section = {
  id: 'system',
  label: 'System',
  path: 'system',
  pages: [{ path: '', element: <SystemPage /> }],
};
