package dev.faultline.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import dev.faultline.core.EventNodes;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.core.text.UserPatterns;
import dev.faultline.core.useragent.UserAgentParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A project's inbound filters, compiled once per settings change, and the decision for
 * one normalized event: the first filter that drops it, in Relay's order (client IP,
 * release, error message, localhost, browser extensions, legacy browsers, web crawlers),
 * or none. Globs are Sentry's: case-insensitive, {@code *} any run of characters,
 * {@code ?} one, matched against the whole value, on RE2/J (linear in the value for any
 * glob). Immutable and thread-safe.
 */
public final class InboundFilters {

	/** No filter on. */
	public static final InboundFilters NONE = new InboundFilters(false, false, false, Set.of(), List.of(), List.of(),
			List.of());

	private static final UserAgentParser USER_AGENTS = new UserAgentParser();

	private static final Set<String> LOCAL_IPS = Set.of("127.0.0.1", "::1");

	private static final Set<String> LOCAL_DOMAINS = Set.of("127.0.0.1", "localhost");

	private static final Set<String> ANONYMOUS_FRAMES = Set.of("<anonymous>", "[native code]");

	private final boolean browserExtensions;

	private final boolean localhost;

	private final boolean webCrawlers;

	private final Set<String> legacyBrowsers;

	private final List<Pattern> errorMessages;

	private final List<Pattern> releases;

	private final List<IpRange> blacklistedIps;

	// Decided once: the hot path of a project without filters is one field read.
	private final boolean empty;

	private InboundFilters(boolean browserExtensions, boolean localhost, boolean webCrawlers,
			Set<String> legacyBrowsers, List<Pattern> errorMessages, List<Pattern> releases,
			List<IpRange> blacklistedIps) {
		this.browserExtensions = browserExtensions;
		this.localhost = localhost;
		this.webCrawlers = webCrawlers;
		this.legacyBrowsers = Set.copyOf(legacyBrowsers);
		this.errorMessages = List.copyOf(errorMessages);
		this.releases = List.copyOf(releases);
		this.blacklistedIps = List.copyOf(blacklistedIps);
		this.empty = !browserExtensions && !localhost && !webCrawlers && legacyBrowsers.isEmpty()
				&& this.errorMessages.isEmpty() && this.releases.isEmpty() && this.blacklistedIps.isEmpty();
	}

	/**
	 * Compiles a project's filters.
	 * @param legacyBrowsers the active subfilters ({@link LegacyBrowsers}); empty for off
	 * @param errorMessages message globs
	 * @param releases release globs
	 * @param blacklistedIps addresses and CIDR ranges
	 * @throws IllegalArgumentException for an entry of {@code blacklistedIps} that is not
	 * an address or a range (the message names it)
	 */
	public static InboundFilters compile(boolean browserExtensions, boolean localhost, boolean webCrawlers,
			Set<String> legacyBrowsers, List<String> errorMessages, List<String> releases,
			List<String> blacklistedIps) {
		return new InboundFilters(browserExtensions, localhost, webCrawlers, legacyBrowsers, globs(errorMessages),
				globs(releases), blacklistedIps.stream().map(IpRange::parse).toList());
	}

	private static List<Pattern> globs(List<String> globs) {
		return globs.stream().filter((glob) -> !glob.isBlank()).map(UserPatterns::glob).toList();
	}

	/** Whether no filter is on: then {@link #check} drops nothing. */
	public boolean isEmpty() {
		return this.empty;
	}

	/**
	 * The filter that drops a normalized event, or null to keep it.
	 * @param event the event (Sentry's JSON, normalized: {@code exception.values},
	 * {@code logentry}, {@code request.headers})
	 * @param clientIp the address the event was sent from, when known
	 */
	public @Nullable FilterReason check(JsonNode event, @Nullable String clientIp) {
		if (this.empty) {
			return null;
		}
		if (!this.blacklistedIps.isEmpty() && clientIp != null
				&& this.blacklistedIps.stream().anyMatch((range) -> range.contains(clientIp))) {
			return FilterReason.IP_ADDRESS;
		}
		if (!this.releases.isEmpty() && matchesAny(this.releases, EventNodes.text(event, "release"))) {
			return FilterReason.RELEASE_VERSION;
		}
		if (!this.errorMessages.isEmpty() && errorMessageMatches(event)) {
			return FilterReason.ERROR_MESSAGE;
		}
		if (this.localhost && isLocal(event)) {
			return FilterReason.LOCALHOST;
		}
		if (this.browserExtensions && fromBrowserExtension(event)) {
			return FilterReason.BROWSER_EXTENSIONS;
		}
		String userAgent = (!this.legacyBrowsers.isEmpty() || this.webCrawlers)
				? header(event.path("request").path("headers"), "user-agent") : null;
		if (userAgent != null && !this.legacyBrowsers.isEmpty()
				&& LegacyBrowsers.matches(USER_AGENTS.parse(userAgent).browser(), this.legacyBrowsers)) {
			return FilterReason.LEGACY_BROWSERS;
		}
		if (userAgent != null && this.webCrawlers && ClientPatterns.FILTER_WEB_CRAWLERS.re2j().matcher(userAgent).find()
				&& !ClientPatterns.FILTER_WEB_CRAWLERS_ALLOWED.re2j().matcher(userAgent).find()) {
			return FilterReason.WEB_CRAWLERS;
		}
		return null;
	}

	// The log entry's formatted message (else its message), then every exception as
	// "type: value" (or the one of them that is present), as Relay's error message
	// filter.
	private boolean errorMessageMatches(JsonNode event) {
		JsonNode logentry = event.path("logentry");
		String formatted = EventNodes.text(logentry, "formatted");
		String message = (formatted != null) ? formatted : EventNodes.text(logentry, "message");
		if (matchesAny(this.errorMessages, message)) {
			return true;
		}
		for (JsonNode exception : exceptions(event)) {
			String type = EventNodes.text(exception, "type");
			String value = EventNodes.text(exception, "value");
			String text = (type == null || type.isEmpty()) ? ((value != null) ? value : "")
					: (value == null || value.isEmpty()) ? type : type + ": " + value;
			if (matchesAny(this.errorMessages, text)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAny(List<Pattern> globs, @Nullable String value) {
		if (value == null) {
			return false;
		}
		String lowerCased = value.toLowerCase(Locale.ROOT);
		for (Pattern glob : globs) {
			if (glob.matcher(lowerCased).matches()) {
				return true;
			}
		}
		return false;
	}

	// Relay's localhost filter: the user's address, the request URL's host (or a file://
	// URL), X-Forwarded-For, and Host / X-Forwarded-Host when there is no URL.
	private static boolean isLocal(JsonNode event) {
		String ip = EventNodes.text(event.path("user"), "ip_address");
		if (ip != null && LOCAL_IPS.contains(ip)) {
			return true;
		}
		JsonNode request = event.path("request");
		JsonNode headers = request.path("headers");
		String url = EventNodes.text(request, "url");
		if (url != null) {
			if (url.regionMatches(true, 0, "file:", 0, 5)) {
				return true;
			}
			String host = host(url);
			if (host != null && isLocalDomain(host)) {
				return true;
			}
		}
		String forwardedFor = header(headers, "x-forwarded-for");
		if (forwardedFor != null && LOCAL_IPS.contains(forwardedFor.strip())) {
			return true;
		}
		if (url == null) {
			for (String name : List.of("host", "x-forwarded-host")) {
				String value = header(headers, name);
				if (value != null) {
					int colon = value.indexOf(':');
					if (LOCAL_DOMAINS.contains((colon >= 0) ? value.substring(0, colon) : value)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean isLocalDomain(String host) {
		for (String domain : LOCAL_DOMAINS) {
			if (host.equals(domain)
					|| (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.')) {
				return true;
			}
		}
		return false;
	}

	/** The lower-cased host of an absolute URL, null for a relative one. */
	static @Nullable String host(String url) {
		int scheme = url.indexOf("://");
		if (scheme <= 0) {
			return null;
		}
		int start = scheme + 3;
		int end = start;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		String authority = url.substring(start, end);
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			return (close > 0) ? authority.substring(1, close).toLowerCase(Locale.ROOT) : null;
		}
		int colon = authority.indexOf(':');
		return ((colon >= 0) ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
	}

	// Relay reads the first exception: its value, then the path of its last frame that is
	// not anonymous.
	private static boolean fromBrowserExtension(JsonNode event) {
		List<JsonNode> exceptions = exceptions(event);
		if (exceptions.isEmpty()) {
			return false;
		}
		JsonNode first = exceptions.get(0);
		String value = EventNodes.text(first, "value");
		if (value != null && ClientPatterns.FILTER_EXTENSION_VALUES.re2j().matcher(value).find()) {
			return true;
		}
		JsonNode frames = first.path("stacktrace").path("frames");
		for (int i = frames.size() - 1; i >= 0; i--) {
			String path = EventNodes.text(frames.get(i), "abs_path");
			if (path == null) {
				return false;
			}
			if (!ANONYMOUS_FRAMES.contains(path)) {
				return ClientPatterns.FILTER_EXTENSION_SOURCES.re2j().matcher(path).find();
			}
		}
		return false;
	}

	private static List<JsonNode> exceptions(JsonNode event) {
		JsonNode exception = event.path("exception");
		JsonNode values = exception.isArray() ? exception : exception.path("values");
		List<JsonNode> list = new ArrayList<>();
		for (JsonNode value : values) {
			if (value.isObject()) {
				list.add(value);
			}
		}
		return list;
	}

	/**
	 * A request header, by name in lower case, from headers that are an object or
	 * {@code [name, value]} pairs.
	 */
	static @Nullable String header(JsonNode headers, String lowerCaseName) {
		if (headers.isObject()) {
			for (Map.Entry<String, JsonNode> entry : headers.properties()) {
				if (lowerCaseName.equals(entry.getKey().toLowerCase(Locale.ROOT))) {
					return EventNodes.text(entry.getValue());
				}
			}
		}
		for (JsonNode pair : headers) {
			if (pair.isArray() && lowerCaseName.equalsIgnoreCase(EventNodes.text(pair.get(0)))) {
				return EventNodes.text(pair.get(1));
			}
		}
		return null;
	}

}
