package dev.faultline.api.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.faultline.core.filter.IpRange;
import dev.faultline.storage.metadata.ProjectFilters;
import org.jspecify.annotations.Nullable;

/**
 * The custom inbound filter lists as Sentry's project details carry them in
 * {@code options}: {@code filters:error_messages} and {@code filters:releases} (globs)
 * and {@code filters:blacklisted_ips} (addresses and CIDR ranges), each one string of
 * newline-separated entries. Other option keys are left alone.
 */
final class FilterOptions {

	static final String ERROR_MESSAGES = "filters:error_messages";

	static final String RELEASES = "filters:releases";

	static final String BLACKLISTED_IPS = "filters:blacklisted_ips";

	private FilterOptions() {
	}

	/** The {@code options} object of the project details. */
	static Map<String, Object> render(ProjectFilters filters) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put(ERROR_MESSAGES, String.join("\n", filters.errorMessages()));
		options.put(RELEASES, String.join("\n", filters.releases()));
		options.put(BLACKLISTED_IPS, String.join("\n", filters.blacklistedIps()));
		return options;
	}

	/**
	 * The filters with the lists that {@code options} gives replaced (a string of lines,
	 * or a list of strings); an absent key keeps its list.
	 * @throws IllegalArgumentException naming the key when a value is not text or an
	 * entry of {@code filters:blacklisted_ips} is not an address or range
	 */
	static ProjectFilters apply(ProjectFilters current, Map<String, ?> options) {
		List<String> errorMessages = lines(options, ERROR_MESSAGES, current.errorMessages());
		List<String> releases = lines(options, RELEASES, current.releases());
		List<String> ips = lines(options, BLACKLISTED_IPS, current.blacklistedIps());
		for (String ip : ips) {
			try {
				IpRange.parse(ip);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(BLACKLISTED_IPS + ": " + ex.getMessage(), ex);
			}
		}
		return new ProjectFilters(current.browserExtensions(), current.localhost(), current.webCrawlers(),
				current.filteredTransaction(), new TreeSet<>(current.legacyBrowsers()), errorMessages, releases, ips);
	}

	private static List<String> lines(Map<String, ?> options, String key, List<String> current) {
		if (!options.containsKey(key)) {
			return current;
		}
		@Nullable Object value = options.get(key);
		List<String> entries = new ArrayList<>();
		if (value instanceof String text) {
			entries.addAll(Arrays.asList(text.split("\n")));
		}
		else if (value instanceof List<?> list) {
			for (Object entry : list) {
				if (!(entry instanceof String text)) {
					throw new IllegalArgumentException(key + ": Expected text.");
				}
				entries.add(text);
			}
		}
		else if (value != null) {
			throw new IllegalArgumentException(key + ": Expected text.");
		}
		return entries.stream().map(String::strip).filter((entry) -> !entry.isEmpty()).toList();
	}

}
