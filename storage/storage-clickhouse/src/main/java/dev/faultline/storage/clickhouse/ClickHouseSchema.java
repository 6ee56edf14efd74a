package dev.faultline.storage.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandSettings;
import dev.faultline.storage.metadata.SchemaVersion;

/**
 * Creates the database and applies the versioned schema resources
 * ({@code db/clickhouse/V<n>__<name>.sql}).
 *
 * <p>
 * Every script is idempotent ({@code IF NOT EXISTS}) and all are applied on each open: a
 * ClickHouse cluster may be shared by several services starting together, and idempotent
 * DDL needs no lock or version table. Statements in a script end with a line ending in
 * {@code ;} or with the end of the file.
 */
final class ClickHouseSchema {

	/** Every script, in order; append only. */
	private static final List<String> SCRIPTS = List.of("V1__events.sql", "V2__spans.sql", "V3__sessions.sql");

	private static final long DDL_TIMEOUT_SECONDS = 60;

	private ClickHouseSchema() {
	}

	static void apply(Client client, String database) throws Exception {
		apply(client, database, SCRIPTS.size());
	}

	/** The newest script, which every opened database has. */
	static SchemaVersion newest() {
		return SchemaVersion.ofScript(SCRIPTS.get(SCRIPTS.size() - 1));
	}

	/**
	 * Applies the first {@code scripts} scripts only (upgrade tests start from the oldest
	 * schema).
	 */
	static void apply(Client client, String database, int scripts) throws Exception {
		// The database is validated as a plain identifier (ClickHouseSettings), so
		// quoting it
		// cannot change the statement; it must be named before the database exists.
		client.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`", settings("default"))
			.get(DDL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.close();
		for (String script : SCRIPTS.subList(0, scripts)) {
			for (String statement : statements(read(script))) {
				client.execute(statement, settings(database)).get(DDL_TIMEOUT_SECONDS, TimeUnit.SECONDS).close();
			}
		}
	}

	private static CommandSettings settings(String database) {
		CommandSettings settings = new CommandSettings();
		settings.setDatabase(database);
		return settings;
	}

	static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("--") || trimmed.isEmpty()) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";")) {
				statements.add(current.toString().strip().replaceAll(";$", ""));
				current.setLength(0);
			}
		}
		if (!current.toString().isBlank()) {
			statements.add(current.toString().strip());
		}
		return statements;
	}

	private static String read(String script) {
		String resource = "/db/clickhouse/" + script;
		try (InputStream in = ClickHouseSchema.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing schema resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
