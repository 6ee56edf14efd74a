import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { RelativeTime } from '../../ui/RelativeTime';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { SettingsFrame } from './SettingsFrame';
import {
  type OrganizationDetail,
  TOKEN_SCOPES,
  useCreateOrganizationToken,
  useCreatePersonalToken,
  useOrganizationTokens,
  usePersonalTokens,
  useRevokeOrganizationToken,
  useRevokePersonalToken,
} from './api';

/** API tokens: the organization's (for CI and sentry-cli) and the user's own; each secret shown once. */
export function TokensSettingsPage() {
  return (
    <SettingsFrame title="API tokens">
      {(organization) => (
        <>
          <OrganizationTokens organization={organization} />
          <PersonalTokens />
        </>
      )}
    </SettingsFrame>
  );
}

function NewSecret({ secret, what }: { secret: string; what: string }) {
  return (
    <div className="card" role="status" data-testid="new-token">
      <p>
        Your new {what}. Copy it now: it is shown only once.
      </p>
      <p className="path">
        <code>{secret}</code> <CopyButton text={secret} label="Copy token" />
      </p>
    </div>
  );
}

function OrganizationTokens({ organization }: { organization: OrganizationDetail }) {
  const tokens = useOrganizationTokens(organization.slug);
  const create = useCreateOrganizationToken(organization.slug);
  const revoke = useRevokeOrganizationToken(organization.slug);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setName('');
        setSecret(token.token ?? null);
      },
    });
  };
  return (
    <div className="card" data-testid="organization-tokens">
      <div className="card-header">
        <h2>Organization tokens</h2>
      </div>
      <p className="muted">For CI: sentry-cli reads the organization and this server's URL from the token (scope org:ci).</p>
      <form className="inline-form" onSubmit={submit} aria-label="Create an organization token">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {secret && <NewSecret secret={secret} what="organization token" />}
      {(create.error ?? revoke.error) && (
        <p className="form-error" role="alert">
          {(create.error ?? revoke.error)!.message}
        </p>
      )}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : (
        <TokenTable
          label="Organization tokens"
          rows={tokens.data.map((t) => ({ ...t, scopes: t.scopes }))}
          onRevoke={(id) => revoke.mutate(id)}
        />
      )}
    </div>
  );
}

function PersonalTokens() {
  const tokens = usePersonalTokens();
  const create = useCreatePersonalToken();
  const revoke = useRevokePersonalToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['org:read', 'project:read', 'event:read']);
  const [secret, setSecret] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess: (token) => {
          setName('');
          setSecret(token.token ?? null);
        },
      },
    );
  };
  const toggle = (scope: string) =>
    setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));
  return (
    <div className="card" data-testid="personal-tokens">
      <div className="card-header">
        <h2>Personal tokens</h2>
      </div>
      <p className="muted">Act as you, never beyond your role in an organization.</p>
      <form onSubmit={submit} aria-label="Create a personal token" className="stack">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
              {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={create.isPending || scopes.length === 0}>
          Create token
        </button>
      </form>
      {secret && <NewSecret secret={secret} what="personal token" />}
      {(create.error ?? revoke.error) && (
        <p className="form-error" role="alert">
          {(create.error ?? revoke.error)!.message}
        </p>
      )}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : (
        <TokenTable label="Personal tokens" rows={tokens.data} onRevoke={(id) => revoke.mutate(id)} />
      )}
    </div>
  );
}

function TokenTable({
  label,
  rows,
  onRevoke,
}: {
  label: string;
  rows: Array<{ id: string; name: string; scopes: string[]; dateCreated: string; dateLastUsed: string | null; tokenLastCharacters: string }>;
  onRevoke: (id: string) => void;
}) {
  if (rows.length === 0) {
    return <p className="muted">No tokens yet.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.name || <span className="muted">unnamed</span>}</td>
              <td>
                <code>…{row.tokenLastCharacters}</code>
              </td>
              <td>{row.scopes.join(', ')}</td>
              <td>
                <RelativeTime date={row.dateCreated} />
              </td>
              <td>{row.dateLastUsed ? <RelativeTime date={row.dateLastUsed} /> : <span className="muted">never</span>}</td>
              <td>
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => window.confirm(`Revoke ${row.name || 'this token'}? Anything using it stops working.`) && onRevoke(row.id)}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
