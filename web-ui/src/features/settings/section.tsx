import type { Section } from '../../app/section';
import { GeneralSettingsPage } from './GeneralSettingsPage';
import { MembersSettingsPage } from './MembersSettingsPage';
import { TeamsSettingsPage } from './TeamsSettingsPage';
import { TokensSettingsPage } from './TokensSettingsPage';

export const settingsSection: Section = {
  id: 'settings',
  label: 'Settings',
  path: 'settings',
  pages: [
    { path: '', element: <GeneralSettingsPage /> },
    { path: 'members', element: <MembersSettingsPage /> },
    { path: 'teams', element: <TeamsSettingsPage /> },
    { path: 'tokens', element: <TokensSettingsPage /> },
  ],
};
