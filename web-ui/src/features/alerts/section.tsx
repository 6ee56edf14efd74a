import type { Section } from '../../app/section';
import { AlertRulesPage } from './AlertRulesPage';
import { HistoryPage } from './HistoryPage';
import { IncidentPage, IncidentsPage } from './IncidentsPage';
import { IntegrationsPage } from './IntegrationsPage';
import { IssueRuleEditor } from './IssueRuleEditor';
import { MetricRuleEditor } from './MetricRuleEditor';

export const alertsSection: Section = {
  id: 'alerts',
  label: 'Alerts',
  path: 'alerts',
  pages: [
    { path: '', element: <AlertRulesPage /> },
    { path: 'issue/new', element: <IssueRuleEditor /> },
    { path: 'issue/:projectSlug/:ruleId', element: <IssueRuleEditor /> },
    { path: 'metric/new', element: <MetricRuleEditor /> },
    { path: 'metric/:ruleId', element: <MetricRuleEditor /> },
    { path: 'incidents', element: <IncidentsPage /> },
    { path: 'incidents/:identifier', element: <IncidentPage /> },
    { path: 'integrations', element: <IntegrationsPage /> },
    { path: 'history', element: <HistoryPage /> },
  ],
};
