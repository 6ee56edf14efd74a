package dev.faultline.core.filter;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InboundFiltersTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String IE8 = "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.0; Trident/4.0)";

	private static final String IE10 = "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)";

	private static final String SAFARI5 = "Mozilla/5.0 (Macintosh; U; Intel Mac OS X 1063; tr-DE) "
			+ "AppleWebKit/533.16 (KHTML like Gecko) Version/5.0 Safari/533.16";

	private static final String OPERA14 = "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/27.0.1453.12 Safari/537.36 OPR/14.0.1116.4";

	private static final String CHROME_NEW = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	@Test
	void noFilterDropsNothing() {
		assertThat(InboundFilters.NONE.isEmpty()).isTrue();
		assertThat(InboundFilters.NONE.check(event("{\"user\":{\"ip_address\":\"127.0.0.1\"}}"), "127.0.0.1")).isNull();
	}

	@Test
	void localhostByUserAddressUrlAndHeaders() {
		InboundFilters filters = only(false, true, false);

		assertThat(filters.check(event("{\"user\":{\"ip_address\":\"127.0.0.1\"}}"), null))
			.isEqualTo(FilterReason.LOCALHOST);
		assertThat(filters.check(event("{\"user\":{\"ip_address\":\"::1\"}}"), null)).isEqualTo(FilterReason.LOCALHOST);
		for (String url : List.of("http://localhost:8080/", "https://foo.localhost/x", "http://127.0.0.1/",
				"file:///Users/me/index.html")) {
			assertThat(filters.check(event("{\"request\":{\"url\":\"" + url + "\"}}"), null)).as(url)
				.isEqualTo(FilterReason.LOCALHOST);
		}
		assertThat(filters.check(event("{\"request\":{\"headers\":[[\"Host\",\"localhost:3000\"]]}}"), null))
			.isEqualTo(FilterReason.LOCALHOST);
		assertThat(filters.check(event("{\"request\":{\"headers\":{\"X-Forwarded-For\":\"127.0.0.1\"}}}"), null))
			.isEqualTo(FilterReason.LOCALHOST);
		for (String url : List.of("http://localhost.com/", "http://foolocalhost/", "http://my.dom.com/")) {
			assertThat(filters.check(event("{\"request\":{\"url\":\"" + url + "\"}}"), null)).as(url).isNull();
		}
		// The sender's address is the IP filter's business, not localhost's (as in
		// Relay).
		assertThat(filters.check(event("{\"user\":{\"ip_address\":\"133.12.12.1\"}}"), "127.0.0.1")).isNull();
	}

	@Test
	void browserExtensionsByExceptionValueOrSource() {
		InboundFilters filters = only(true, false, false);

		assertThat(filters.check(event(exception("TypeError", "bad news, we have a fb_xd_fragment", null)), null))
			.isEqualTo(FilterReason.BROWSER_EXTENSIONS);
		assertThat(filters.check(event(exception("Error", "x", "chrome-extension://abc/content.js")), null))
			.isEqualTo(FilterReason.BROWSER_EXTENSIONS);
		assertThat(filters.check(event(exception("Error", "x", "https://fscr.kaspersky-labs.com/main.js")), null))
			.isEqualTo(FilterReason.BROWSER_EXTENSIONS);
		assertThat(filters
			.check(event(exception("Error", "some perfectly reasonable value", "https://example.com/app.js")), null))
			.isNull();
	}

	@Test
	void webCrawlersByUserAgent() {
		InboundFilters filters = only(false, false, true);

		for (String agent : List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"Twitterbot/1.0", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")) {
			assertThat(filters.check(withAgent(agent), null)).as(agent).isEqualTo(FilterReason.WEB_CRAWLERS);
		}
		for (String agent : List.of(CHROME_NEW, "Slackbot 1.0(+https://api.slack.com/robots)",
				"APIs-Google (+https://developers.google.com/webmasters/APIs-Google.html)")) {
			assertThat(filters.check(withAgent(agent), null)).as(agent).isNull();
		}
	}

	@Test
	void legacyBrowsersBySubfilter() {
		assertThat(legacy(Set.of("ie_pre_9")).check(withAgent(IE8), null)).isEqualTo(FilterReason.LEGACY_BROWSERS);
		assertThat(legacy(Set.of("ie_pre_9")).check(withAgent(IE10), null)).isNull();
		assertThat(legacy(Set.of("ie10")).check(withAgent(IE10), null)).isEqualTo(FilterReason.LEGACY_BROWSERS);
		assertThat(legacy(Set.of("ie")).check(withAgent(IE10), null)).isEqualTo(FilterReason.LEGACY_BROWSERS);
		assertThat(legacy(Set.of("safari_pre_6")).check(withAgent(SAFARI5), null))
			.isEqualTo(FilterReason.LEGACY_BROWSERS);
		assertThat(legacy(Set.of("opera_pre_15")).check(withAgent(OPERA14), null))
			.isEqualTo(FilterReason.LEGACY_BROWSERS);
		assertThat(legacy(Set.of("default")).check(withAgent(IE8), null)).isEqualTo(FilterReason.LEGACY_BROWSERS);
		assertThat(legacy(Set.of("default")).check(withAgent(IE10), null)).isNull();
		assertThat(legacy(Set.of("ie", "safari", "opera", "default")).check(withAgent(CHROME_NEW), null)).isNull();
		assertThat(legacy(Set.of("something_new")).check(withAgent(IE8), null)).isNull();
	}

	@Test
	void errorMessagesByGlobOverMessageAndExceptions() {
		InboundFilters filters = InboundFilters.compile(false, false, false, Set.of(),
				List.of("*ConnectionTimeout*", "filteredexception: this is*"), List.of(), List.of());

		assertThat(filters.check(event("{\"logentry\":{\"formatted\":\"db ConnectionTimeout after 3s\"}}"), null))
			.isEqualTo(FilterReason.ERROR_MESSAGE);
		assertThat(filters.check(event("{\"logentry\":{\"message\":\"connectiontimeout\"}}"), null))
			.isEqualTo(FilterReason.ERROR_MESSAGE);
		assertThat(filters.check(event(exception("FilteredException", "This is a filtered exception.", null)), null))
			.isEqualTo(FilterReason.ERROR_MESSAGE);
		assertThat(filters.check(event(exception("OtherException", "This is a filtered exception.", null)), null))
			.isNull();
		assertThat(filters.check(event("{\"logentry\":{\"formatted\":\"all good\"}}"), null)).isNull();
	}

	@Test
	void releasesByGlob() {
		InboundFilters filters = InboundFilters.compile(false, false, false, Set.of(), List.of(),
				List.of("1.0.0-beta*", "nightly"), List.of());

		assertThat(filters.check(event("{\"release\":\"1.0.0-BETA.3\"}"), null))
			.isEqualTo(FilterReason.RELEASE_VERSION);
		assertThat(filters.check(event("{\"release\":\"nightly\"}"), null)).isEqualTo(FilterReason.RELEASE_VERSION);
		assertThat(filters.check(event("{\"release\":\"1.0.0\"}"), null)).isNull();
		assertThat(filters.check(event("{}"), null)).isNull();
	}

	@Test
	void blacklistedIpsByAddressAndRange() {
		InboundFilters filters = InboundFilters.compile(false, false, false, Set.of(), List.of(), List.of(),
				List.of("192.168.1.7", "10.0.0.0/8", "2001:db8::/32"));

		assertThat(filters.check(event("{}"), "192.168.1.7")).isEqualTo(FilterReason.IP_ADDRESS);
		assertThat(filters.check(event("{}"), "10.200.3.4")).isEqualTo(FilterReason.IP_ADDRESS);
		assertThat(filters.check(event("{}"), "2001:db8:1::5")).isEqualTo(FilterReason.IP_ADDRESS);
		assertThat(filters.check(event("{}"), "192.168.1.8")).isNull();
		assertThat(filters.check(event("{}"), "11.0.0.1")).isNull();
		assertThat(filters.check(event("{}"), null)).isNull();
	}

	@Test
	void ipRangesAreLiteralsOnly() {
		assertThat(IpRange.parse("10.0.0.0/8").contains("10.1.2.3")).isTrue();
		assertThat(IpRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(IpRange.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
		for (String bad : List.of("example.com", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/", "zz:1", "",
				"1.2.3.4/x", "::1/129")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> IpRange.parse(bad));
		}
		assertThat(IpRange.parse("10.0.0.1").contains("not an ip")).isFalse();
	}

	@Test
	void aHostileGlobOnALongMessageStaysLinear() {
		InboundFilters filters = InboundFilters.compile(false, false, false, Set.of(), List.of("*a*a*a*a*a*a*a*b"),
				List.of(), List.of());
		String message = "a".repeat(50_000);

		assertThat(filters.check(event("{\"logentry\":{\"formatted\":\"" + message + "\"}}"), null)).isNull();
	}

	private static InboundFilters only(boolean extensions, boolean localhost, boolean crawlers) {
		return InboundFilters.compile(extensions, localhost, crawlers, Set.of(), List.of(), List.of(), List.of());
	}

	private static InboundFilters legacy(Set<String> subfilters) {
		return InboundFilters.compile(false, false, false, subfilters, List.of(), List.of(), List.of());
	}

	private static JsonNode withAgent(String agent) {
		return JSON.createObjectNode()
			.set("request", JSON.createObjectNode()
				.set("headers", JSON.createArrayNode().add(JSON.createArrayNode().add("User-Agent").add(agent))));
	}

	private static String exception(String type, String value, String absPath) {
		String frames = (absPath != null)
				? ",\"stacktrace\":{\"frames\":[{\"abs_path\":\"" + absPath + "\"},{\"abs_path\":\"<anonymous>\"}]}"
				: "";
		return "{\"exception\":{\"values\":[{\"type\":\"" + type + "\",\"value\":\"" + value + "\"" + frames + "}]}}";
	}

	private static JsonNode event(String json) {
		return JSON.readTree(json);
	}

}
