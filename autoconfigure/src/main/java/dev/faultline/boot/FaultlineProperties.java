package dev.faultline.boot;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code faultline.*} setting, typed and immutable. Each key is listed once, with
 * its environment variable, in {@code faultline-defaults.yml}.
 *
 * @param dataDir where the embedded adapters keep their files
 * ({@code FAULTLINE_DATA_DIR})
 * @param publicUrl the base URL SDKs reach Faultline at, put into DSNs
 * ({@code FAULTLINE_PUBLIC_URL})
 */
@ConfigurationProperties("faultline")
public record FaultlineProperties(@DefaultValue("./data") Path dataDir,
		@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue Queue queue,
		@DefaultValue Metadata metadata, @DefaultValue Events events, @DefaultValue Admin admin,
		@DefaultValue Management management, @DefaultValue DeadLetters deadLetters, @DefaultValue Disk disk,
		@DefaultValue Outcomes outcomes, @DefaultValue Backup backup) {

	/**
	 * @param flushInterval how often outcome counts (what {@code stats_v2} reads) summed
	 * in memory are written to the metadata store; counts of the last interval are lost
	 * when the process dies
	 * @param retention how long the hourly counters are kept
	 * ({@code FAULTLINE_OUTCOMES_RETENTION})
	 */
	public record Outcomes(@DefaultValue("10s") Duration flushInterval, @DefaultValue("90d") Duration retention) {

		public Outcomes {
			if (flushInterval.isNegative() || flushInterval.isZero()) {
				throw new IllegalArgumentException(
						"faultline.outcomes.flush-interval must be positive but was " + flushInterval);
			}
		}

	}

	/**
	 * @param type {@code embedded} (SQLite file in the data directory) or {@code kafka}
	 * @param maxBacklog envelopes the embedded queue holds before ingest answers 503
	 */
	public record Queue(@DefaultValue("embedded") String type, @DefaultValue("1000000") long maxBacklog,
			@DefaultValue Kafka kafka) {

		public Queue {
			requireOneOf("faultline.queue.type", type, "embedded", "kafka");
		}

	}

	/**
	 * @param bootstrapServers Kafka bootstrap servers, comma-separated
	 * @param topic the topic carrying envelopes
	 * @param partitions partitions created when the topic does not exist
	 * @param maxPollInterval the consumer's {@code max.poll.interval.ms}: must cover the
	 * processor's processing budget times the records of one poll (500) plus the time to
	 * store them; the processor checks this at start
	 */
	public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers,
			@DefaultValue("faultline-envelopes") String topic, @DefaultValue("4") int partitions,
			@DefaultValue("30m") Duration maxPollInterval) {

	}

	/**
	 * @param type {@code sqlite} (file in the data directory) or {@code postgres}
	 */
	public record Metadata(@DefaultValue("sqlite") String type, @DefaultValue Postgres postgres) {

		public Metadata {
			requireOneOf("faultline.metadata.type", type, "sqlite", "postgres");
		}

	}

	public record Postgres(@DefaultValue("jdbc:postgresql://localhost:5432/faultline") String url,
			@DefaultValue("faultline") String username, @DefaultValue("") String password) {

	}

	/**
	 * @param type {@code duckdb} (file in the data directory) or {@code clickhouse}
	 */
	public record Events(@DefaultValue("duckdb") String type, @DefaultValue ClickHouse clickhouse) {

		public Events {
			requireOneOf("faultline.events.type", type, "duckdb", "clickhouse");
		}

	}

	/**
	 * @param url the ClickHouse HTTP endpoint
	 */
	public record ClickHouse(@DefaultValue("http://localhost:8123") String url,
			@DefaultValue("default") String username, @DefaultValue("") String password,
			@DefaultValue("default") String database) {

	}

	/**
	 * The administrator created on first start with empty stores.
	 *
	 * @param email the admin's email ({@code FAULTLINE_ADMIN_EMAIL})
	 * @param password the admin's password, or null to generate one and print it once
	 * ({@code FAULTLINE_ADMIN_PASSWORD})
	 * @param token registered (hashed) as the admin's full-scope API token when set
	 * ({@code FAULTLINE_ADMIN_TOKEN})
	 * @param organization slug and name of the first organization
	 */
	public record Admin(@DefaultValue("admin@localhost") String email, @Nullable String password,
			@Nullable String token, @DefaultValue("faultline") String organization) {

		public Admin {
			// Compose files pass unset variables as empty strings: treat those as not
			// given.
			password = blankToNull(password);
			token = blankToNull(token);
		}

	}

	/**
	 * Access to the actuator endpoints other than health on the application port.
	 *
	 * @param token the bearer token that opens them, e.g. for a Prometheus scrape
	 * ({@code FAULTLINE_MANAGEMENT_TOKEN}); unset, they answer 401 to everyone (a
	 * separate {@code management.server.port} that is not published is the other way)
	 */
	public record Management(@Nullable String token) {

		public Management {
			token = blankToNull(token);
		}

	}

	/**
	 * Items the processor parked.
	 *
	 * @param key AES-256 key, base64, that seals their payloads at rest
	 * ({@code FAULTLINE_DEAD_LETTERS_KEY}); unset, a key file {@code dead-letters.key} in
	 * the data directory (the distributed shape must set it, so that every service shares
	 * it)
	 * @param retention how long a letter is kept
	 * ({@code FAULTLINE_DEAD_LETTERS_RETENTION})
	 */
	public record DeadLetters(@Nullable String key, @DefaultValue("30d") Duration retention) {

		public DeadLetters {
			key = blankToNull(key);
		}

	}

	/**
	 * @param minFree free space the data directory's file system keeps in the embedded
	 * shape: below it ingest answers 503 with {@code Retry-After}
	 * ({@code FAULTLINE_DISK_MIN_FREE})
	 */
	public record Disk(@DefaultValue("512MB") DataSize minFree) {

	}

	/**
	 * @param dir where online backups of the embedded data directory are written, one
	 * directory each; blank = {@code backups} inside the data directory
	 * ({@code FAULTLINE_BACKUP_DIR})
	 * @param restoreFrom a backup directory restored into the data directory at start
	 * when that holds no stores yet; blank = none ({@code FAULTLINE_BACKUP_RESTORE_FROM})
	 */
	public record Backup(@DefaultValue("") String dir, @DefaultValue("") String restoreFrom) {

		/** The backup root for the given data directory. */
		public Path root(Path dataDir) {
			return this.dir.isBlank() ? dataDir.resolve("backups") : Path.of(this.dir);
		}

	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static void requireOneOf(String property, String value, String... allowed) {
		for (String candidate : allowed) {
			if (candidate.equals(value)) {
				return;
			}
		}
		throw new IllegalArgumentException(
				property + " must be one of " + String.join(", ", allowed) + " but was '" + value + "'");
	}

}
