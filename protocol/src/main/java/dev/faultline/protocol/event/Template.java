package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where a template error happened ({@code template}; legacy
 * {@code sentry.interfaces.Template}, sent by old raven clients for Django and Jinja
 * templates).
 *
 * @param filename the template file
 * @param absPath its absolute path
 * @param lineno the line
 * @param contextLine the line's text
 * @param preContext lines before it
 * @param postContext lines after it
 * @param other every other property, verbatim
 */
public record Template(@Nullable String filename, @Nullable String absPath, @Nullable Integer lineno,
		@Nullable String contextLine, @Nullable List<String> preContext, @Nullable List<String> postContext,
		Map<String, JsonNode> other) {

	public Template {
		preContext = (preContext != null) ? List.copyOf(preContext) : null;
		postContext = (postContext != null) ? List.copyOf(postContext) : null;
		other = Others.copy(other);
	}

}
