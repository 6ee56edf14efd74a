package dev.faultline.protocol.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits every parser of client JSON runs with (event and other item payloads in the
 * processor, request bodies in ingest and the API): the parser stops with a
 * {@link StreamConstraintsException} as soon as the input nests deeper than
 * {@link #MAX_NESTING_DEPTH} or holds a string longer than {@link #MAX_STRING_LENGTH},
 * before any tree is built, so hostile input costs neither stack nor memory nor the work
 * of later stages. Stateless.
 */
public final class ClientJson {

	/**
	 * Deepest nesting of objects and arrays accepted. SDK events nest about ten levels
	 * (exception → stacktrace → frames → frame → vars → …); normalization keeps five
	 * levels of free-form data anyway. Relay's parser refuses beyond 128 too.
	 */
	public static final int MAX_NESTING_DEPTH = 128;

	/**
	 * Longest string accepted, in characters: four times the default event size limit (1
	 * MB), so no configured item limit is undercut in practice, while one string can no
	 * longer take the parser's default 20 million characters of memory.
	 */
	public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;

	private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
		.maxNestingDepth(MAX_NESTING_DEPTH)
		.maxStringLength(MAX_STRING_LENGTH)
		.build();

	private ClientJson() {
	}

	/** The read constraints above. */
	public static StreamReadConstraints constraints() {
		return CONSTRAINTS;
	}

	/**
	 * A JSON factory with {@link #constraints()}; configure further through its builder.
	 */
	public static JsonFactory factory() {
		return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
	}

	/** A mapper builder over {@link #factory()}. */
	public static JsonMapper.Builder mapperBuilder() {
		return JsonMapper.builder(factory());
	}

	/**
	 * Whether a parsing failure (or one of its causes) is one of these limits, so a
	 * caller can say so instead of "malformed".
	 */
	public static boolean isLimit(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamConstraintsException) {
				return true;
			}
		}
		return false;
	}

}
