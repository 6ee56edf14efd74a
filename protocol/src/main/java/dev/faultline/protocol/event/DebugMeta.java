package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Debug information ({@code debug_meta}; legacy {@code sentry.interfaces.DebugMeta} and
 * {@code sentry.interfaces.Debug}): the images (native libraries, ProGuard mappings,
 * source bundles) needed to symbolicate the event.
 *
 * @param images the debug images, as sent
 * @param sdkInfo the system SDK (Apple), as sent
 * @param other every other property, verbatim
 */
public record DebugMeta(@Nullable List<JsonNode> images, @Nullable JsonNode sdkInfo, Map<String, JsonNode> other) {

	public DebugMeta {
		images = (images != null) ? List.copyOf(images) : null;
		other = Others.copy(other);
	}

}
