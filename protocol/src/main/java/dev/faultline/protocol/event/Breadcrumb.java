package dev.faultline.protocol.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One breadcrumb.
 *
 * @param timestamp when it happened
 * @param type e.g. {@code default}, {@code http}, {@code navigation}
 * @param category e.g. {@code ui.click}, {@code console}
 * @param level its level
 * @param message its text
 * @param data arbitrary data
 * @param other every other property ({@code event_id}, …), verbatim
 */
public record Breadcrumb(@Nullable Timestamp timestamp, @Nullable String type, @Nullable String category,
		@Nullable String level, @Nullable String message, @Nullable Map<String, JsonNode> data,
		Map<String, JsonNode> other) {

	public Breadcrumb {
		data = (data != null) ? Others.copy(data) : null;
		other = Others.copy(other);
	}

}
