package dev.faultline.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * uap-core's user-agent rules ({@code ua_parser/regexes.yaml}, shipped in the uap-java
 * artifact; the rules Sentry derives browser, OS and device contexts with), compiled onto
 * RE2/J: a user agent is client data, and on the JDK engine a hostile 512-character agent
 * cost 10–40 ms against uap-core's patterns. The literal text each rule's matches contain
 * is found once, at load ({@link RequiredLiteral}), so that parsing runs only the rules
 * whose literals the agent contains.
 *
 * <p>
 * Loaded on first use (about 1,200 patterns), then shared; immutable and thread-safe.
 * Registered in {@link ClientPatterns#all()}, so the linear-time property test covers
 * every rule.
 */
public final class UserAgentRules {

	private static final String RESOURCE = "/ua_parser/regexes.yaml";

	private UserAgentRules() {
	}

	/** Every rule of {@code kind}, in the order uap-core tries them. */
	public static List<UserAgentRule> of(UserAgentRule.Kind kind) {
		return switch (kind) {
			case BROWSER -> Loaded.BROWSER;
			case OS -> Loaded.OS;
			case DEVICE -> Loaded.DEVICE;
		};
	}

	/** Every rule of every kind. */
	public static List<UserAgentRule> all() {
		List<UserAgentRule> all = new ArrayList<>(Loaded.BROWSER);
		all.addAll(Loaded.OS);
		all.addAll(Loaded.DEVICE);
		return all;
	}

	// Holder idiom: the YAML is read and the patterns compiled when a rule is first
	// asked for, not when ClientPatterns is loaded (the scrubbers need it at start-up).
	private static final class Loaded {

		private static final Map<String, Object> DOCUMENT = read();

		static final List<UserAgentRule> BROWSER = rules(UserAgentRule.Kind.BROWSER);

		static final List<UserAgentRule> OS = rules(UserAgentRule.Kind.OS);

		static final List<UserAgentRule> DEVICE = rules(UserAgentRule.Kind.DEVICE);

		private static Map<String, Object> read() {
			try (InputStream in = UserAgentRules.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException(RESOURCE + " is not on the class path (uap-java)");
				}
				Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
				return document;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static List<UserAgentRule> rules(UserAgentRule.Kind kind) {
			List<UserAgentRule> rules = new ArrayList<>();
			Object section = DOCUMENT.get(kind.section());
			if (!(section instanceof List<?> entries)) {
				throw new IllegalStateException(RESOURCE + " has no list " + kind.section());
			}
			int index = 0;
			for (Object entry : entries) {
				rules.add(rule(kind, index++, (Map<?, ?>) entry));
			}
			return List.copyOf(rules);
		}

		private static UserAgentRule rule(UserAgentRule.Kind kind, int index, Map<?, ?> entry) {
			String regex = String.valueOf(entry.get("regex"));
			boolean ignoreCase = "i".equals(entry.get("regex_flag"));
			Map<String, String> replacements = new LinkedHashMap<>();
			for (Map.Entry<?, ?> field : entry.entrySet()) {
				String name = String.valueOf(field.getKey());
				if (name.endsWith("_replacement") && field.getValue() != null) {
					replacements.put(name, String.valueOf(field.getValue()));
				}
			}
			List<List<String>> requirements = RequiredLiteral.of(regex);
			ClientPattern pattern = ClientPattern.re2j(
					"useragent." + kind.name().toLowerCase(Locale.ROOT) + "." + index,
					ignoreCase ? "(?i)" + regex : regex);
			return new UserAgentRule(kind, pattern,
					ignoreCase ? requirements.stream().map(Loaded::lowerCased).toList() : requirements, ignoreCase,
					replacements);
		}

		private static List<String> lowerCased(List<String> literals) {
			return literals.stream().map((literal) -> literal.toLowerCase(Locale.ROOT)).toList();
		}

	}

}
