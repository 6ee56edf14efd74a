package dev.faultline.storage.jdbc;

import java.time.Clock;

import dev.faultline.storage.alert.AlertStores;
import dev.faultline.storage.debugfile.DebugFileStore;
import dev.faultline.storage.discover.DashboardStore;
import dev.faultline.storage.discover.SavedQueryStore;
import dev.faultline.storage.metadata.CountedEvents;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.OutcomeStore;
import dev.faultline.storage.metadata.ProjectSettingsStore;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.SavedSearchStore;
import dev.faultline.storage.metadata.SchemaVersion;
import dev.faultline.storage.metadata.SessionStore;
import dev.faultline.storage.metadata.TokenStore;
import dev.faultline.storage.metadata.UserStore;
import dev.faultline.storage.monitor.MonitorStore;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;

/**
 * The metadata port over one {@link JdbcDatabase} whose schema the adapter has already
 * migrated. Thread-safe; closing it closes the database.
 */
public class JdbcMetadataStores implements MetadataStores {

	private static final String LATEST_MIGRATION = "SELECT version, description FROM flyway_schema_history "
			+ "WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";

	private final JdbcDatabase database;

	private final OrganizationStore organizations;

	private final ProjectStore projects;

	private final UserStore users;

	private final TokenStore tokens;

	private final MembershipStore memberships;

	private final IssueStore issues;

	private final DeadLetterStore deadLetters;

	private final SessionStore sessions;

	private final OutcomeStore outcomes;

	private final ProjectSettingsStore projectSettings;

	private final SavedSearchStore savedSearches;

	private final CountedEvents countedEvents;

	private final ReleaseStore releases;

	private final ArtifactBundleStore artifactBundles;

	private final MonitorStore monitors;

	private final AlertStores alerts;

	private final DebugFileStore debugFiles;

	private final SavedQueryStore savedQueries;

	private final DashboardStore dashboards;

	/**
	 * @param clock stamps {@code dateCreated} of new rows, activities, status changes and
	 * the first sighting of releases
	 */
	public JdbcMetadataStores(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.organizations = new JdbcOrganizationStore(database, clock);
		this.projects = new JdbcProjectStore(database, clock);
		this.users = new JdbcUserStore(database, clock);
		this.tokens = new JdbcTokenStore(database, clock);
		this.memberships = new JdbcMembershipStore(database, clock);
		this.issues = new JdbcIssueStore(database, clock);
		this.deadLetters = new JdbcDeadLetterStore(database);
		this.sessions = new JdbcSessionStore(database, clock);
		this.outcomes = new JdbcOutcomeStore(database);
		this.projectSettings = new JdbcProjectSettingsStore(database);
		this.savedSearches = new JdbcSavedSearchStore(database, clock);
		this.countedEvents = new JdbcCountedEvents(database);
		this.releases = new JdbcReleaseStore(database, clock);
		this.artifactBundles = new JdbcArtifactBundleStore(database, clock);
		this.monitors = new JdbcMonitorStore(database, clock);
		this.debugFiles = new JdbcDebugFileStore(database, clock);
		this.savedQueries = new JdbcSavedQueryStore(database, clock);
		this.dashboards = new JdbcDashboardStore(database, clock);
		this.alerts = new JdbcAlertStores(database, clock);
	}

	@Override
	public OrganizationStore organizations() {
		return this.organizations;
	}

	@Override
	public ProjectStore projects() {
		return this.projects;
	}

	@Override
	public UserStore users() {
		return this.users;
	}

	@Override
	public TokenStore tokens() {
		return this.tokens;
	}

	@Override
	public MembershipStore memberships() {
		return this.memberships;
	}

	@Override
	public IssueStore issues() {
		return this.issues;
	}

	@Override
	public DeadLetterStore deadLetters() {
		return this.deadLetters;
	}

	@Override
	public SessionStore sessions() {
		return this.sessions;
	}

	@Override
	public CountedEvents countedEvents() {
		return this.countedEvents;
	}

	@Override
	public OutcomeStore outcomes() {
		return this.outcomes;
	}

	@Override
	public ProjectSettingsStore projectSettings() {
		return this.projectSettings;
	}

	@Override
	public SavedSearchStore savedSearches() {
		return this.savedSearches;
	}

	@Override
	public ReleaseStore releases() {
		return this.releases;
	}

	@Override
	public ArtifactBundleStore artifactBundles() {
		return this.artifactBundles;
	}

	@Override
	public MonitorStore monitors() {
		return this.monitors;
	}

	@Override
	public DebugFileStore debugFiles() {
		return this.debugFiles;
	}

	@Override
	public SavedQueryStore savedQueries() {
		return this.savedQueries;
	}

	@Override
	public DashboardStore dashboards() {
		return this.dashboards;
	}

	@Override
	public AlertStores alerts() {
		return this.alerts;
	}

	/** Read from Flyway's history table, which both adapters' migrations fill. */
	@Override
	public SchemaVersion schemaVersion() {
		return this.database.read((connection) -> Queries
			.first(connection, LATEST_MIGRATION, (row) -> new SchemaVersion(row.getString(1), row.getString(2)))
			.orElseThrow(() -> new MetadataAccessException("the schema has no successful migration", null)));
	}

	@Override
	public boolean isHealthy() {
		return this.database.isHealthy();
	}

	@Override
	public void close() {
		this.database.close();
	}

}
