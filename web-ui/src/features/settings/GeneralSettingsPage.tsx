import { useState, type FormEvent } from 'react';
import { can, SettingsFrame } from './SettingsFrame';
import { type OrganizationDetail, useUpdateOrganization } from './api';

/** The organization's name and whether members may join and leave teams by themselves. */
export function GeneralSettingsPage() {
  return <SettingsFrame title="Organization settings">{(organization) => <GeneralForm organization={organization} />}</SettingsFrame>;
}

function GeneralForm({ organization }: { organization: OrganizationDetail }) {
  const update = useUpdateOrganization(organization.slug);
  const [name, setName] = useState(organization.name);
  const editable = can(organization.access, 'org:write');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name: name.trim() });
  };
  return (
    <div className="card">
      <form onSubmit={submit} className="stack">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} disabled={!editable} required maxLength={64} />
        </label>
        <p className="muted">Slug: {organization.slug}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={organization.openMembership}
            disabled={!editable || update.isPending}
            onChange={(e) => update.mutate({ openMembership: e.target.checked })}
          />
          Open membership: members may join and leave any team by themselves
        </label>
        {update.error && (
          <p className="form-error" role="alert">
            {update.error.message}
          </p>
        )}
        {editable && (
          <button type="submit" className="button button-primary" disabled={update.isPending || name.trim() === organization.name}>
            Save
          </button>
        )}
        {!editable && <p className="muted">Only managers and owners change these settings.</p>}
      </form>
    </div>
  );
}
