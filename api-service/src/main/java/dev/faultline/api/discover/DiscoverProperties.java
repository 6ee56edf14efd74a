package dev.faultline.api.discover;

import java.time.Duration;
import java.util.Objects;

import dev.faultline.storage.events.QueryLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Discover's guard rails ({@code faultline.discover.*}): what one {@code events/},
 * {@code events-stats/} or export query may cost before the store stops it and the API
 * answers 400 naming the limit. Invalid values fail start-up naming the property.
 *
 * @param queryTimeout the longest one query may run
 * ({@code FAULTLINE_DISCOVER_QUERY_TIMEOUT})
 * @param maxRowsToRead rows one query may read; 0 for no limit
 * ({@code FAULTLINE_DISCOVER_MAX_ROWS_TO_READ})
 * @param maxBytesToRead uncompressed bytes one query may read, ClickHouse only; 0 for no
 * limit ({@code FAULTLINE_DISCOVER_MAX_BYTES_TO_READ})
 * @param maxMemory memory one query may use, ClickHouse only; 0 for the server's own
 * ({@code FAULTLINE_DISCOVER_MAX_MEMORY})
 * @param maxGroups groups one grouped query may build, ClickHouse only; 0 for no limit
 * ({@code FAULTLINE_DISCOVER_MAX_GROUPS})
 * @param exportTimeout the longest each page of a CSV export may take
 * ({@code FAULTLINE_DISCOVER_EXPORT_TIMEOUT})
 * @param maxExportRows rows one CSV export writes at most
 * ({@code FAULTLINE_DISCOVER_MAX_EXPORT_ROWS})
 */
@ConfigurationProperties("faultline.discover")
record DiscoverProperties(@DefaultValue("30s") Duration queryTimeout, @DefaultValue("1000000000") long maxRowsToRead,
		@DefaultValue("0B") DataSize maxBytesToRead, @DefaultValue("4GB") DataSize maxMemory,
		@DefaultValue("1000000") long maxGroups, @DefaultValue("120s") Duration exportTimeout,
		@DefaultValue("10000000") long maxExportRows) {

	DiscoverProperties {
		Objects.requireNonNull(queryTimeout, "faultline.discover.query-timeout");
		Objects.requireNonNull(exportTimeout, "faultline.discover.export-timeout");
		if (queryTimeout.isNegative() || queryTimeout.isZero()) {
			throw new IllegalArgumentException("faultline.discover.query-timeout must be positive");
		}
		if (exportTimeout.isNegative() || exportTimeout.isZero()) {
			throw new IllegalArgumentException("faultline.discover.export-timeout must be positive");
		}
		requireNotNegative("faultline.discover.max-rows-to-read", maxRowsToRead);
		requireNotNegative("faultline.discover.max-bytes-to-read", maxBytesToRead.toBytes());
		requireNotNegative("faultline.discover.max-memory", maxMemory.toBytes());
		requireNotNegative("faultline.discover.max-groups", maxGroups);
		if (maxExportRows < 1) {
			throw new IllegalArgumentException("faultline.discover.max-export-rows must be positive");
		}
	}

	/** The limits of one interactive query. */
	QueryLimits limits() {
		return new QueryLimits(this.queryTimeout, this.maxRowsToRead, this.maxBytesToRead.toBytes(),
				this.maxMemory.toBytes(), this.maxGroups);
	}

	/** The limits of one page of an export. */
	QueryLimits exportLimits() {
		return limits().withTimeout(this.exportTimeout);
	}

	private static void requireNotNegative(String property, long value) {
		if (value < 0) {
			throw new IllegalArgumentException(property + " must be 0 (no limit) or positive");
		}
	}

}
