package dev.faultline.storage.metadata;

import dev.faultline.storage.alert.AlertStores;
import dev.faultline.storage.debugfile.DebugFileStore;
import dev.faultline.storage.discover.DashboardStore;
import dev.faultline.storage.discover.SavedQueryStore;
import dev.faultline.storage.monitor.MonitorStore;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;

/**
 * The metadata port: one adapter provides every store over one database.
 *
 * <p>
 * Opening an adapter migrates its schema (Flyway, per vendor). Thread-safe.
 */
public interface MetadataStores extends AutoCloseable {

	OrganizationStore organizations();

	ProjectStore projects();

	UserStore users();

	/**
	 * Personal and organization API tokens.
	 */
	TokenStore tokens();

	/**
	 * Roles, team membership, invitations and membership settings of organizations.
	 */
	MembershipStore memberships();

	IssueStore issues();

	/**
	 * Items the processor parked instead of processing.
	 */
	DeadLetterStore deadLetters();

	/**
	 * Sign-in sessions of the web UI.
	 */
	SessionStore sessions();

	/**
	 * The event ids already counted against an issue (the processor's duplicate check).
	 */
	CountedEvents countedEvents();

	/**
	 * Outcome counters per project and hour, for the stats pages.
	 */
	OutcomeStore outcomes();

	/**
	 * Per-project processing settings (grouping rules, scrubbing, in-app defaults).
	 */
	ProjectSettingsStore projectSettings();

	/**
	 * Saved issue searches.
	 */
	SavedSearchStore savedSearches();

	/**
	 * Releases with their deploys, repositories and commits.
	 */
	ReleaseStore releases();

	/**
	 * Upload chunks and the artifact bundles (source maps) assembled from them.
	 */
	ArtifactBundleStore artifactBundles();

	/**
	 * Cron monitors with their environments and check-ins.
	 */
	MonitorStore monitors();

	/**
	 * Debug information files (ProGuard mappings) by project.
	 */
	DebugFileStore debugFiles();

	/**
	 * Saved Discover queries.
	 */
	SavedQueryStore savedQueries();

	/**
	 * Dashboards.
	 */
	DashboardStore dashboards();

	/**
	 * Alert rules, integrations, the notification outbox and incidents.
	 */
	AlertStores alerts();

	/**
	 * The newest migration applied to the schema, for the system status page.
	 */
	SchemaVersion schemaVersion();

	/**
	 * Returns whether the database answers now; never throws.
	 */
	boolean isHealthy();

	@Override
	void close();

}
