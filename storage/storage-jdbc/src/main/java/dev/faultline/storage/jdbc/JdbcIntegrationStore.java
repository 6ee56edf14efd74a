package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.alert.Integration;
import dev.faultline.storage.alert.IntegrationStore;
import dev.faultline.storage.metadata.DuplicateException;
import org.jspecify.annotations.Nullable;

/**
 * {@link IntegrationStore} over {@code alert_integrations} (V12).
 */
final class JdbcIntegrationStore implements IntegrationStore {

	private static final String SELECT = "SELECT id, organization_id, provider, name, config, last_status, "
			+ "last_error, last_delivery, date_created FROM alert_integrations ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcIntegrationStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Integration create(long organizationId, String provider, String name, String encryptedConfig) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			long id = Queries.insert(connection,
					"INSERT INTO alert_integrations (organization_id, provider, name, config, date_created) "
							+ "VALUES (?, ?, ?, ?, ?) ON CONFLICT (organization_id, name) DO NOTHING RETURNING id",
					"An integration named " + name + " exists", organizationId, provider, name, encryptedConfig, now);
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcIntegrationStore::integration, id)
				.orElseThrow();
		});
	}

	@Override
	public Optional<Integration> update(long organizationId, long id, String name, String encryptedConfig) {
		return this.database.write((connection) -> {
			if (Queries
				.first(connection,
						"SELECT id FROM alert_integrations WHERE organization_id = ? AND name = ? AND id <> ?",
						(row) -> row.getLong(1), organizationId, name, id)
				.isPresent()) {
				throw new DuplicateException("An integration named " + name + " exists");
			}
			if (Queries.update(connection,
					"UPDATE alert_integrations SET name = ?, config = ? WHERE id = ? AND organization_id = ?", name,
					encryptedConfig, id, organizationId) == 0) {
				return Optional.empty();
			}
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcIntegrationStore::integration, id);
		});
	}

	@Override
	public boolean delete(long organizationId, long id) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM alert_integrations WHERE id = ? AND organization_id = ?", id, organizationId) > 0);
	}

	@Override
	public Optional<Integration> find(long organizationId, long id) {
		return this.database
			.read((connection) -> Queries.first(connection, SELECT + "WHERE id = ? AND organization_id = ?",
					JdbcIntegrationStore::integration, id, organizationId));
	}

	@Override
	public Optional<Integration> findById(long id) {
		return this.database.read((connection) -> Queries.first(connection, SELECT + "WHERE id = ?",
				JdbcIntegrationStore::integration, id));
	}

	@Override
	public List<Integration> list(long organizationId) {
		return this.database
			.read((connection) -> Queries.list(connection, SELECT + "WHERE organization_id = ? ORDER BY name, id",
					JdbcIntegrationStore::integration, organizationId));
	}

	@Override
	public void recordDelivery(long id, Instant at, @Nullable String error) {
		this.database.write((connection) -> Queries.update(connection,
				"UPDATE alert_integrations SET last_status = ?, last_error = ?, last_delivery = ? WHERE id = ?",
				(error == null) ? "ok" : "error", error, at.truncatedTo(ChronoUnit.MILLIS), id));
	}

	private static Integration integration(ResultSet row) throws SQLException {
		return new Integration(row.getLong("id"), row.getLong("organization_id"), row.getString("provider"),
				row.getString("name"), row.getString("config"), row.getString("last_status"),
				row.getString("last_error"), Columns.nullableInstant(row, "last_delivery"),
				Columns.instant(row, "date_created"));
	}

}
