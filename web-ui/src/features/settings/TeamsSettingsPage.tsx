import { useState, type FormEvent } from 'react';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { useSession } from '../auth/api';
import { can, SettingsFrame } from './SettingsFrame';
import { type OrganizationDetail, useCreateTeam, useDeleteTeam, useMemberList, useTeamList, useTeamMembership } from './api';

/** Teams: created, joined and left (by oneself under open membership), deleted. */
export function TeamsSettingsPage() {
  return <SettingsFrame title="Teams">{(organization) => <Teams organization={organization} />}</SettingsFrame>;
}

function Teams({ organization }: { organization: OrganizationDetail }) {
  const teams = useTeamList(organization.slug);
  const members = useMemberList(organization.slug);
  const session = useSession();
  const create = useCreateTeam(organization.slug);
  const remove = useDeleteTeam(organization.slug);
  const membership = useTeamMembership(organization.slug);
  const [name, setName] = useState('');
  if (teams.isPending) {
    return <Loading />;
  }
  if (teams.isError) {
    return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;
  }
  const myMemberId = (members.data ?? []).find((m) => m.user?.id === session.data?.user.id)?.id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const error = create.error ?? remove.error ?? membership.error;
  return (
    <>
      {can(organization.access, 'team:write') && (
        <form className="card inline-form" onSubmit={submit} aria-label="Create a team">
          <label>
            Team name
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Create team
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Members</th>
              <th scope="col">Your role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {teams.data.map((team) => (
              <tr key={team.id}>
                <td>
                  <strong>#{team.slug}</strong> <span className="muted">{team.name !== team.slug ? team.name : ''}</span>
                </td>
                <td>{team.memberCount}</td>
                <td>{team.teamRole ?? <span className="muted">not a member</span>}</td>
                <td>
                  {myMemberId && team.isMember && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => membership.mutate({ memberId: myMemberId, team: team.slug, join: false })}
                    >
                      Leave
                    </button>
                  )}
                  {myMemberId && !team.isMember && (organization.openMembership || can(organization.access, 'team:write')) && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => membership.mutate({ memberId: myMemberId, team: team.slug, join: true })}
                    >
                      Join
                    </button>
                  )}{' '}
                  {(can(organization.access, 'team:admin') || team.teamRole === 'admin') && (
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => window.confirm(`Delete #${team.slug}?`) && remove.mutate(team.slug)}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
