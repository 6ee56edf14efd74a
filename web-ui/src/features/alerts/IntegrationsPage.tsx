import { useState, type FormEvent } from 'react';
import { useOrganization } from '../organization/api';
import { RelativeTime } from '../../ui/RelativeTime';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { AlertsNav } from './AlertsNav';
import { useCreateIntegration, useDeleteIntegration, useIntegrations, useTestIntegration } from './api';

/** What each provider needs, in the order the form asks. */
const PROVIDERS: Record<string, { label: string; fields: Array<{ key: string; label: string; secret?: boolean }> }> = {
  slack: { label: 'Slack (incoming webhook)', fields: [{ key: 'url', label: 'Webhook URL', secret: true }, { key: 'channel', label: 'Channel (optional)' }] },
  msteams: { label: 'Microsoft Teams (incoming webhook)', fields: [{ key: 'url', label: 'Webhook URL', secret: true }] },
  discord: { label: 'Discord (webhook)', fields: [{ key: 'url', label: 'Webhook URL', secret: true }] },
  pagerduty: { label: 'PagerDuty (Events API v2)', fields: [{ key: 'integrationKey', label: 'Integration key', secret: true }] },
  opsgenie: { label: 'Opsgenie', fields: [{ key: 'apiKey', label: 'API key', secret: true }] },
  webhook: { label: 'Webhook (signed, Sentry integration format)', fields: [{ key: 'url', label: 'URL' }] },
};

/** The organization's notification integrations, with the "send test notification" button. */
export function IntegrationsPage() {
  const organization = useOrganization();
  const org = organization.data?.slug;
  const integrations = useIntegrations(org);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Integrations</h1>
        <p className="muted">Settings are stored encrypted and never shown again; a failing destination shows its last error here.</p>
      </div>
      <AlertsNav />
      {org && <CreateIntegration org={org} />}
      {organization.isPending || integrations.isPending ? (
        <Loading />
      ) : integrations.isError ? (
        <ErrorState error={integrations.error} onRetry={() => integrations.refetch()} />
      ) : integrations.data.length === 0 ? (
        <EmptyState title="No integrations yet" />
      ) : (
        <IntegrationList org={org!} />
      )}
    </section>
  );
}

function IntegrationList({ org }: { org: string }) {
  const integrations = useIntegrations(org);
  const test = useTestIntegration(org);
  const remove = useDeleteIntegration(org);
  const [results, setResults] = useState<Record<string, string>>({});
  return (
    <ul className="card-list" aria-label="Integrations">
      {(integrations.data ?? []).map((integration) => (
        <li key={integration.id} className="card">
          <div className="card-header">
            <h2>
              {integration.name} <span className="badge">{integration.provider}</span>
            </h2>
            {integration.status.lastStatus && (
              <span className={integration.status.lastStatus === 'ok' ? 'badge badge-ok' : 'badge badge-error'}>
                {integration.status.lastStatus === 'ok' ? 'delivering' : 'failing'}
              </span>
            )}
          </div>
          {integration.status.lastDelivery && (
            <p className="muted">
              Last delivery <RelativeTime date={integration.status.lastDelivery} />
              {integration.status.lastError ? `: ${integration.status.lastError}` : ''}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={test.isPending}
              onClick={() =>
                test.mutate(integration.id, {
                  onSuccess: (result) =>
                    setResults((current) => ({
                      ...current,
                      [integration.id]: result.success ? 'Test notification sent.' : `Not delivered: ${result.detail ?? 'unknown error'}`,
                    })),
                })
              }
            >
              Send test notification
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                if (window.confirm(`Delete ${integration.name}?`)) {
                  remove.mutate(integration.id);
                }
              }}
            >
              Delete
            </button>
          </div>
          {results[integration.id] && <p role="status">{results[integration.id]}</p>}
        </li>
      ))}
    </ul>
  );
}

function CreateIntegration({ org }: { org: string }) {
  const create = useCreateIntegration(org);
  const [provider, setProvider] = useState('slack');
  const [name, setName] = useState('');
  const [config, setConfig] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const filled = Object.fromEntries(Object.entries(config).filter(([, value]) => value.trim() !== ''));
    create.mutate(
      { provider, name: name.trim(), config: filled },
      {
        onSuccess: (created) => {
          setName('');
          setConfig({});
          setSecret(provider === 'webhook' ? (created.config.clientSecret ?? null) : null);
        },
        onError: (cause) => setError(cause instanceof Error ? cause.message : String(cause)),
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Add integration">
      <label>
        Provider
        <select
          value={provider}
          onChange={(event) => {
            setProvider(event.target.value);
            setConfig({});
          }}
        >
          {Object.entries(PROVIDERS).map(([key, value]) => (
            <option key={key} value={key}>
              {value.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} required />
      </label>
      {PROVIDERS[provider].fields.map((field) => (
        <label key={field.key}>
          {field.label}
          <input
            type={field.secret ? 'password' : 'text'}
            value={config[field.key] ?? ''}
            onChange={(event) => setConfig((current) => ({ ...current, [field.key]: event.target.value }))}
          />
        </label>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <p role="status">
          Signing secret (shown once): <code>{secret}</code>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Add integration
        </button>
      </div>
    </form>
  );
}
