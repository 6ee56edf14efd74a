package dev.faultline.protocol.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The request interface ({@code request}; legacy {@code sentry.interfaces.Http}).
 *
 * @param url the URL without query string
 * @param method the HTTP method
 * @param queryString the query: a string, an object or {@code [key, value]} pairs, as
 * sent (read from {@code query_string}, or the older {@code query})
 * @param fragment the URL fragment
 * @param data the body: a string or any JSON
 * @param cookies the cookies: a header string, an object or pairs, as sent
 * @param headers the headers
 * @param env server environment (CGI variables such as {@code REMOTE_ADDR})
 * @param other every other property, verbatim
 */
public record Request(@Nullable String url, @Nullable String method, @Nullable JsonNode queryString,
		@Nullable String fragment, @Nullable JsonNode data, @Nullable JsonNode cookies, @Nullable Pairs headers,
		@Nullable Map<String, JsonNode> env, Map<String, JsonNode> other) {

	public Request {
		env = (env != null) ? Others.copy(env) : null;
		other = Others.copy(other);
	}

	/**
	 * The first header of that name, ignoring case; null when absent.
	 */
	public @Nullable String header(String name) {
		return (this.headers != null) ? this.headers.getIgnoreCase(name) : null;
	}

}
