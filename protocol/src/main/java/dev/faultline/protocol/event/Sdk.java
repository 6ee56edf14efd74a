package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The SDK that sent the event ({@code sdk}).
 *
 * @param name e.g. {@code sentry.java}
 * @param version its version
 * @param integrations the enabled integrations
 * @param packages the SDK's packages ({@code [{name, version}]}), as sent
 * @param other every other property, verbatim
 */
public record Sdk(@Nullable String name, @Nullable String version, @Nullable List<String> integrations,
		@Nullable JsonNode packages, Map<String, JsonNode> other) {

	public Sdk {
		integrations = (integrations != null) ? List.copyOf(integrations) : null;
		other = Others.copy(other);
	}

}
