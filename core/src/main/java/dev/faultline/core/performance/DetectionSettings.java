package dev.faultline.core.performance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A project's performance issue settings, with Sentry's option names and defaults. The
 * first group can be changed per project through Sentry's
 * {@code performance-issues/configure} keys ({@link Key}); the rest are the detectors'
 * fixed parameters.
 *
 * @param nPlusOneDbEnabled {@code n_plus_one_db_queries_detection_enabled}
 * @param slowDbQueryEnabled {@code slow_db_queries_detection_enabled}
 * @param consecutiveHttpEnabled {@code consecutive_http_spans_detection_enabled}
 * @param renderBlockingAssetEnabled {@code large_render_blocking_asset_detection_enabled}
 * @param uncompressedAssetEnabled {@code uncompressed_assets_detection_enabled}
 * @param nPlusOneDbDurationMillis {@code n_plus_one_db_duration_threshold}: the least
 * total time of the repeated queries (100 ms)
 * @param slowDbQueryMillis {@code slow_db_query_duration_threshold} (1,000 ms)
 * @param renderBlockingFcpRatio {@code render_blocking_fcp_ratio}: the least share of the
 * FCP an asset must take (0.33)
 * @param consecutiveHttpMinTimeSavedMillis
 * {@code consecutive_http_spans_min_time_saved_threshold}: the least time running the
 * calls in parallel would save (2,000 ms)
 * @param uncompressedAssetSizeBytes {@code uncompressed_asset_size_threshold} (512,000
 * bytes)
 * @param uncompressedAssetDurationMillis {@code uncompressed_asset_duration_threshold}
 * (500 ms)
 * @param nPlusOneDbCount the least repetitions of an N+1 (5)
 * @param consecutiveHttpCount the least consecutive HTTP calls (3)
 * @param consecutiveHttpSpanMillis the least duration of each of them (1,000 ms)
 * @param consecutiveHttpMaxGapMillis the most time between two of them (1,000 ms)
 * @param renderBlockingFcpMinMillis FCPs below this are fast enough (2,000 ms)
 * @param renderBlockingFcpMaxMillis FCPs above this are outliers, not judged (10,000 ms)
 * @param renderBlockingMinBytes the least encoded size of a blocking asset (500,000
 * bytes)
 */
public record DetectionSettings(boolean nPlusOneDbEnabled, boolean slowDbQueryEnabled, boolean consecutiveHttpEnabled,
		boolean renderBlockingAssetEnabled, boolean uncompressedAssetEnabled, double nPlusOneDbDurationMillis,
		double slowDbQueryMillis, double renderBlockingFcpRatio, double consecutiveHttpMinTimeSavedMillis,
		long uncompressedAssetSizeBytes, double uncompressedAssetDurationMillis, int nPlusOneDbCount,
		int consecutiveHttpCount, double consecutiveHttpSpanMillis, double consecutiveHttpMaxGapMillis,
		double renderBlockingFcpMinMillis, double renderBlockingFcpMaxMillis, long renderBlockingMinBytes) {

	/** Sentry's defaults. */
	public static final DetectionSettings DEFAULTS = new DetectionSettings(true, true, true, true, true, 100, 1000,
			0.33, 2000, 512_000, 500, 5, 3, 1000, 1000, 2000, 10_000, 500_000);

	/**
	 * Applies Sentry-keyed values to these settings.
	 * @param values values by key, as text ({@code "true"}, {@code "250"})
	 * @return the changed settings
	 * @throws IllegalArgumentException naming the key whose value is unknown, of the
	 * wrong kind or out of range
	 */
	public DetectionSettings with(Map<String, String> values) {
		DetectionSettings settings = this;
		for (Map.Entry<String, String> value : values.entrySet()) {
			Key key = Key.named(value.getKey());
			if (key == null) {
				throw new IllegalArgumentException("unknown performance issue setting: " + value.getKey());
			}
			settings = settings.with(key, key.parse(value.getValue()));
		}
		return settings;
	}

	/**
	 * The changeable settings by Sentry's key, as JSON values (booleans and numbers), in
	 * the order Sentry's settings page lists them.
	 */
	public Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Key key : Key.values()) {
			double value = read(key);
			values.put(key.sentryName(),
					key.flag ? (Object) (value != 0) : (value == Math.rint(value) && key != Key.RENDER_BLOCKING_RATIO)
							? (Object) (long) value : (Object) value);
		}
		return values;
	}

	private double read(Key key) {
		return switch (key) {
			case N_PLUS_ONE_ENABLED -> this.nPlusOneDbEnabled ? 1 : 0;
			case SLOW_DB_ENABLED -> this.slowDbQueryEnabled ? 1 : 0;
			case CONSECUTIVE_HTTP_ENABLED -> this.consecutiveHttpEnabled ? 1 : 0;
			case RENDER_BLOCKING_ENABLED -> this.renderBlockingAssetEnabled ? 1 : 0;
			case UNCOMPRESSED_ENABLED -> this.uncompressedAssetEnabled ? 1 : 0;
			case N_PLUS_ONE_DURATION -> this.nPlusOneDbDurationMillis;
			case SLOW_DB_DURATION -> this.slowDbQueryMillis;
			case RENDER_BLOCKING_RATIO -> this.renderBlockingFcpRatio;
			case CONSECUTIVE_HTTP_SAVED -> this.consecutiveHttpMinTimeSavedMillis;
			case UNCOMPRESSED_SIZE -> this.uncompressedAssetSizeBytes;
			case UNCOMPRESSED_DURATION -> this.uncompressedAssetDurationMillis;
		};
	}

	private DetectionSettings with(Key key, double value) {
		boolean flag = value != 0;
		return new DetectionSettings((key == Key.N_PLUS_ONE_ENABLED) ? flag : this.nPlusOneDbEnabled,
				(key == Key.SLOW_DB_ENABLED) ? flag : this.slowDbQueryEnabled,
				(key == Key.CONSECUTIVE_HTTP_ENABLED) ? flag : this.consecutiveHttpEnabled,
				(key == Key.RENDER_BLOCKING_ENABLED) ? flag : this.renderBlockingAssetEnabled,
				(key == Key.UNCOMPRESSED_ENABLED) ? flag : this.uncompressedAssetEnabled,
				(key == Key.N_PLUS_ONE_DURATION) ? value : this.nPlusOneDbDurationMillis,
				(key == Key.SLOW_DB_DURATION) ? value : this.slowDbQueryMillis,
				(key == Key.RENDER_BLOCKING_RATIO) ? value : this.renderBlockingFcpRatio,
				(key == Key.CONSECUTIVE_HTTP_SAVED) ? value : this.consecutiveHttpMinTimeSavedMillis,
				(key == Key.UNCOMPRESSED_SIZE) ? (long) value : this.uncompressedAssetSizeBytes,
				(key == Key.UNCOMPRESSED_DURATION) ? value : this.uncompressedAssetDurationMillis, this.nPlusOneDbCount,
				this.consecutiveHttpCount, this.consecutiveHttpSpanMillis, this.consecutiveHttpMaxGapMillis,
				this.renderBlockingFcpMinMillis, this.renderBlockingFcpMaxMillis, this.renderBlockingMinBytes);
	}

	/** The settings a project may change, with Sentry's keys and the ranges accepted. */
	public enum Key {

		N_PLUS_ONE_ENABLED("n_plus_one_db_queries_detection_enabled"),
		SLOW_DB_ENABLED("slow_db_queries_detection_enabled"),
		CONSECUTIVE_HTTP_ENABLED("consecutive_http_spans_detection_enabled"),
		RENDER_BLOCKING_ENABLED("large_render_blocking_asset_detection_enabled"),
		UNCOMPRESSED_ENABLED("uncompressed_assets_detection_enabled"),
		N_PLUS_ONE_DURATION("n_plus_one_db_duration_threshold", 0, 10_000),
		SLOW_DB_DURATION("slow_db_query_duration_threshold", 100, 60_000),
		RENDER_BLOCKING_RATIO("render_blocking_fcp_ratio", 0, 1),
		CONSECUTIVE_HTTP_SAVED("consecutive_http_spans_min_time_saved_threshold", 0, 60_000),
		UNCOMPRESSED_SIZE("uncompressed_asset_size_threshold", 0, 100_000_000),
		UNCOMPRESSED_DURATION("uncompressed_asset_duration_threshold", 0, 60_000);

		private final String sentryName;

		private final boolean flag;

		private final double min;

		private final double max;

		Key(String sentryName) {
			this(sentryName, true, 0, 1);
		}

		Key(String sentryName, double min, double max) {
			this(sentryName, false, min, max);
		}

		Key(String sentryName, boolean flag, double min, double max) {
			this.sentryName = sentryName;
			this.flag = flag;
			this.min = min;
			this.max = max;
		}

		/** Sentry's key. */
		public String sentryName() {
			return this.sentryName;
		}

		/** The key of a Sentry name; null for none. */
		public static @Nullable Key named(String sentryName) {
			for (Key key : values()) {
				if (key.sentryName.equals(sentryName)) {
					return key;
				}
			}
			return null;
		}

		double parse(String text) {
			String value = text.strip().toLowerCase(Locale.ROOT);
			if (this.flag) {
				if (!value.equals("true") && !value.equals("false")) {
					throw new IllegalArgumentException(this.sentryName + " must be true or false");
				}
				return value.equals("true") ? 1 : 0;
			}
			double number;
			try {
				number = Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(this.sentryName + " must be a number");
			}
			if (!(number >= this.min && number <= this.max)) {
				throw new IllegalArgumentException(
						this.sentryName + " must be between " + format(this.min) + " and " + format(this.max));
			}
			return number;
		}

		private static String format(double value) {
			return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
		}

	}

}
