package dev.faultline.storage.metadata;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A project's inbound data filters, as Sentry names them: the built-in filters
 * ({@code filters:<id>} project options) and the three custom lists of the project
 * details' {@code options}. The store keeps them as given; the API validates the list
 * entries (IP addresses and CIDR ranges) and the subfilter names before they are stored.
 *
 * @param browserExtensions {@code browser-extensions}: errors known to be caused by
 * browser extensions
 * @param localhost {@code localhost}: events from 127.0.0.1, ::1 or a localhost URL
 * @param webCrawlers {@code web-crawlers}: events from known crawler user agents
 * @param filteredTransaction {@code filtered-transaction}: health-check transactions
 * @param legacyBrowsers the active {@code legacy-browsers} subfilters ({@code ie},
 * {@code safari_pre_6}, …), sorted; {@code default} stands for Sentry's
 * {@code "active": true} (every browser below its minimum version); empty when off
 * @param errorMessages {@code filters:error_messages}: message globs, one per entry
 * @param releases {@code filters:releases}: release globs
 * @param blacklistedIps {@code filters:blacklisted_ips}: IP addresses and CIDR ranges
 */
public record ProjectFilters(boolean browserExtensions, boolean localhost, boolean webCrawlers,
		boolean filteredTransaction, SortedSet<String> legacyBrowsers, List<String> errorMessages,
		List<String> releases, List<String> blacklistedIps) {

	/** The subfilter that stands for Sentry's {@code "active": true}. */
	public static final String LEGACY_DEFAULT = "default";

	/**
	 * What a project has until its filters are changed: every filter off.
	 */
	public static final ProjectFilters NONE = new ProjectFilters(false, false, false, false, new TreeSet<>(), List.of(),
			List.of(), List.of());

	public ProjectFilters {
		legacyBrowsers = Collections.unmodifiableSortedSet(new TreeSet<>(
				entries(List.copyOf(Objects.requireNonNull(legacyBrowsers, "legacyBrowsers")), "legacyBrowsers")));
		errorMessages = entries(errorMessages, "errorMessages");
		releases = entries(releases, "releases");
		blacklistedIps = entries(blacklistedIps, "blacklistedIps");
	}

	// Lists are stored one entry a line, so an entry cannot hold a line break; blank
	// entries say nothing and are dropped.
	private static List<String> entries(List<String> values, String name) {
		Objects.requireNonNull(values, name);
		for (String value : values) {
			if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
				throw new IllegalArgumentException(name + " entries must be single lines");
			}
		}
		return values.stream().map(String::strip).filter((value) -> !value.isEmpty()).toList();
	}

}
