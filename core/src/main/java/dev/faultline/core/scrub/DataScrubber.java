package dev.faultline.core.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.core.normalize.EventTitles;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets and personal data from a normalized event, after Sentry's (Relay's)
 * default data scrubbing rules.
 *
 * <p>
 * With {@link ScrubbingSettings#defaults()}:
 * <ul>
 * <li>the value of every object key, and of every {@code [key, value]} pair (tags,
 * headers, cookies, query strings, environment), whose name contains {@code password},
 * {@code secret}, {@code passwd}, {@code api_key}, {@code apikey}, {@code auth},
 * {@code credentials}, {@code mysql_pwd}, {@code privatekey}, {@code private_key},
 * {@code token}, {@code otp} or {@code two_factor} (Relay's {@code PASSWORD_KEY_REGEX};
 * case-insensitive, {@code -} read as {@code _}) or one of the additional sensitive
 * fields becomes {@value #FILTERED}; so does every cookie ({@code request.cookies}, the
 * {@code Cookie} and {@code Set-Cookie} headers), since session cookies are
 * credentials;</li>
 * <li>inside strings: {@code Bearer} tokens, credentials in URLs
 * ({@code scheme://user:pass@}), PEM private key bodies, {@code key=value} and
 * {@code key: value} pairs with a sensitive key, credit card numbers that pass the Luhn
 * check, and US social security numbers are replaced by {@value #FILTERED}.</li>
 * </ul>
 * With {@link ScrubbingSettings#ipAddresses()}: {@code user.ip_address},
 * {@code request.env.REMOTE_ADDR} and the {@code X-Forwarded-For}, {@code X-Real-IP} and
 * {@code Forwarded} headers are removed.
 *
 * <p>
 * Left alone, as Relay does: the SDK block, debug images, the identity of stack frames
 * (file, path, module, function, package: needed for grouping and never secret) and the
 * user agent. When anything the titles are made of was scrubbed the title, culprit and
 * metadata are recomputed, so no secret reaches the issue either.
 *
 * <p>
 * Stateless apart from its settings; thread-safe. Never throws on odd shapes.
 */
public final class DataScrubber {

	/**
	 * The replacement of a scrubbed value, as Sentry writes it.
	 */
	public static final String FILTERED = "[Filtered]";

	/** {@link #FILTERED} as an RE2/J replacement ({@code $} and {@code \\} escaped). */
	private static final String FILTERED_RE2J = com.google.re2j.Matcher.quoteReplacement(FILTERED);

	// Every pattern here is registered in ClientPatterns, where the linear-time property
	// test checks it.
	private static final Pattern SENSITIVE_KEY = ClientPatterns.SCRUB_SENSITIVE_KEY.jdk();

	private static final Pattern BEARER = ClientPatterns.SCRUB_BEARER.jdk();

	private static final com.google.re2j.Pattern URL_AUTH = ClientPatterns.SCRUB_URL_AUTH.re2j();

	private static final Pattern PEM = ClientPatterns.SCRUB_PEM.jdk();

	private static final Pattern KEY_VALUE = ClientPatterns.SCRUB_KEY_VALUE.jdk();

	// Card numbers start with 3 to 6 (American Express, Visa, Mastercard, Discover...);
	// leaving out 1 keeps epoch milliseconds, which pass the Luhn check one time in ten.
	private static final Pattern CARD = ClientPatterns.SCRUB_CARD.jdk();

	private static final Pattern US_SSN = ClientPatterns.SCRUB_US_SSN.jdk();

	private static final Set<String> COOKIE_HEADERS = Set.of("cookie", "set_cookie");

	private static final Set<String> IP_HEADERS = Set.of("x_forwarded_for", "x_real_ip", "forwarded");

	private static final Set<String> UNSCRUBBED_TOP_LEVEL = Set.of("sdk", "debug_meta", "event_id", "timestamp",
			"received", "platform", "level", "type", "_meta");

	private static final Set<String> FRAME_IDENTITY = Set.of("filename", "abs_path", "module", "function", "package",
			"raw_function", "symbol", "instruction_addr", "symbol_addr", "image_addr", "platform");

	/**
	 * The top-level fields {@link EventTitles} reads, and the titles themselves. The
	 * advanced rules may change any field, so their changes always count.
	 */
	private static final Set<String> TITLE_SOURCES = Set.of("exception", "logentry", "message", "transaction",
			"threads", "stacktrace", "title", "culprit", "metadata");

	/** Distinct key names remembered per scrubber; beyond it names are checked anew. */
	private static final int MAX_REMEMBERED_KEYS = 4096;

	private final ScrubbingSettings settings;

	/**
	 * Whether a normalized key name is sensitive, by name: events repeat the same few
	 * hundred keys, and the sensitive-key pattern costs more than a lookup.
	 */
	private final Map<String, Boolean> sensitiveNames = new ConcurrentHashMap<>();

	private final PiiScrubber advanced;

	public DataScrubber(ScrubbingSettings settings) {
		this(settings, PiiConfig.EMPTY);
	}

	/**
	 * @param advanced Sentry's advanced data scrubbing rules, applied before the default
	 * scrubbers as Relay does
	 */
	public DataScrubber(ScrubbingSettings settings, PiiConfig advanced) {
		this.settings = settings;
		this.advanced = new PiiScrubber(advanced);
	}

	/**
	 * Scrubs the event in place; returns how many values were replaced or removed.
	 */
	public int scrub(ObjectNode event) {
		int scrubbed = this.advanced.scrub(event);
		if (this.settings.ipAddresses()) {
			scrubbed += scrubIpAddresses(event);
		}
		// The titles are derived from these fields only: a change elsewhere (a header, an
		// extra value) leaves them as the normalizer computed them.
		int titleSources = scrubbed;
		if (this.settings.defaults() || !this.settings.sensitiveFields().isEmpty()) {
			List<String> fields = new ArrayList<>();
			event.propertyNames().forEach(fields::add);
			for (String field : fields) {
				if (UNSCRUBBED_TOP_LEVEL.contains(field)) {
					continue;
				}
				int changed = scrubEntry(event, field, event.get(field), Context.EVENT, new Where(event, null, field));
				scrubbed += changed;
				if (TITLE_SOURCES.contains(field)) {
					titleSources += changed;
				}
			}
		}
		if (titleSources > 0) {
			EventTitles titles = EventTitles.of(EventCodec.decode(event));
			event.put("type", titles.type());
			event.put("title", titles.title());
			event.put("culprit", titles.culprit());
			ObjectNode metadata = event.putObject("metadata");
			titles.metadata().forEach(metadata::put);
		}
		return scrubbed;
	}

	private enum Context {

		EVENT, FRAME, HEADERS, COOKIES, USER_AGENT

	}

	/**
	 * Where a value is: its event (whose {@code _meta} records each replacement, as Relay
	 * does, so that the UI can say what was scrubbed and why) and its JSON path there, as
	 * a chain of segments so that the walk allocates no path until something is replaced.
	 */
	private record Where(ObjectNode event, @Nullable Where parent, String segment) {

		Where child(String childSegment) {
			return new Where(this.event, this, childSegment);
		}

		/** Records Relay's remark: the rule and {@code s} (substituted). */
		void replaced(String ruleId) {
			List<String> path = new ArrayList<>();
			for (Where at = this; at != null; at = at.parent) {
				path.add(0, at.segment);
			}
			MetaRemarks.add(this.event, path, ruleId, "s");
		}

	}

	/** Relay's rule id for values of sensitive keys and cookies. */
	private static final String PASSWORD_RULE = "@password:filter";

	/**
	 * The rule id for sensitive strings inside text (tokens, cards, key=value pairs…).
	 */
	private static final String TEXT_RULE = "@common:filter";

	/**
	 * Scrubs the value of {@code key} in its object parent.
	 */
	private int scrubEntry(ObjectNode parent, String key, JsonNode value, Context context, Where where) {
		if (value.isNull() || value.isMissingNode()) {
			return 0;
		}
		String name = keyName(key);
		Context child = childContext(name, context);
		boolean cookieText = child == Context.COOKIES && !value.isContainer();
		if (cookieText || context == Context.COOKIES || isSensitive(name)
				|| (context == Context.HEADERS && COOKIE_HEADERS.contains(name))) {
			if (isFiltered(value)) {
				return 0;
			}
			parent.put(key, FILTERED);
			where.replaced(PASSWORD_RULE);
			return 1;
		}
		if (context == Context.FRAME && FRAME_IDENTITY.contains(name)) {
			return 0;
		}
		if (context == Context.HEADERS && "user_agent".equals(name)) {
			return 0;
		}
		if (value.isString() || value.isNumber()) {
			String scrubbed = scrubText(value);
			if (scrubbed != null) {
				parent.put(key, scrubbed);
				where.replaced(TEXT_RULE);
				return 1;
			}
			return 0;
		}
		return scrubContainer(value, child, where);
	}

	private int scrubContainer(JsonNode value, Context context, Where where) {
		int scrubbed = 0;
		if (value.isObject()) {
			ObjectNode object = (ObjectNode) value;
			List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
			for (Map.Entry<String, JsonNode> entry : entries) {
				scrubbed += scrubEntry(object, entry.getKey(), entry.getValue(), context, where.child(entry.getKey()));
			}
		}
		else if (value.isArray()) {
			ArrayNode array = (ArrayNode) value;
			for (int i = 0; i < array.size(); i++) {
				JsonNode element = array.get(i);
				Where at = where.child(Integer.toString(i));
				if (isPair(element)) {
					scrubbed += scrubPair((ArrayNode) element, context, at);
				}
				else if (element.isString() || element.isNumber()) {
					if (context == Context.COOKIES) {
						array.set(i, FILTERED);
						at.replaced(PASSWORD_RULE);
						scrubbed++;
						continue;
					}
					String scrubbedText = scrubText(element);
					if (scrubbedText != null) {
						array.set(i, scrubbedText);
						at.replaced(TEXT_RULE);
						scrubbed++;
					}
				}
				else {
					scrubbed += scrubContainer(element, context, at);
				}
			}
		}
		return scrubbed;
	}

	/**
	 * Scrubs a {@code [key, value]} pair as an object entry.
	 */
	private int scrubPair(ArrayNode pair, Context context, Where where) {
		ObjectNode holder = pair.objectNode();
		String key = pair.get(0).stringValue();
		holder.set(key, pair.get(1));
		int scrubbed = scrubEntry(holder, key, pair.get(1), context, where.child("1"));
		if (scrubbed > 0) {
			pair.set(1, holder.get(key));
		}
		return scrubbed;
	}

	private static boolean isPair(JsonNode element) {
		return element.isArray() && element.size() == 2 && element.get(0).isString();
	}

	private static Context childContext(String name, Context context) {
		return switch (name) {
			case "headers" -> Context.HEADERS;
			case "cookies" -> Context.COOKIES;
			case "frames" -> Context.FRAME;
			default -> (context == Context.FRAME || context == Context.HEADERS) ? Context.EVENT : context;
		};
	}

	private boolean isSensitive(String name) {
		Boolean known = this.sensitiveNames.get(name);
		if (known != null) {
			return known;
		}
		boolean sensitive = checkSensitive(name);
		if (this.sensitiveNames.size() < MAX_REMEMBERED_KEYS) {
			this.sensitiveNames.put(name, sensitive);
		}
		return sensitive;
	}

	private boolean checkSensitive(String name) {
		if (this.settings.safeFields().contains(name)) {
			return false;
		}
		if (this.settings.defaults() && SENSITIVE_KEY.matcher(name).find()) {
			return true;
		}
		for (String field : this.settings.sensitiveFields()) {
			if (name.contains(field.replace('-', '_'))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The scrubbed text of a string or number, or null when nothing in it is sensitive.
	 */
	private @Nullable String scrubText(JsonNode value) {
		if (!this.settings.defaults()) {
			return null;
		}
		if (value.isNumber()) {
			// Numbers are counters, sizes and times far more often than card numbers.
			return null;
		}
		String text = value.stringValue();
		String result = scrubString(text);
		return result.equals(text) ? null : result;
	}

	static String scrubString(String text) {
		String result = text;
		if (result.contains("PRIVATE KEY")) {
			result = PEM.matcher(result)
				.replaceAll((match) -> (match.group(1) != null)
						? Matcher.quoteReplacement(match.group(1) + FILTERED + match.group(2)) : FILTERED);
		}
		// Each pattern runs only where its gate (ScrubGates) says it can match.
		if (ScrubGates.mayHoldBearer(result)) {
			result = BEARER.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(FILTERED));
		}
		if (result.contains("@")) {
			result = URL_AUTH.matcher(result).replaceAll("$1" + FILTERED_RE2J + "@");
		}
		if (ScrubGates.mayHoldKeyValue(result)) {
			result = KEY_VALUE.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(FILTERED));
		}
		if (ScrubGates.mayHoldCard(result)) {
			result = CARD.matcher(result).replaceAll((match) -> {
				String digits = digitsOnly(match.group());
				return luhn(digits) ? Matcher.quoteReplacement(FILTERED) : Matcher.quoteReplacement(match.group());
			});
		}
		if (ScrubGates.mayHoldSsn(result)) {
			result = US_SSN.matcher(result).replaceAll(Matcher.quoteReplacement(FILTERED));
		}
		return result;
	}

	private static String digitsOnly(String candidate) {
		StringBuilder digits = new StringBuilder(candidate.length());
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c != ' ' && c != '-') {
				digits.append(c);
			}
		}
		return digits.toString();
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return false;
			}
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	private int scrubIpAddresses(ObjectNode event) {
		int scrubbed = 0;
		JsonNode user = event.get("user");
		if (user instanceof ObjectNode userObject && userObject.has("ip_address")) {
			userObject.remove("ip_address");
			scrubbed++;
		}
		JsonNode request = event.get("request");
		if (request instanceof ObjectNode requestObject) {
			JsonNode env = requestObject.get("env");
			if (env instanceof ObjectNode envObject && envObject.has("REMOTE_ADDR")) {
				envObject.remove("REMOTE_ADDR");
				scrubbed++;
			}
			JsonNode headers = requestObject.get("headers");
			if (headers instanceof ObjectNode headerObject) {
				List<String> names = new ArrayList<>();
				headerObject.propertyNames().forEach(names::add);
				for (String name : names) {
					if (IP_HEADERS.contains(keyName(name))) {
						headerObject.remove(name);
						scrubbed++;
					}
				}
			}
			else if (headers instanceof ArrayNode headerPairs) {
				for (int i = headerPairs.size() - 1; i >= 0; i--) {
					JsonNode pair = headerPairs.get(i);
					if (isPair(pair) && IP_HEADERS.contains(keyName(pair.get(0).stringValue()))) {
						headerPairs.remove(i);
						scrubbed++;
					}
				}
			}
		}
		return scrubbed;
	}

	private static String keyName(String key) {
		return key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
	}

	private static boolean isFiltered(JsonNode value) {
		return value.isString() && FILTERED.equals(value.stringValue());
	}

}
