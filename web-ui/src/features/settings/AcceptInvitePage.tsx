import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { useAcceptInvite, useInviteDetails } from './api';

/**
 * The page an invitation link opens: signed in, join as yourself; without an account for the
 * invited email, create one with a name and password; with an account, sign in first.
 */
export function AcceptInvitePage() {
  const { org = '', memberId = '', token = '' } = useParams();
  const details = useInviteDetails(org, memberId, token);
  const accept = useAcceptInvite(org, memberId, token);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  if (details.isPending) {
    return <Loading />;
  }
  if (details.isError) {
    if (details.error instanceof ApiError && details.error.status === 404) {
      return (
        <main className="login">
          <div className="card login-card">
            <h1>This invitation is not valid</h1>
            <p className="muted">It may have expired, been withdrawn or already been used. Ask for a new one.</p>
          </div>
        </main>
      );
    }
    return <ErrorState error={details.error} onRetry={() => details.refetch()} />;
  }
  const invite = details.data;
  const done = () => navigate('/issues', { replace: true });
  const join = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(invite.needsAuthentication ? { name: name.trim(), password } : {}, { onSuccess: done });
  };
  const here = `/accept/${encodeURIComponent(org)}/${encodeURIComponent(memberId)}/${encodeURIComponent(token)}/`;
  return (
    <main className="login">
      <form className="card login-card" onSubmit={join} aria-labelledby="accept-title">
        <h1 id="accept-title">Join {invite.organizationName}</h1>
        <p className="muted">
          {invite.email} is invited as {invite.role}.
        </p>
        {invite.existingMember ? (
          <p>
            You are already a member. <Link to="/issues">Go to the issues</Link>
          </p>
        ) : invite.needsAuthentication && invite.hasAccount ? (
          <p>
            <Link to={`/login?next=${encodeURIComponent(here)}`}>Sign in as {invite.email}</Link> to accept.
          </p>
        ) : (
          <>
            {!invite.needsAuthentication && <p>You are signed in as {invite.signedInAs}.</p>}
            {invite.needsAuthentication && (
              <>
                <label>
                  Your name
                  <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
                </label>
                <label>
                  Choose a password
                  <input
                    type="password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    autoComplete="new-password"
                    minLength={8}
                    required
                  />
                </label>
              </>
            )}
            {accept.error && (
              <p className="form-error" role="alert">
                {accept.error.message}
              </p>
            )}
            <button type="submit" className="button button-primary" disabled={accept.isPending}>
              {invite.needsAuthentication ? 'Create account and join' : 'Join'}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
