package dev.faultline.core.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import dev.faultline.core.useragent.ParsedUserAgent;
import org.jspecify.annotations.Nullable;

/**
 * The subfilters of the {@code legacy-browsers} filter, as Sentry lists them, each a
 * browser family (uap-core's name) and the major versions it drops; {@link #DEFAULT}
 * (Sentry's {@code "active": true}) drops every known browser below its minimum version,
 * as Relay's default does. Stateless.
 */
public final class LegacyBrowsers {

	/** The subfilter that stands for Sentry's {@code "active": true}. */
	public static final String DEFAULT = "default";

	private record Rule(String family, IntPredicate dropped) {

	}

	// Sentry's current choices first, then the deprecated ones it still accepts.
	private static final Map<String, Rule> SUBFILTERS = subfilters();

	// Relay's minimum versions for the default filter.
	private static final Map<String, Integer> MINIMUM = Map.of("Chrome", 0, "IE", 10, "Firefox", 0, "Safari", 6, "Edge",
			0, "Opera", 15, "Android", 4, "Opera Mini", 8);

	private LegacyBrowsers() {
	}

	private static Map<String, Rule> subfilters() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("ie", new Rule("IE", (major) -> major <= 11));
		rules.put("edge", new Rule("Edge", (major) -> major <= 110));
		rules.put("safari", new Rule("Safari", (major) -> major <= 15));
		rules.put("firefox", new Rule("Firefox", (major) -> major <= 110));
		rules.put("chrome", new Rule("Chrome", (major) -> major <= 110));
		rules.put("opera", new Rule("Opera", (major) -> major <= 99));
		rules.put("android", new Rule("Android", (major) -> major <= 3));
		rules.put("opera_mini", new Rule("Opera Mini", (major) -> major <= 34));
		rules.put("ie_pre_9", new Rule("IE", (major) -> major <= 8));
		rules.put("ie9", new Rule("IE", (major) -> major == 9));
		rules.put("ie10", new Rule("IE", (major) -> major == 10));
		rules.put("ie11", new Rule("IE", (major) -> major == 11));
		rules.put("opera_pre_15", new Rule("Opera", (major) -> major < 15));
		rules.put("android_pre_4", new Rule("Android", (major) -> major < 4));
		rules.put("safari_pre_6", new Rule("Safari", (major) -> major < 6));
		rules.put("opera_mini_pre_8", new Rule("Opera Mini", (major) -> major < 8));
		rules.put("edge_pre_79", new Rule("Edge", (major) -> major < 79));
		return Map.copyOf(rules);
	}

	/** Every subfilter name Sentry accepts, {@link #DEFAULT} aside. */
	public static Set<String> subfilterNames() {
		return SUBFILTERS.keySet();
	}

	/** Whether a name is {@link #DEFAULT} or one of {@link #subfilterNames()}. */
	public static boolean isKnown(String name) {
		return DEFAULT.equals(name) || SUBFILTERS.containsKey(name);
	}

	/**
	 * Whether the browser is dropped by one of the active subfilters; an unknown
	 * subfilter drops nothing (Relay's forward compatibility).
	 */
	public static boolean matches(ParsedUserAgent.@Nullable Product browser, Set<String> active) {
		if (browser == null || active.isEmpty()) {
			return false;
		}
		Integer major = major(browser.major());
		if (major == null) {
			return false;
		}
		// IE Mobile counts as IE (Sentry's and Relay's compatibility mapping).
		String family = "IE Mobile".equals(browser.family()) ? "IE" : browser.family();
		if (active.contains(DEFAULT)) {
			Integer minimum = MINIMUM.get(family);
			return minimum != null && major < minimum;
		}
		for (String name : active) {
			Rule rule = SUBFILTERS.get(name);
			if (rule != null && rule.family().equals(family) && rule.dropped().test(major)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Integer major(@Nullable String major) {
		if (major == null || major.isEmpty() || major.length() > 6 || !major.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Integer.valueOf(major);
	}

}
