package dev.faultline.core.useragent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Matcher;
import dev.faultline.core.text.UserAgentRule;
import dev.faultline.core.text.UserAgentRules;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code User-Agent} header the way uap-core's reference parsers do (first
 * matching rule of each list wins; {@code $1}-style replacements), with two differences
 * that bound its cost on hostile input: the rules run on RE2/J (linear in the agent's
 * length), and a rule runs only when the agent contains the literal text every match of
 * it contains ({@link UserAgentRule#mayMatch}). Agents are read up to
 * {@value #MAX_LENGTH} characters (real ones are a few hundred).
 *
 * <p>
 * Thread-safe. Parsed agents are remembered (up to {@value #CACHE_SIZE} distinct ones,
 * then forgotten all at once), since the same few agents come again and again.
 */
public final class UserAgentParser {

	/** Characters of an agent that are read; the rest cannot change the answer much. */
	public static final int MAX_LENGTH = 512;

	private static final int CACHE_SIZE = 4096;

	private final List<UserAgentRule> browsers = UserAgentRules.of(UserAgentRule.Kind.BROWSER);

	private final List<UserAgentRule> oses = UserAgentRules.of(UserAgentRule.Kind.OS);

	private final List<UserAgentRule> devices = UserAgentRules.of(UserAgentRule.Kind.DEVICE);

	private final Map<String, ParsedUserAgent> cache = new ConcurrentHashMap<>();

	/** What {@code userAgent} says; {@link ParsedUserAgent#UNKNOWN} for nothing. */
	public ParsedUserAgent parse(String userAgent) {
		String agent = (userAgent.length() > MAX_LENGTH) ? userAgent.substring(0, MAX_LENGTH) : userAgent;
		ParsedUserAgent cached = this.cache.get(agent);
		if (cached != null) {
			return cached;
		}
		ParsedUserAgent parsed = parseUncached(agent);
		if (this.cache.size() >= CACHE_SIZE) {
			this.cache.clear();
		}
		this.cache.put(agent, parsed);
		return parsed;
	}

	private ParsedUserAgent parseUncached(String agent) {
		String lowerCased = agent.toLowerCase(Locale.ROOT);
		return new ParsedUserAgent(browser(agent, lowerCased), os(agent, lowerCased), device(agent, lowerCased));
	}

	private ParsedUserAgent.@Nullable Product browser(String agent, String lowerCased) {
		for (UserAgentRule rule : this.browsers) {
			Matcher m = match(rule, agent, lowerCased);
			if (m == null) {
				continue;
			}
			String template = rule.replacement("family_replacement");
			String family;
			if (template != null) {
				family = (template.contains("$1") && m.groupCount() >= 1 && m.group(1) != null)
						? replaceFirst(template, m.group(1)) : template;
			}
			else {
				family = group(m, 1);
			}
			if (family == null) {
				continue;
			}
			String v1Template = rule.replacement("v1_replacement");
			String v2Template = rule.replacement("v2_replacement");
			String v1 = (v1Template != null) ? v1Template : group(m, 2);
			String v2 = (v2Template != null) ? v2Template : group(m, 3);
			String v3 = (v2Template != null) ? null : group(m, 4);
			return known(new ParsedUserAgent.Product(family, v1, v2, v3, null));
		}
		return null;
	}

	private ParsedUserAgent.@Nullable Product os(String agent, String lowerCased) {
		for (UserAgentRule rule : this.oses) {
			Matcher m = match(rule, agent, lowerCased);
			if (m == null) {
				continue;
			}
			String template = rule.replacement("os_replacement");
			String family;
			if (template != null) {
				String first = group(m, 1);
				family = (m.groupCount() >= 1) ? template.replace("$1", (first != null) ? first : "") : template;
			}
			else {
				family = group(m, 1);
			}
			if (family == null) {
				continue;
			}
			return known(new ParsedUserAgent.Product(family, version(rule, "os_v1_replacement", m, 2),
					version(rule, "os_v2_replacement", m, 3), version(rule, "os_v3_replacement", m, 4), group(m, 5)));
		}
		return null;
	}

	private @Nullable String device(String agent, String lowerCased) {
		for (UserAgentRule rule : this.devices) {
			Matcher m = match(rule, agent, lowerCased);
			if (m == null) {
				continue;
			}
			String template = rule.replacement("device_replacement");
			String family = (template != null) ? substitute(template, m) : group(m, 1);
			return (family == null || family.isEmpty() || "Other".equals(family)) ? null : family;
		}
		return null;
	}

	private static @Nullable Matcher match(UserAgentRule rule, String agent, String lowerCased) {
		if (!rule.mayMatch(agent, lowerCased)) {
			return null;
		}
		Matcher m = rule.pattern().re2j().matcher(agent);
		return m.find() ? m : null;
	}

	// An OS version template is either "$n" (that group) or a literal version.
	private static @Nullable String version(UserAgentRule rule, String name, Matcher m, int defaultGroup) {
		String template = rule.replacement(name);
		if (template == null) {
			return group(m, defaultGroup);
		}
		if (template.length() == 2 && template.charAt(0) == '$' && Character.isDigit(template.charAt(1))) {
			return group(m, template.charAt(1) - '0');
		}
		return template;
	}

	// Every "$n" replaced by group n (empty when absent), the result trimmed; as
	// uap-core's device rules expect.
	private static @Nullable String substitute(String template, Matcher m) {
		if (template.indexOf('$') < 0) {
			return template;
		}
		StringBuilder out = new StringBuilder(template.length() + 16);
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
				String value = group(m, template.charAt(++i) - '0');
				out.append((value != null) ? value : "");
			}
			else {
				out.append(c);
			}
		}
		String result = out.toString().trim();
		return result.isEmpty() ? null : result;
	}

	private static String replaceFirst(String template, String value) {
		int at = template.indexOf("$1");
		return template.substring(0, at) + value + template.substring(at + 2);
	}

	private static @Nullable String group(Matcher m, int group) {
		return (group <= m.groupCount()) ? m.group(group) : null;
	}

	private static ParsedUserAgent.@Nullable Product known(ParsedUserAgent.Product product) {
		return "Other".equals(product.family()) ? null : product;
	}

}
