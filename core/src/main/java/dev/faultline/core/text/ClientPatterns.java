package dev.faultline.core.text;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of every regular expression Faultline runs on data a client sent (event
 * payloads, envelope and request headers, URLs, query strings, search text). A pattern
 * that runs on such data is declared here and nowhere else: {@code ClientPatternsTest}
 * fails on a {@code Pattern.compile} elsewhere in the main code of the modules that touch
 * client data, and {@code LinearTimePropertyTest} feeds every pattern listed in
 * {@link #all()} adversarial strings at two lengths and fails when doubling the length
 * more than triples the work. Patterns written by a project admin (advanced scrubbing
 * rules, fingerprint and stack-trace matchers) are not listed: they are compiled by
 * {@link UserPatterns} onto RE2/J, linear for any pattern.
 *
 * <p>
 * Why: a backtracking engine retries a pattern from every start position and may scan to
 * the end of the string from each, so one hostile string of a few thousand characters
 * costs seconds and stalls the processor for every project (issue 13). See
 * {@code core/README.md}, "Linear-time patterns".
 */
public final class ClientPatterns {

	// --- scrubbing (DataScrubber: Sentry's default scrubbers)

	/** A sensitive key (already lower-cased, {@code -} read as {@code _}). */
	public static final ClientPattern SCRUB_SENSITIVE_KEY = ClientPattern.jdk("scrub.sensitive-key",
			"(" + Words.KEY_WORDS + "|otp|two_factor)");

	public static final ClientPattern SCRUB_BEARER = ClientPattern.jdk("scrub.bearer",
			"(?i)\\b(Bearer\\s+)[^\\s\"',;]+");

	// On the JDK engine this was quadratic (a match tried at every word boundary, each
	// scanning to the end of a run such as "a+a+a+…"); RE2/J keeps its exact meaning.
	public static final ClientPattern SCRUB_URL_AUTH = ClientPattern.re2j("scrub.url-auth",
			"(?i)\\b((?:[a-z0-9+.-]+:)?//)[a-z0-9%_.~!$&'()*+,;=-]+(?::[a-z0-9%_.~!$&'()*+,;=-]*)?@");

	public static final ClientPattern SCRUB_PEM = ClientPattern.jdk("scrub.pem",
			"(-----BEGIN[A-Z ]*PRIVATE KEY-----)[\\s\\S]+?(-----END[A-Z ]*PRIVATE KEY-----)|"
					+ "-----BEGIN[A-Z ]*PRIVATE KEY-----[\\s\\S]*");

	// "=" (query strings, form bodies, connection strings) or a quoted key before ":"
	// (JSON text). A match starts only where a key starts (the look-behind); the
	// look-ahead
	// finds a key word lazily within that key, once, and the key is then taken whole and
	// possessively. Written as [key chars]* KEYWORD [key chars]* it backtracked over
	// every
	// key word in a long key ("secretsecret…"), quadratic in the key's length.
	public static final ClientPattern SCRUB_KEY_VALUE = ClientPattern.jdk("scrub.key-value",
			"(?i)(?<![a-z0-9_.-])((?=[a-z0-9_.-]*?(?:" + Words.KEY_WORDS.replace("_", "[_-]")
					+ "))[a-z0-9_.-]++(?:\\s*=\\s*|[\"']\\s*:\\s*)[\"']?)(?!\\[Filtered\\])([^\\s&;,\"'}\\]]+)");

	public static final ClientPattern SCRUB_CARD = ClientPattern.jdk("scrub.card",
			"(?<![\\w-])[3-6](?:[ -]?\\d){12,18}(?![\\w-])");

	public static final ClientPattern SCRUB_US_SSN = ClientPattern.jdk("scrub.us-ssn", "\\b\\d{3}-\\d{2}-\\d{4}\\b");

	// --- advanced data scrubbing (PiiScrubber: the built-in rule types). Those without
	// look-arounds run on RE2/J: they only run when a project configured them, so
	// exact meaning matters more than the JDK engine's speed.

	public static final ClientPattern PII_PASSWORD_KEY = ClientPattern.jdk("pii.password-key",
			"(?i)(" + Words.KEY_WORDS + "|otp|two_factor)");

	public static final ClientPattern PII_CREDITCARD = ClientPattern.jdk("pii.creditcard",
			"(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");

	public static final ClientPattern PII_IP = ClientPattern
		.jdk("pii.ip", "(?<![\\w.:])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
				+ "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\w.])|(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})"
				+ "(?![\\w:])|(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?(?![\\w:])");

	public static final ClientPattern PII_EMAIL = ClientPattern.re2j("pii.email",
			"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9-]+)+");

	public static final ClientPattern PII_IMEI = ClientPattern.jdk("pii.imei",
			"\\b\\d{2}-?\\d{6}-?\\d{6}-?\\d{1,2}\\b");

	public static final ClientPattern PII_MAC = ClientPattern.jdk("pii.mac",
			"\\b(?:[0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}\\b");

	public static final ClientPattern PII_UUID = ClientPattern.jdk("pii.uuid",
			"\\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\b");

	public static final ClientPattern PII_PEMKEY = ClientPattern.re2j("pii.pemkey",
			"(?s)-----BEGIN[A-Z ]*PRIVATE KEY-----(.+?)-----END[A-Z ]*PRIVATE KEY-----");

	public static final ClientPattern PII_URLAUTH = ClientPattern.re2j("pii.urlauth",
			"(?i)\\b[a-z][a-z0-9+.-]*://([^:/@\\s]+:[^@/\\s]*)@");

	public static final ClientPattern PII_USSSN = ClientPattern.jdk("pii.usssn", "\\b\\d{3}-\\d{2}-\\d{4}\\b");

	public static final ClientPattern PII_USERPATH = ClientPattern.jdk("pii.userpath",
			"(?i)(?:[/\\\\](?:users|home)[/\\\\])([^/\\\\\\s]+)");

	// --- grouping: message parameterization (Sentry's parameterization.py), in order

	/**
	 * The parameterizer's rules, applied in this order; each replaced by its placeholder.
	 */
	public static final List<ClientPattern> MESSAGE_PARAMETERS = List.of(
			// Anchored where a local part starts: unanchored, every character of a long
			// word was a start that scanned the rest of the word for "@".
			ClientPattern.jdk("param.email",
					"(?<![a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-])[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]++@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+"),
			ClientPattern.jdk("param.url", "\\b(?:wss?|https?|ftp)://[^\\s/$.?#][^\\s]*"),
			ClientPattern.jdk("param.ip",
					"\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"
							+ "|\\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\\b|(?<![\\w:])::1\\b"),
			ClientPattern.jdk("param.uuid",
					"\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
			ClientPattern.jdk("param.sha1", "\\b[0-9a-fA-F]{40}\\b"),
			ClientPattern.jdk("param.md5", "\\b[0-9a-fA-F]{32}\\b"),
			ClientPattern.jdk("param.date",
					"\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
							+ "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
							+ " \\d{4} \\d{2}:\\d{2}:\\d{2}(?: [+-]\\d{4}| GMT)?"
							+ "|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b"),
			ClientPattern.jdk("param.hex",
					"\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"),
			ClientPattern.jdk("param.float", "(?<![\\w.])-?\\d+\\.\\d+\\b"),
			ClientPattern.jdk("param.int", "(?<![\\w.])-?\\d+\\b"),
			ClientPattern.jdk("param.quoted-str", "(?<!\\w)'[^'\\n]{0,200}'(?!\\w)|(?<!\\w)\"[^\"\\n]{0,200}\"(?!\\w)"),
			ClientPattern.jdk("param.bool", "(?<==)(?:true|false|True|False)\\b"));

	// --- grouping: frames, fingerprints, hashes

	// Generated class-name parts of JVM frames (FrameNormalizer replaces each by its
	// stable
	// form).

	public static final ClientPattern FRAME_LAMBDA = ClientPattern.jdk("frame.lambda",
			"\\$\\$Lambda\\$?\\d*/(?:0x)?[0-9a-fA-F]+");

	public static final ClientPattern FRAME_LAMBDA_COUNTER = ClientPattern.jdk("frame.lambda-counter",
			"\\$\\$Lambda\\$\\d+");

	public static final ClientPattern FRAME_PROXY = ClientPattern.jdk("frame.proxy", "\\$Proxy\\d+");

	public static final ClientPattern FRAME_CGLIB = ClientPattern.jdk("frame.cglib",
			"\\$\\$(EnhancerBy|FastClassBy)(Spring)?CGLIB\\$\\$[0-9a-fA-F]+");

	public static final ClientPattern FRAME_SPRING_CGLIB = ClientPattern.jdk("frame.spring-cglib",
			"\\$\\$SpringCGLIB\\$\\$\\d+");

	public static final ClientPattern FRAME_HIBERNATE_PROXY = ClientPattern.jdk("frame.hibernate-proxy",
			"\\$HibernateProxy\\$\\w+");

	public static final ClientPattern FRAME_ACCESSOR = ClientPattern.jdk("frame.accessor",
			"(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+");

	public static final ClientPattern FRAME_JS_PREFIXES = ClientPattern.jdk("frame.js-prefixes",
			"^(?:async |new |Object\\.)+");

	public static final ClientPattern FRAME_URL_ORIGIN = ClientPattern.jdk("frame.url-origin",
			"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");

	public static final ClientPattern FRAME_CONTENT_HASH = ClientPattern.jdk("frame.content-hash",
			"(?<=[./-])[0-9a-fA-F]{7,}(?=[./-])");

	/** A {@code {{ variable }}} in a fingerprint (an SDK's or a rule's). */
	public static final ClientPattern FINGERPRINT_VARIABLE = ClientPattern.jdk("fingerprint.variable",
			"\\{\\{\\s*([\\w.-]+)\\s*\\}\\}");

	/**
	 * The {@code title="…"} at the end of a fingerprint rule (a project's settings, read
	 * when they change; on RE2/J since a run of blanks made the JDK engine quadratic).
	 */
	public static final ClientPattern FINGERPRINT_TITLE = ClientPattern.re2j("fingerprint.title",
			"\\s+title\\s*=\\s*\"([^\"]*)\"\\s*$");

	/** The whole fingerprint value {@code {{ default }}}. */
	public static final ClientPattern FINGERPRINT_DEFAULT = ClientPattern.jdk("fingerprint.default",
			"\\{\\{\\s*default\\s*\\}\\}");

	/** A grouping hash or an event id: 32 lower-case hex digits. */
	public static final ClientPattern HEX_ID = ClientPattern.jdk("id.hex32", "[0-9a-f]{32}");

	// --- normalization: log entries

	/** printf-style placeholders as JavaScript's and Python's SDKs use them. */
	public static final ClientPattern LOGENTRY_PRINTF = ClientPattern.jdk("logentry.printf", "%[sdifoOj%]");

	/** {@code {0}} (java.text.MessageFormat) or {@code {}} (SLF4J) placeholders. */
	public static final ClientPattern LOGENTRY_BRACES = ClientPattern.jdk("logentry.braces", "\\{(\\d{0,4})\\}");

	// --- search syntax (the parser itself scans by hand, once, left to right)

	public static final ClientPattern SEARCH_KEY_NAME = ClientPattern.jdk("search.key-name", "[A-Za-z0-9_.:@\\-]+");

	public static final ClientPattern SEARCH_RELATIVE = ClientPattern.jdk("search.relative",
			"([+-])(\\d{1,9})([mhdw])");

	public static final ClientPattern SEARCH_DATE = ClientPattern.jdk("search.date", "\\d{4}-\\d{2}-\\d{2}");

	public static final ClientPattern SEARCH_NUMBER = ClientPattern.jdk("search.number", "(-?\\d{1,15})([kKmM]?)");

	// --- inbound filters (Relay's relay-filter crate), on RE2/J: they run on every event
	// of a project that turned the filter on

	/** An exception value known to come from a browser extension. */
	public static final ClientPattern FILTER_EXTENSION_VALUES = ClientPattern.re2j("filter.extension-values",
			"(?i)top\\.GLOBALS|originalCreateNotification|canvas.contentDocument|MyApp_RemoveAllHighlights|"
					+ "http://tt\\.epicplay\\.com|Can't\\sfind\\svariable:\\sZiteReader|jigsaw\\sis\\snot\\sdefined|"
					+ "ComboSearch\\sis\\snot\\sdefined|http://loading\\.retry\\.widdit\\.com/|atomicFindClose|"
					+ "fb_xd_fragment|bmi_SafeAddOnload|EBCallBackMessageReceived|_gCrWeb|conduitPage|"
					+ "null\\sis\\snot\\san\\sobject\\s\\(evaluating\\s'elt.parentNode'\\)|"
					+ "plugin\\.setSuspendState\\sis\\snot\\sa\\sfunction|Extension\\scontext\\sinvalidated|"
					+ "webkit-masked-url:|can't\\saccess\\sdead\\sobject");

	/** The source (frame path) of an error known to come from a browser extension. */
	public static final ClientPattern FILTER_EXTENSION_SOURCES = ClientPattern.re2j("filter.extension-sources",
			"(?i)graph\\.facebook\\.com|connect\\.facebook\\.net|eatdifferent\\.com\\.woopra-ns\\.com|"
					+ "static\\.woopra\\.com/js/woopra\\.js|^chrome(-extension)?://|^moz-extension://|"
					+ "^safari(-web)?-extension://|webkit-masked-url|127\\.0\\.0\\.1:4001/isrunning|"
					+ "webappstoolbarba\\.texthelp\\.com/|metrics\\.itunes\\.apple\\.com\\.edgesuite\\.net/|"
					+ "kaspersky-labs\\.com");

	/** A user agent of a known web crawler. */
	public static final ClientPattern FILTER_WEB_CRAWLERS = ClientPattern.re2j("filter.web-crawlers",
			"(?i)Mediapartners-Google|AdsBot-Google|Googlebot|FeedFetcher-Google|BingBot|BingPreview|Baiduspider|"
					+ "Slurp|Sogou|facebook|ia_archiver|bots?[/\\s\\);]|spider[/\\s\\);]|Slack|"
					+ "Calypso\\sAppCrawler|pingdom|lyticsbot|AWS\\sSecurity\\sScanner|HubSpot\\sCrawler|Bytespider|"
					+ "Better\\sUptime");

	/** A crawler agent the web crawler filter lets through (Slack's link unfurler). */
	public static final ClientPattern FILTER_WEB_CRAWLERS_ALLOWED = ClientPattern.re2j("filter.web-crawlers-allowed",
			"(?i)Slackbot\\s1\\.\\d+");

	// --- API parameters

	/** A stats period such as {@code 24h} or {@code 14d}. */
	public static final ClientPattern STATS_DURATION = ClientPattern.jdk("api.stats-duration", "(\\d{1,6})([mhdw])");

	public static final ClientPattern SLUG_VALID = ClientPattern.jdk("api.slug-valid", "[a-z0-9_-]+");

	public static final ClientPattern SLUG_NOT_ALLOWED = ClientPattern.jdk("api.slug-not-allowed", "[^a-z0-9_]+");

	/**
	 * An e-mail address as an invitation accepts it: one {@code @}, no whitespace (RE2/J:
	 * on the JDK engine a search is quadratic in a run without {@code @}).
	 */
	public static final ClientPattern EMAIL_ADDRESS = ClientPattern.re2j("api.email-address", "[^@\\s]+@[^@\\s]+");

	/** A SHA-1 checksum of chunk upload, lower-case hex. */
	public static final ClientPattern SHA1_HEX = ClientPattern.jdk("api.sha1-hex", "[0-9a-f]{40}");

	/**
	 * The debug id in the name sentry-cli gives an uploaded ProGuard mapping
	 * ({@code proguard/<uuid>.txt}).
	 */
	public static final ClientPattern PROGUARD_FILE_NAME = ClientPattern.jdk("api.proguard-file-name",
			"(?:^|/)(?:proguard/|mapping-)?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
					+ "[0-9a-fA-F]{12})\\.txt$");

	/** The breaks between the lines of a list typed in a text area (webhook URLs). */
	public static final ClientPattern LINE_BREAKS = ClientPattern.jdk("api.line-breaks", "[\\r\\n]+");

	/** An alert rule's owner: {@code user:<id>} or {@code team:<id>}. */
	public static final ClientPattern ACTOR = ClientPattern.jdk("api.actor", "(user|team):\\d{1,18}");

	/** A small positive id a client echoes back (dashboard widgets). */
	public static final ClientPattern SMALL_ID = ClientPattern.jdk("api.small-id", "[0-9]{1,9}");

	/** A project id in a saved query, where -1 means all projects. */
	public static final ClientPattern SIGNED_ID = ClientPattern.jdk("api.signed-id", "-?[0-9]{1,18}");

	/** Sentry's name of the n-th requested equation in a sort: {@code equation[n]}. */
	public static final ClientPattern EQUATION_INDEX = ClientPattern.jdk("discover.equation-index",
			"equation\\[([0-9]{1,2})]");

	private static final List<ClientPattern> ALL = List.copyOf(collect());

	private ClientPatterns() {
	}

	/**
	 * Every registered pattern: each public constant of this class, then uap-core's
	 * user-agent rules ({@link UserAgentRules}, data rather than constants, loaded on
	 * first use).
	 */
	public static List<ClientPattern> all() {
		List<ClientPattern> all = new ArrayList<>(ALL);
		UserAgentRules.all().forEach((rule) -> all.add(rule.pattern()));
		return all;
	}

	// Every public constant of this class is registered: declaring a pattern here is
	// registering it, so none can be added and left out of the property test.
	private static List<ClientPattern> collect() {
		List<ClientPattern> all = new ArrayList<>();
		for (Field field : ClientPatterns.class.getFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			try {
				Object value = field.get(null);
				if (value instanceof ClientPattern pattern) {
					all.add(pattern);
				}
				else if (value instanceof List<?> list) {
					for (Object element : list) {
						all.add((ClientPattern) element);
					}
				}
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return all;
	}

	/** Words shared by the scrubbers. */
	private static final class Words {

		static final String KEY_WORDS = "password|secret|passwd|api_key|apikey|auth|credentials|mysql_pwd|"
				+ "privatekey|private_key|token";

	}

}
