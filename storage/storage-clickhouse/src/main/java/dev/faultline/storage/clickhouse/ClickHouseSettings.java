package dev.faultline.storage.clickhouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the ClickHouse event store lives.
 *
 * @param endpoint HTTP(S) URL of a ClickHouse server, e.g. {@code http://clickhouse:8123}
 * @param username ClickHouse user
 * @param password that user's password (may be empty)
 * @param database database holding the event tables; created on open if missing. Letters,
 * digits and underscores, not starting with a digit.
 */
public record ClickHouseSettings(String endpoint, String username, String password, String database) {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public ClickHouseSettings {
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(database, "database");
		if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
			throw new IllegalArgumentException("ClickHouse endpoint must be an http(s) URL: " + endpoint);
		}
		if (!IDENTIFIER.matcher(database).matches()) {
			throw new IllegalArgumentException(
					"ClickHouse database must be letters, digits and underscores: " + database);
		}
	}

	@Override
	public String toString() {
		return "ClickHouseSettings[endpoint=" + this.endpoint + ", username=" + this.username + ", database="
				+ this.database + "]";
	}

}
