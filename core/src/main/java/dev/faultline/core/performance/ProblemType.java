package dev.faultline.core.performance;

/**
 * The kinds of performance problem, with Sentry's issue type ids, slugs and titles: an
 * issue of this kind answers {@code issueType} with the slug and {@code issueCategory}
 * {@code performance}.
 */
public enum ProblemType {

	/** The same parameterized query repeated in sequence under one parent. */
	N_PLUS_ONE_DB_QUERIES(1006, "performance_n_plus_one_db_queries", "N+1 Query"),
	/** A single database query slower than the project's threshold. */
	SLOW_DB_QUERY(1001, "performance_slow_db_query", "Slow DB Query"),
	/** HTTP calls made one after another that could have run in parallel. */
	CONSECUTIVE_HTTP(1009, "performance_consecutive_http", "Consecutive HTTP"),
	/** A large script or stylesheet that held up the page's first contentful paint. */
	RENDER_BLOCKING_ASSET(1004, "performance_render_blocking_asset_span", "Large Render Blocking Asset"),
	/** A large script or stylesheet served without compression. */
	UNCOMPRESSED_ASSET(1012, "performance_uncompressed_assets", "Uncompressed Asset");

	/** The prefix of every performance issue type slug. */
	public static final String SLUG_PREFIX = "performance_";

	private final int typeId;

	private final String slug;

	private final String title;

	ProblemType(int typeId, String slug, String title) {
		this.typeId = typeId;
		this.slug = slug;
		this.title = title;
	}

	/** Sentry's numeric group type id. */
	public int typeId() {
		return this.typeId;
	}

	/** Sentry's issue type slug ({@code performance_slow_db_query}). */
	public String slug() {
		return this.slug;
	}

	/** The issue's title. */
	public String title() {
		return this.title;
	}

	/** Whether an issue type is a performance one. */
	public static boolean isPerformance(String issueType) {
		return issueType.startsWith(SLUG_PREFIX);
	}

}
