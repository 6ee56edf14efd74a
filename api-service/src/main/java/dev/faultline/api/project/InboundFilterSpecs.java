package dev.faultline.api.project;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.faultline.core.filter.LegacyBrowsers;
import dev.faultline.storage.metadata.ProjectFilters;

/**
 * Sentry's built-in inbound filters as its {@code filters/} endpoints list and change
 * them: id, name and description, the state each shows as {@code active} (a boolean, or
 * for {@code legacy-browsers} the list of active subfilters), and how a {@code PUT} body
 * changes it.
 */
final class InboundFilterSpecs {

	/**
	 * One built-in filter.
	 *
	 * @param id Sentry's filter id, also the reason of the outcome it records
	 * @param name what the settings page shows
	 * @param description the longer explanation
	 */
	record Spec(String id, String name, String description) {

	}

	static final String LEGACY_BROWSERS = "legacy-browsers";

	/** Sorted by name, as Sentry answers them. */
	static final List<Spec> ALL = List
		.of(new Spec("localhost", "Filter out events coming from localhost",
				"This applies to both IPv4 (``127.0.0.1``) and IPv6 (``::1``) addresses."),
				new Spec("browser-extensions", "Filter out errors known to be caused by browser extensions",
						"Certain browser extensions will inject inline scripts and are known to cause errors."),
				new Spec(LEGACY_BROWSERS, "Filter out known errors from legacy browsers",
						"Older browsers often give less accurate information, and while they may report valid "
								+ "issues, the context to understand them is incorrect or missing."),
				new Spec("web-crawlers", "Filter out known web crawlers",
						"Some crawlers may execute pages in incompatible ways which then cause errors that are "
								+ "unlikely to be seen by a normal user."),
				new Spec("filtered-transaction", "Filter out health check transactions",
						"Filter transactions that match most common naming patterns for health checks."))
		.stream()
		.sorted(Comparator.comparing(Spec::name))
		.toList();

	private InboundFilterSpecs() {
	}

	static Optional<Spec> find(String id) {
		return ALL.stream().filter((spec) -> spec.id().equals(id)).findFirst();
	}

	/**
	 * What Sentry shows as the filter's {@code active}: a boolean, or for
	 * {@code legacy-browsers} {@code true} (every browser below its minimum version),
	 * {@code false}, or the list of active subfilters.
	 */
	static Object active(Spec spec, ProjectFilters filters) {
		return switch (spec.id()) {
			case "localhost" -> filters.localhost();
			case "browser-extensions" -> filters.browserExtensions();
			case "web-crawlers" -> filters.webCrawlers();
			case "filtered-transaction" -> filters.filteredTransaction();
			default -> {
				if (filters.legacyBrowsers().isEmpty()) {
					yield false;
				}
				yield filters.legacyBrowsers().contains(LegacyBrowsers.DEFAULT) ? true
						: List.copyOf(filters.legacyBrowsers());
			}
		};
	}

	/**
	 * The filters after Sentry's {@code PUT …/filters/{id}/}: {@code active} turns a
	 * filter on or off ({@code legacy-browsers} on means every browser below its minimum
	 * version); for {@code legacy-browsers} without {@code active}, {@code subfilters}
	 * lists the active ones (none: off).
	 * @throws IllegalArgumentException naming the field when the body is not valid
	 */
	static ProjectFilters apply(Spec spec, ProjectFilters current, Map<String, ?> body) {
		Object active = body.get("active");
		if (active != null && !(active instanceof Boolean)) {
			throw new IllegalArgumentException("active: Must be a valid boolean.");
		}
		boolean on = Boolean.TRUE.equals(active);
		boolean given = active != null;
		return switch (spec.id()) {
			case "localhost" -> with(current, current.browserExtensions(), given ? on : current.localhost(),
					current.webCrawlers(), current.filteredTransaction(), current.legacyBrowsers());
			case "browser-extensions" -> with(current, given ? on : current.browserExtensions(), current.localhost(),
					current.webCrawlers(), current.filteredTransaction(), current.legacyBrowsers());
			case "web-crawlers" -> with(current, current.browserExtensions(), current.localhost(),
					given ? on : current.webCrawlers(), current.filteredTransaction(), current.legacyBrowsers());
			case "filtered-transaction" -> with(current, current.browserExtensions(), current.localhost(),
					current.webCrawlers(), given ? on : current.filteredTransaction(), current.legacyBrowsers());
			default -> with(current, current.browserExtensions(), current.localhost(), current.webCrawlers(),
					current.filteredTransaction(), legacyBrowsers(active, body.get("subfilters")));
		};
	}

	// Sentry: "active" wins; else the subfilters (sorted, deduplicated); else off.
	private static TreeSet<String> legacyBrowsers(Object active, Object subfilters) {
		TreeSet<String> chosen = new TreeSet<>();
		if (active != null) {
			if (Boolean.TRUE.equals(active)) {
				chosen.add(LegacyBrowsers.DEFAULT);
			}
			return chosen;
		}
		if (subfilters == null) {
			return chosen;
		}
		if (!(subfilters instanceof List<?> list)) {
			throw new IllegalArgumentException("subfilters: Expected a list of items.");
		}
		for (Object name : list) {
			if (!(name instanceof String text) || !LegacyBrowsers.subfilterNames().contains(text)) {
				throw new IllegalArgumentException("subfilters: \"" + name + "\" is not a valid choice.");
			}
			chosen.add(text);
		}
		return chosen;
	}

	private static ProjectFilters with(ProjectFilters current, boolean browserExtensions, boolean localhost,
			boolean webCrawlers, boolean filteredTransaction, java.util.SortedSet<String> legacyBrowsers) {
		return new ProjectFilters(browserExtensions, localhost, webCrawlers, filteredTransaction,
				new TreeSet<>(legacyBrowsers), current.errorMessages(), current.releases(), current.blacklistedIps());
	}

}
