import { NavLink, Outlet, useNavigate } from 'react-router';
import { useLogout, useSession } from '../features/auth/api';
import { SECTIONS } from './sections';

export function Layout() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          Faultline
        </NavLink>
        <nav className="nav" aria-label="Main">
          {SECTIONS.map((section) => (
            <NavLink key={section.id} to={`/${section.path}`}>
              {section.label}
            </NavLink>
          ))}
        </nav>
        <div className="user">
          <span className="user-email" title={session.data?.user.email}>
            {session.data?.user.email}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            Sign out
          </button>
        </div>
      </header>
      <main className="content" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
