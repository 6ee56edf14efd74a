import { NavLink } from 'react-router';

/** The tabs of the alerts section. */
export function AlertsNav() {
  return (
    <nav className="tabs" aria-label="Alerts">
      <NavLink to="/alerts" end>
        Rules
      </NavLink>
      <NavLink to="/alerts/incidents">Incidents</NavLink>
      <NavLink to="/alerts/history">History</NavLink>
      <NavLink to="/alerts/integrations">Integrations</NavLink>
    </nav>
  );
}
