package dev.faultline.core.scrub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;
import dev.faultline.core.text.UserPatterns;
import dev.faultline.protocol.json.ClientJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sentry's advanced data scrubbing configuration ({@code relayPiiConfig}): named rules
 * and the selectors they apply to.
 *
 * <pre>
 * {"rules": {"0": {"type": "creditcard", "redaction": {"method": "mask"}}},
 *  "applications": {"$string": ["0"]}}
 * </pre>
 *
 * Sentry's UI lines ({@code [Mask] [Credit card numbers] from [$string]}) are read by
 * {@link #parseRules(String)}.
 *
 * @param rules rules by id, in the order given
 * @param applications selectors with the ids of the rules they apply, in the order given
 */
public record PiiConfig(Map<String, PiiRule> rules, List<Application> applications) {

	/**
	 * No advanced rules.
	 */
	public static final PiiConfig EMPTY = new PiiConfig(Map.of(), List.of());

	private static final JsonMapper JSON = ClientJson.mapperBuilder().build();

	public PiiConfig {
		rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
		applications = List.copyOf(applications);
		for (Application application : applications) {
			for (String id : application.ruleIds()) {
				if (!rules.containsKey(id)) {
					throw new PiiConfigException(
							"selector '" + application.source() + "' applies an unknown rule '" + id + "'");
				}
			}
		}
	}

	/**
	 * A selector and the rules it applies.
	 *
	 * @param source the selector as written
	 */
	public record Application(String source, PiiSelector selector, List<String> ruleIds) {

		public Application {
			ruleIds = List.copyOf(ruleIds);
		}

	}

	/**
	 * Whether there is no rule to apply.
	 */
	public boolean isEmpty() {
		return this.applications.isEmpty();
	}

	/**
	 * Reads Sentry's JSON form; blank text is {@link #EMPTY}.
	 * @throws PiiConfigException naming the rule or selector that cannot be read
	 */
	public static PiiConfig parse(String json) {
		if (json.isBlank()) {
			return EMPTY;
		}
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new PiiConfigException("relayPiiConfig is not valid JSON");
		}
		if (!root.isObject()) {
			throw new PiiConfigException("relayPiiConfig must be a JSON object");
		}
		Map<String, PiiRule> rules = new LinkedHashMap<>();
		JsonNode rulesNode = root.path("rules");
		if (!rulesNode.isMissingNode() && !rulesNode.isObject()) {
			throw new PiiConfigException("'rules' must be an object");
		}
		for (Map.Entry<String, JsonNode> entry : rulesNode.properties()) {
			rules.put(entry.getKey(), rule(entry.getKey(), entry.getValue()));
		}
		List<Application> applications = new ArrayList<>();
		JsonNode applicationsNode = root.path("applications");
		if (!applicationsNode.isMissingNode() && !applicationsNode.isObject()) {
			throw new PiiConfigException("'applications' must be an object");
		}
		for (Map.Entry<String, JsonNode> entry : applicationsNode.properties()) {
			if (!entry.getValue().isArray()) {
				throw new PiiConfigException("selector '" + entry.getKey() + "' must list rule ids");
			}
			List<String> ids = new ArrayList<>();
			entry.getValue().forEach((id) -> ids.add(id.asString()));
			applications.add(new Application(entry.getKey(), PiiSelector.parse(entry.getKey()), ids));
		}
		return new PiiConfig(rules, applications);
	}

	private static PiiRule rule(String id, JsonNode node) {
		String typeName = node.path("type").asString("");
		PiiRule.Type type = PiiRule.Type.of(typeName);
		if (type == null) {
			throw new PiiConfigException("rule '" + id + "': unknown type '" + typeName + "'");
		}
		JsonNode redaction = node.path("redaction");
		String methodName = redaction.path("method").asString("replace");
		PiiRule.Method method = PiiRule.Method.of(methodName);
		if (method == null) {
			throw new PiiConfigException("rule '" + id + "': unknown redaction method '" + methodName + "'");
		}
		String text = redaction.path("text").asString(DataScrubber.FILTERED);
		Pattern pattern = null;
		if (type == PiiRule.Type.PATTERN) {
			pattern = compile("rule '" + id + "'", node.path("pattern").asString(""));
		}
		try {
			return new PiiRule(type, pattern, method, text);
		}
		catch (PiiConfigException ex) {
			throw new PiiConfigException("rule '" + id + "': " + ex.getMessage());
		}
	}

	// On RE2/J: a project admin's pattern runs on every string of every event, so it must
	// be linear-time whatever it is (issue 13).
	private static Pattern compile(String where, String regex) {
		if (regex.isEmpty()) {
			throw new PiiConfigException(where + ": a pattern is required");
		}
		try {
			return UserPatterns.regex(regex);
		}
		catch (IllegalArgumentException ex) {
			throw new PiiConfigException(
					where + ": invalid pattern (RE2 syntax, no look-around or back-references): " + ex.getMessage());
		}
	}

	/**
	 * Reads rules in Sentry's UI form, one a line (blank lines and {@code #} comments
	 * skipped): {@code <method> <type> [<pattern>] [with <text>] from <selector>}, each
	 * part optionally in square brackets, the type by Sentry's id or label; for example
	 * {@code [Mask] [Credit card numbers] from [$string]}, {@code [Replace] [Regex
	 * matches] [\d{6}] with [CODE] from [extra.otp]} or
	 * {@code remove ip from $user.ip_address}. Line {@code n} becomes rule {@code "n"}.
	 * @throws PiiConfigException naming the line that cannot be read
	 */
	public static PiiConfig parseRules(String lines) {
		Map<String, PiiRule> rules = new LinkedHashMap<>();
		List<Application> applications = new ArrayList<>();
		String[] all = lines.split("\n", -1);
		for (int n = 0; n < all.length; n++) {
			String line = all[n].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String id = Integer.toString(n + 1);
			try {
				List<String> tokens = tokens(line);
				int from = tokens.lastIndexOf("from");
				if (from < 2 || from != tokens.size() - 2) {
					throw new PiiConfigException("expected '<method> <type> from <selector>'");
				}
				PiiRule.Method method = PiiRule.Method.of(tokens.get(0));
				if (method == null) {
					throw new PiiConfigException("unknown method '" + tokens.get(0) + "'");
				}
				PiiRule.Type type = PiiRule.Type.of(tokens.get(1));
				if (type == null) {
					throw new PiiConfigException("unknown data type '" + tokens.get(1) + "'");
				}
				List<String> middle = tokens.subList(2, from);
				Pattern pattern = null;
				String text = DataScrubber.FILTERED;
				int at = 0;
				if (type == PiiRule.Type.PATTERN) {
					if (middle.isEmpty()) {
						throw new PiiConfigException("a pattern is required");
					}
					pattern = compile("pattern", middle.get(0));
					at = 1;
				}
				if (at < middle.size() && middle.get(at).equalsIgnoreCase("with") && at + 1 < middle.size()) {
					text = middle.get(at + 1);
					at += 2;
				}
				if (at != middle.size()) {
					throw new PiiConfigException("unexpected '" + middle.get(at) + "'");
				}
				String selector = tokens.get(from + 1);
				rules.put(id, new PiiRule(type, pattern, method, text));
				applications.add(new Application(selector, PiiSelector.parse(selector), List.of(id)));
			}
			catch (PiiConfigException ex) {
				throw new PiiConfigException("line " + (n + 1) + ": " + ex.getMessage());
			}
		}
		return new PiiConfig(rules, applications);
	}

	// Bracketed parts ("[Credit card numbers]", "[[Filtered]]": brackets nest) are one
	// token each; outside brackets, words are. The selector after "from" is the rest of
	// the line, so it may hold spaces ("$http.headers.x-a || $user.email").
	private static List<String> tokens(String line) {
		List<String> tokens = new ArrayList<>();
		int at = 0;
		while (at < line.length()) {
			char c = line.charAt(at);
			if (Character.isWhitespace(c)) {
				at++;
				continue;
			}
			if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equalsIgnoreCase("from") && c != '[') {
				tokens.add(line.substring(at).strip());
				break;
			}
			if (c == '[') {
				int depth = 0;
				int end = at;
				while (end < line.length()) {
					char d = line.charAt(end);
					depth += (d == '[') ? 1 : (d == ']') ? -1 : 0;
					if (depth == 0) {
						break;
					}
					end++;
				}
				if (depth != 0) {
					throw new PiiConfigException("unclosed '['");
				}
				tokens.add(line.substring(at + 1, end).strip());
				at = end + 1;
				continue;
			}
			int end = at;
			while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
				end++;
			}
			String word = line.substring(at, end);
			tokens.add(word.equalsIgnoreCase("from") ? "from" : word);
			at = end;
		}
		return tokens;
	}

}
