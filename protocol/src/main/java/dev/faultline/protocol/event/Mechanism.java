package dev.faultline.protocol.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How an exception was captured.
 *
 * @param type the capturing integration, e.g. {@code onunhandledrejection},
 * {@code UncaughtExceptionHandler}
 * @param description a human-readable description
 * @param helpLink a link to documentation
 * @param handled whether user code handled it; null when unknown
 * @param synthetic true when the exception only carries the stack of a captured message
 * and is not an error
 * @param data arbitrary mechanism data
 * @param other every other property ({@code meta}, {@code exception_id},
 * {@code parent_id}, …), verbatim
 */
public record Mechanism(@Nullable String type, @Nullable String description, @Nullable String helpLink,
		@Nullable Boolean handled, @Nullable Boolean synthetic, @Nullable Map<String, JsonNode> data,
		Map<String, JsonNode> other) {

	public Mechanism {
		data = (data != null) ? Others.copy(data) : null;
		other = Others.copy(other);
	}

}
