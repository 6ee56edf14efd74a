package dev.faultline.core.scrub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@link PiiConfig} (Sentry's advanced data scrubbing) to a normalized event.
 *
 * <p>
 * Every value of the event is offered to every selector with its path. A selected string
 * has its rules applied; a selected object or array has {@code anything} and
 * {@code password} rules applied to it as a whole and its other rules applied to every
 * string inside it. Each redaction is recorded in Sentry's {@code _meta} tree at the
 * value's path as {@code rem: [[<rule id>, <x|m|p|s>]]} (removed, masked, pseudonymized,
 * substituted).
 *
 * <p>
 * Not offered, as with the default scrubbers: the SDK block, debug images, ids, times,
 * {@code _meta}, and the identity of stack frames (file, module, function: grouping needs
 * them and they carry no personal data).
 *
 * <p>
 * Thread-safe; never throws on odd shapes.
 */
public final class PiiScrubber {

	// The built-in types' patterns are registered in ClientPatterns, where the
	// linear-time
	// property test checks them; a rule's own pattern runs on RE2/J (UserPatterns).
	private static final Pattern PASSWORD_KEY = ClientPatterns.PII_PASSWORD_KEY.jdk();

	private static final Pattern CREDITCARD = ClientPatterns.PII_CREDITCARD.jdk();

	private static final Pattern IP = ClientPatterns.PII_IP.jdk();

	private static final com.google.re2j.Pattern EMAIL = ClientPatterns.PII_EMAIL.re2j();

	private static final Pattern IMEI = ClientPatterns.PII_IMEI.jdk();

	private static final Pattern MAC = ClientPatterns.PII_MAC.jdk();

	private static final Pattern UUID = ClientPatterns.PII_UUID.jdk();

	private static final com.google.re2j.Pattern PEMKEY = ClientPatterns.PII_PEMKEY.re2j();

	private static final com.google.re2j.Pattern URLAUTH = ClientPatterns.PII_URLAUTH.re2j();

	private static final Pattern USSSN = ClientPatterns.PII_USSSN.jdk();

	private static final Pattern USERPATH = ClientPatterns.PII_USERPATH.jdk();

	private static final Set<String> UNSCRUBBED_TOP_LEVEL = Set.of("sdk", "debug_meta", "event_id", "timestamp",
			"received", "platform", "level", "type", "_meta", "hashes", "grouping_info");

	private static final Set<String> FRAME_IDENTITY = Set.of("filename", "abs_path", "module", "function", "package",
			"raw_function", "symbol", "instruction_addr", "symbol_addr", "image_addr", "platform", "in_app", "lineno",
			"colno");

	private final PiiConfig config;

	public PiiScrubber(PiiConfig config) {
		this.config = config;
	}

	/**
	 * Scrubs the event in place; returns how many values were changed or removed.
	 */
	public int scrub(ObjectNode event) {
		if (this.config.isEmpty()) {
			return 0;
		}
		Walk walk = new Walk(event);
		List<PiiSelector.Segment> path = new ArrayList<>();
		for (String field : new ArrayList<>(event.propertyNames())) {
			if (!UNSCRUBBED_TOP_LEVEL.contains(field)) {
				walk.visit(event, field, field, event.get(field), path, List.of(), List.of(), Set.of("event"));
			}
		}
		return walk.changed;
	}

	private final class Walk {

		private final ObjectNode event;

		private int changed;

		Walk(ObjectNode event) {
			this.event = event;
		}

		/**
		 * Visits {@code value}, at {@code slot} of {@code parent} (an object key, or an
		 * array index). {@code name} is what selectors see: the key, the index, or for
		 * the value of a {@code [key, value]} pair the pair's key; {@code metaParent} is
		 * the JSON position of the parent, where {@code _meta} records go.
		 */
		void visit(JsonNode parent, String slot, String name, JsonNode value, List<PiiSelector.Segment> path,
				List<String> metaParent, List<Map.Entry<String, PiiRule>> inherited, Set<String> parentTypes) {
			if (value == null || value.isNull() || value.isMissingNode()) {
				return;
			}
			if (parentTypes.contains("frame") && FRAME_IDENTITY.contains(name)) {
				return;
			}
			Set<String> types = types(path, name, value, parentTypes);
			List<PiiSelector.Segment> here = new ArrayList<>(path);
			here.add(new PiiSelector.Segment(name, types));
			List<Map.Entry<String, PiiRule>> rules = new ArrayList<>(inherited);
			for (PiiConfig.Application application : PiiScrubber.this.config.applications()) {
				if (application.selector().matches(here)) {
					for (String id : application.ruleIds()) {
						rules.add(Map.entry(id, PiiScrubber.this.config.rules().get(id)));
					}
				}
			}
			List<String> metaPath = new ArrayList<>(metaParent);
			metaPath.add(slot);
			if (value.isContainer()) {
				for (Map.Entry<String, PiiRule> rule : rules) {
					// An inherited "anything" has redacted the ancestor already; an
					// inherited "password" still applies to a sensitive key below it.
					boolean own = !inherited.contains(rule) || rule.getValue().type() == PiiRule.Type.PASSWORD;
					if (own && wholeValue(rule.getValue(), name)) {
						replace(parent, slot, redactWhole(value, rule.getValue()));
						mark(metaPath, rule.getKey(), rule.getValue().method());
						this.changed++;
						return;
					}
				}
				if (value instanceof ObjectNode object) {
					for (String child : new ArrayList<>(object.propertyNames())) {
						visit(object, child, child, object.get(child), here, metaPath, rules, types);
					}
				}
				else if (value instanceof ArrayNode array) {
					for (int i = 0; i < array.size(); i++) {
						JsonNode element = array.get(i);
						if (element.isArray() && element.size() == 2 && element.get(0).isString()) {
							// a [key, value] pair: selectors address it by its key
							List<String> pairMeta = new ArrayList<>(metaPath);
							pairMeta.add(Integer.toString(i));
							visit(element, "1", element.get(0).asString(), element.get(1), here, pairMeta, rules,
									types);
						}
						else {
							visit(array, Integer.toString(i), Integer.toString(i), element, here, metaPath, rules,
									types);
						}
					}
				}
				return;
			}
			if (rules.isEmpty()) {
				return;
			}
			JsonNode current = value;
			for (Map.Entry<String, PiiRule> rule : rules) {
				JsonNode next = apply(current, name, rule.getValue());
				if (next != current) {
					mark(metaPath, rule.getKey(), rule.getValue().method());
					current = next;
					if (current.isNull()) {
						break;
					}
				}
			}
			if (current != value) {
				replace(parent, slot, current);
				this.changed++;
			}
		}

		private void replace(JsonNode parent, String slot, JsonNode value) {
			if (parent instanceof ObjectNode object) {
				object.set(slot, value);
			}
			else if (parent instanceof ArrayNode array) {
				array.set(Integer.parseInt(slot), value);
			}
		}

		private void mark(List<String> path, String ruleId, PiiRule.Method method) {
			ObjectNode node = (this.event.get("_meta") instanceof ObjectNode meta) ? meta
					: this.event.putObject("_meta");
			for (String segment : path) {
				node = (node.get(segment) instanceof ObjectNode child) ? child : node.putObject(segment);
			}
			ObjectNode entry = (node.get("") instanceof ObjectNode existing) ? existing : node.putObject("");
			ArrayNode rem = (entry.get("rem") instanceof ArrayNode existing) ? existing : entry.putArray("rem");
			rem.addArray().add(ruleId).add(code(method));
		}

	}

	private static String code(PiiRule.Method method) {
		return switch (method) {
			case REMOVE -> "x";
			case MASK -> "m";
			case HASH -> "p";
			case REPLACE -> "s";
		};
	}

	/**
	 * The value types of a value, by its position (Sentry's {@code $error},
	 * {@code $frame}, …) and its JSON type.
	 */
	private static Set<String> types(List<PiiSelector.Segment> path, String name, JsonNode value,
			Set<String> parentTypes) {
		Set<String> types = new HashSet<>();
		if (value.isString()) {
			types.add("string");
		}
		else if (value.isNumber()) {
			types.add("number");
		}
		else if (value.isBoolean()) {
			types.add("boolean");
		}
		else if (value.isObject()) {
			types.add("object");
		}
		else if (value.isArray()) {
			types.add("array");
		}
		String parentKey = path.isEmpty() ? "" : path.get(path.size() - 1).key();
		String grandKey = (path.size() < 2) ? "" : path.get(path.size() - 2).key();
		if (path.isEmpty()) {
			switch (name) {
				case "exception" -> types.add("exception");
				case "request" -> types.add("http");
				case "user" -> types.add("user");
				case "logentry" -> types.add("logentry");
				case "contexts" -> types.add("contexts");
				default -> {
				}
			}
		}
		if (value.isObject() && "values".equals(parentKey)) {
			switch (grandKey) {
				case "exception" -> types.add("error");
				case "threads" -> types.add("thread");
				case "breadcrumbs" -> types.add("breadcrumb");
				default -> {
				}
			}
		}
		if (value.isObject() && "stacktrace".equals(name)) {
			types.add("stacktrace");
		}
		if (value.isObject() && "frames".equals(parentKey)) {
			types.add("frame");
		}
		if (value.isString() && parentTypes.contains("logentry")
				&& ("formatted".equals(name) || "message".equals(name))) {
			types.add("message");
		}
		return types;
	}

	private static boolean wholeValue(PiiRule rule, String name) {
		return rule.type() == PiiRule.Type.ANYTHING
				|| (rule.type() == PiiRule.Type.PASSWORD && PASSWORD_KEY.matcher(name).find());
	}

	/**
	 * The redacted scalar, or {@code value} itself when the rule finds nothing.
	 */
	private static JsonNode apply(JsonNode value, String name, PiiRule rule) {
		if (wholeValue(rule, name)) {
			return redactWhole(value, rule);
		}
		if (!value.isString()) {
			// Numbers and booleans are not searched: only whole-value rules apply.
			return value;
		}
		String text = value.asString();
		String result = switch (rule.type()) {
			case CREDITCARD -> replaceAll(text, CREDITCARD, 0, rule, PiiScrubber::luhn);
			case IP -> replaceAll(text, IP, 0, rule, null);
			case EMAIL -> replaceAll(text, EMAIL, 0, rule);
			case IMEI -> replaceAll(text, IMEI, 0, rule, null);
			case MAC -> replaceAll(text, MAC, 0, rule, null);
			case UUID -> replaceAll(text, UUID, 0, rule, null);
			case PEMKEY -> replaceAll(text, PEMKEY, 1, rule);
			case URLAUTH -> replaceAll(text, URLAUTH, 1, rule);
			case USSSN -> replaceAll(text, USSSN, 0, rule, null);
			case USERPATH -> replaceAll(text, USERPATH, 1, rule, null);
			case PATTERN -> replaceAll(text, java.util.Objects.requireNonNull(rule.pattern()), 0, rule);
			case PASSWORD, ANYTHING -> text;
		};
		return result.equals(text) ? value : JsonNodeFactory.instance.stringNode(result);
	}

	private static String replaceAll(String text, Pattern pattern, int group, PiiRule rule,
			@Nullable Predicate<String> accept) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			if (matcher.group(group) == null || (accept != null && !accept.test(matcher.group(group)))) {
				continue;
			}
			out.append(text, last, matcher.start(group)).append(redact(matcher.group(group), rule));
			last = matcher.end(group);
		}
		return (last == 0) ? text : out.append(text, last, text.length()).toString();
	}

	private static String replaceAll(String text, com.google.re2j.Pattern pattern, int group, PiiRule rule) {
		com.google.re2j.Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			if (matcher.group(group) == null) {
				continue;
			}
			out.append(text, last, matcher.start(group)).append(redact(matcher.group(group), rule));
			last = matcher.end(group);
		}
		return (last == 0) ? text : out.append(text, last, text.length()).toString();
	}

	private static String redact(String found, PiiRule rule) {
		return switch (rule.method()) {
			case REMOVE -> "";
			case MASK -> "*".repeat(found.length());
			case HASH -> sha1(found);
			case REPLACE -> rule.text();
		};
	}

	private static JsonNode redactWhole(JsonNode value, PiiRule rule) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		String text = value.isString() ? value.asString() : value.toString();
		return switch (rule.method()) {
			case REMOVE -> nodes.nullNode();
			case MASK -> nodes.stringNode("*".repeat(text.length()));
			case HASH -> nodes.stringNode(sha1(text));
			case REPLACE -> nodes.stringNode(rule.text());
		};
	}

	// Not keyed: equal values keep equal hashes across events and projects, which is what
	// makes a hashed value searchable (Relay's HMAC key is a fixed empty key too).
	private static String sha1(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required by every JDK", ex);
		}
	}

	private static boolean luhn(String candidate) {
		String digits = candidate.replace(" ", "").replace("-", "");
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
