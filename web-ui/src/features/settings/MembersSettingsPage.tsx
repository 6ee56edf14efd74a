import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { useSession } from '../auth/api';
import { can, SettingsFrame } from './SettingsFrame';
import {
  type MemberEntry,
  type OrganizationDetail,
  useInviteMember,
  useMemberList,
  useRemoveMember,
  useTeamList,
  useUpdateMember,
} from './api';

const ROLE_ORDER = ['member', 'admin', 'manager', 'owner'];

/** Members and invitations: invite by email (the link shown to copy), change roles, remove, leave. */
export function MembersSettingsPage() {
  return <SettingsFrame title="Members">{(organization) => <Members organization={organization} />}</SettingsFrame>;
}

function Members({ organization }: { organization: OrganizationDetail }) {
  const members = useMemberList(organization.slug);
  const session = useSession();
  const update = useUpdateMember(organization.slug);
  const remove = useRemoveMember(organization.slug);
  const [link, setLink] = useState<{ email: string; link: string; mailed: boolean } | null>(null);
  if (members.isPending) {
    return <Loading />;
  }
  if (members.isError) {
    return <ErrorState error={members.error} onRetry={() => members.refetch()} />;
  }
  const myRank = ROLE_ORDER.indexOf(organization.role);
  const assignable = organization.orgRoleList.filter((role) => ROLE_ORDER.indexOf(role.id) <= myRank);
  const manages = can(organization.access, 'member:admin');
  const me = session.data?.user.id;
  const error = update.error ?? remove.error;
  const showLink = (member: MemberEntry) => {
    if (member.inviteLink) {
      setLink({ email: member.email, link: member.inviteLink, mailed: !!member.inviteMailed });
    }
  };
  return (
    <>
      {can(organization.access, 'member:invite') && (
        <InviteForm organization={organization} roles={assignable.map((r) => r.id)} onInvited={showLink} />
      )}
      {link && (
        <div className="card" role="status" data-testid="invite-link">
          <p>
            {link.mailed ? `An invitation was mailed to ${link.email}. ` : `No mail was sent to ${link.email}: share this link with them. `}
            It is shown only now.
          </p>
          <p className="path">
            <code>{link.link}</code> <CopyButton text={link.link} label="Copy link" />
          </p>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <caption className="muted">{members.data.length} members and invitations</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => {
              const self = member.user?.id === me;
              const reachable = manages && ROLE_ORDER.indexOf(member.orgRole) <= myRank;
              return (
                <tr key={member.id}>
                  <td>
                    {member.name !== member.email && <strong>{member.name} </strong>}
                    <span className="muted">{member.email}</span>{' '}
                    {member.pending && <span className="badge">{member.expired ? 'invitation expired' : 'invited'}</span>}
                  </td>
                  <td>
                    {reachable && !self ? (
                      <select
                        aria-label={`Role of ${member.email}`}
                        value={member.orgRole}
                        onChange={(e) => update.mutate({ id: member.id, orgRole: e.target.value })}
                      >
                        {assignable.map((role) => (
                          <option key={role.id} value={role.id}>
                            {role.name}
                          </option>
                        ))}
                      </select>
                    ) : (
                      member.orgRole
                    )}
                  </td>
                  <td>{member.teams.join(', ')}</td>
                  <td>
                    {member.pending && can(organization.access, 'member:invite') && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => update.mutate({ id: member.id, regenerate: true }, { onSuccess: (m) => m && showLink(m) })}
                      >
                        New link
                      </button>
                    )}{' '}
                    {self ? (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => window.confirm(`Leave ${organization.name}?`) && remove.mutate(member.id)}
                      >
                        Leave
                      </button>
                    ) : (
                      reachable && (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={() =>
                            window.confirm(member.pending ? `Withdraw the invitation of ${member.email}?` : `Remove ${member.email}?`) &&
                            remove.mutate(member.id)
                          }
                        >
                          {member.pending ? 'Withdraw' : 'Remove'}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function InviteForm({
  organization,
  roles,
  onInvited,
}: {
  organization: OrganizationDetail;
  roles: string[];
  onInvited: (member: MemberEntry) => void;
}) {
  const invite = useInviteMember(organization.slug);
  const teams = useTeamList(organization.slug);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [team, setTeam] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), orgRole: role, teams: team ? [team] : [] },
      {
        onSuccess: (member) => {
          setEmail('');
          if (member) {
            onInvited(member);
          }
        },
      },
    );
  };
  return (
    <form className="card inline-form" onSubmit={submit} aria-label="Invite a member">
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team
        <select value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">none</option>
          {(teams.data ?? []).map((t) => (
            <option key={t.slug} value={t.slug}>
              #{t.slug}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={invite.isPending}>
        Invite
      </button>
      {invite.error && (
        <p className="form-error" role="alert">
          {invite.error.message}
        </p>
      )}
    </form>
  );
}
