import type { Assignee, Member, Team } from '../../../api/models';

/** The API's `assignedTo` value of an assignee: `user:3`, `team:2`, or '' for nobody. */
export function assigneeValue(assignee: Assignee | null | undefined): string {
  return assignee ? `${assignee.type}:${assignee.id}` : '';
}

export function assigneeName(assignee: Assignee | null | undefined): string {
  if (!assignee) {
    return 'Unassigned';
  }
  return assignee.type === 'team' ? `#${assignee.name}` : assignee.name || assignee.email || `user ${assignee.id}`;
}

/** Members and teams to assign to; `onAssign('')` unassigns. */
export function AssigneeSelect({
  members,
  teams,
  current,
  onAssign,
  label = 'Assignee',
  placeholder,
  disabled,
}: {
  members: Member[];
  teams: Team[];
  current?: Assignee | null;
  onAssign: (assignedTo: string) => void;
  label?: string;
  /** A first, empty choice (the bulk action's "Assign to…"); without it the current assignee is shown. */
  placeholder?: string;
  disabled?: boolean;
}) {
  const value = placeholder ? '' : assigneeValue(current);
  return (
    <select
      aria-label={label}
      className="assignee-select"
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const chosen = e.target.value;
        if (placeholder && chosen === '') {
          return;
        }
        onAssign(chosen === '__none' ? '' : chosen);
      }}
    >
      {placeholder ? <option value="">{placeholder}</option> : <option value="">Unassigned</option>}
      {placeholder && <option value="__none">Unassign</option>}
      <optgroup label="Members">
        {members.map((member) => (
          <option key={member.id} value={`user:${member.user?.id ?? member.id}`}>
            {member.name || member.user?.name || member.email}
          </option>
        ))}
      </optgroup>
      <optgroup label="Teams">
        {teams.map((team) => (
          <option key={team.id} value={`team:${team.id}`}>
            #{team.slug}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
