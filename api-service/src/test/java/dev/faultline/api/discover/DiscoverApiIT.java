package dev.faultline.api.discover;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.SpanWriter;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Discover's {@code events/} and {@code events-stats/} on the whole application over the
 * embedded adapters: every answer compared with the seeded events counted here.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + DiscoverApiIT.TOKEN, "faultline.admin.password=admin-password" })
class DiscoverApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "discover-token-0123456789abcdef";

	private static final Pattern NEXT = Pattern.compile("rel=\"next\"; results=\"(true|false)\"; cursor=\"([^\"]+)\"");

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	EventStore events;

	@Autowired
	SpanWriter spans;

	private static final List<StoredSpan> transactions = new ArrayList<>();

	private static @Nullable Project shop;

	private static @Nullable Project other;

	private static @Nullable Project foreign;

	private static final List<StoredEvent> seeded = new ArrayList<>();

	/**
	 * Two projects of the admin's organization with 30 events over the last 20 hours
	 * (levels, environments, users, a browser tag), and a project of another
	 * organization.
	 */
	@BeforeEach
	void seed() {
		if (shop != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		shop = this.projects.create(organization.id(), team.id(), "discover-shop", "Shop", "java");
		other = this.projects.create(organization.id(), team.id(), "discover-other", "Other", "java");
		Organization elsewhere = this.organizations.create("discover-elsewhere", "Elsewhere");
		Team theirs = this.organizations.createTeam(elsewhere.id(), "theirs", "Theirs");
		foreign = this.projects.create(elsewhere.id(), theirs.id(), "discover-foreign", "Foreign", "java");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String[] levels = { "error", "error", "warning", "warning", "info", "error" };
		for (int i = 0; i < 30; i++) {
			Project project = (i % 3 == 0) ? other : shop;
			String environment = (i % 2 == 0) ? "prod" : "staging";
			Instant at = now.minus(Duration.ofMinutes(40L * i + 7));
			EventUser user = (i % 4 == 0) ? null : new EventUser(null, null, "user" + (i % 5) + "@example.com", null);
			seeded.add(new StoredEvent(project.id(), String.format("%032x", 0xd15c0000L + i), 1000 + (i % 3), at, at,
					"java", levels[i % levels.length], "Title " + (i % 4), "shop.Orders", "message " + i,
					"1." + (i % 2), environment, null, null, Map.of("browser", (i % 3 == 1) ? "Chrome" : "Firefox"),
					user, "h", "app", "{}"));
		}
		// An event of the other organization, which no request here may count.
		seeded.add(new StoredEvent(foreign.id(), String.format("%032x", 0xf0f0L), 1, now.minusSeconds(60),
				now.minusSeconds(60), "java", "error", "Foreign", "x", "x", null, "prod", null, null, Map.of(), null,
				"h", "app", "{}"));
		this.events.write(seeded);
		// Transactions of the shop: 12 segments, every fourth sampled at 25 % (weight 4).
		for (int i = 0; i < 12; i++) {
			double duration = 100.0 * (i + 1);
			Instant end = now.minus(Duration.ofMinutes(30L * i + 3));
			Instant begin = end.minusMillis((long) duration);
			String spanId = String.format("%016x", 0x5ba0L + i);
			String name = (i % 3 == 0) ? "/checkout" : "/cart";
			String status = (i % 4 == 1) ? "internal_error" : "ok";
			Map<String, Measurement> vitals = Map.of("lcp", new Measurement(1000.0 * i, "millisecond"));
			transactions.add(new StoredSpan(shop.id(), String.format("%032x", 0x7ace0000L + i), spanId, null, spanId,
					String.format("%032x", 0x7e0000L + i), true, begin, end, duration, duration, end, "http.server",
					name, status, name, "1.0", "prod", "java", "sentry.java",
					new EventUser("u" + (i % 5), null, null, null), (i % 4 == 0) ? 4.0 : 1.0, vitals, Map.of(),
					Map.of()));
		}
		this.spans.writeSpans(transactions);
	}

	private static List<StoredEvent> ours() {
		return seeded.stream().filter((event) -> event.projectId() != foreign.id()).toList();
	}

	@Test
	void groupsWithFunctionsSortedByCount() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events/?statsPeriod=24h&field=level&field=count()"
				+ "&field=count_unique(user.email)&sort=-count()&project=" + shop.id() + "&project=" + other.id());

		Map<String, List<StoredEvent>> byLevel = ours().stream().collect(Collectors.groupingBy(StoredEvent::level));
		List<JsonNode> rows = list(body.path("data"));
		assertThat(rows).extracting((row) -> row.path("level").asString()).containsExactly("error", "warning", "info");
		for (JsonNode row : rows) {
			List<StoredEvent> group = byLevel.get(row.path("level").asString());
			assertThat(row.path("count()").asLong()).isEqualTo(group.size());
			assertThat(row.path("count_unique(user.email)").asLong()).isEqualTo(group.stream()
				.filter((event) -> event.user() != null)
				.map((event) -> event.user().email())
				.distinct()
				.count());
		}
		assertThat(body.path("meta").path("fields").path("count()").asString()).isEqualTo("integer");
		assertThat(body.path("meta").path("fields").path("level").asString()).isEqualTo("string");
		assertThat(body.path("meta").path("units").has("count()")).isTrue();
		assertThat(body.path("meta").path("dataset").asString()).isEqualTo("errors");
	}

	@Test
	void equationsBetweenFunctionsWithTheirMetaAndSortedByEquationIndex() throws Exception {
		String equation = "equation|count() / count_unique(user.email) * 100";
		JsonNode body = ok("/api/0/organizations/faultline/events/?statsPeriod=24h&field=level&field=count()"
				+ "&field=" + encode(equation) + "&field=" + encode("equation|count() - 1") + "&sort="
				+ encode("-equation[0]") + "&project=" + shop.id() + "&project=" + other.id());

		Map<String, List<StoredEvent>> byLevel = ours().stream().collect(Collectors.groupingBy(StoredEvent::level));
		Map<String, Double> expected = new TreeMap<>();
		byLevel.forEach((level, events) -> expected.put(level, events.size() * 100.0
				/ events.stream().filter((e) -> e.user() != null).map((e) -> e.user().email()).distinct().count()));
		List<JsonNode> rows = list(body.path("data"));
		assertThat(rows).extracting((row) -> row.path("level").asString())
			.containsExactlyElementsOf(expected.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.map(Map.Entry::getKey)
				.toList());
		for (JsonNode row : rows) {
			String level = row.path("level").asString();
			assertThat(row.path(equation).asDouble()).isCloseTo(expected.get(level), within(1e-9));
			assertThat(row.path("equation|count() - 1").asDouble()).isEqualTo(byLevel.get(level).size() - 1.0);
		}
		assertThat(body.path("meta").path("fields").path(equation).asString()).isEqualTo("number");

		String ascending = ok("/api/0/organizations/faultline/events/?statsPeriod=24h&field=level&field="
				+ encode(equation) + "&sort=" + encode(equation) + "&project=" + shop.id() + "&project=" + other.id())
			.path("data")
			.get(0)
			.path("level")
			.asString();
		assertThat(ascending).isEqualTo(rows.get(rows.size() - 1).path("level").asString());
		assertThat(detail("/api/0/organizations/faultline/events/?statsPeriod=24h&field=level&field="
				+ encode("equation|count() + ") + "&project=" + shop.id(), 400))
			.contains("operand is missing");
		assertThat(detail("/api/0/organizations/faultline/events/?statsPeriod=24h&field=level&field=count()" + "&sort="
				+ encode("equation[0]") + "&project=" + shop.id(), 400))
			.contains("equation[0]");
	}

	@Test
	void rowsPageByCursorNewestFirstWithProjectSlugs() throws Exception {
		String base = "/api/0/organizations/faultline/events/?statsPeriod=24h&field=id&field=timestamp"
				+ "&field=project&field=title&per_page=7&query=" + encode("environment:prod");
		List<String> ids = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 10; page++) {
			HttpResponse<String> response = request("GET", base + ((cursor != null) ? "&cursor=" + encode(cursor) : ""),
					TOKEN);
			JsonNode body = jsonBody(response, 200);
			for (JsonNode row : body.path("data")) {
				ids.add(row.path("id").asString());
				assertThat(row.path("project").asString()).isIn("discover-shop", "discover-other");
			}
			Matcher next = NEXT.matcher(response.headers().firstValue("Link").orElseThrow());
			assertThat(next.find()).isTrue();
			if (next.group(1).equals("false")) {
				break;
			}
			cursor = next.group(2);
		}
		List<String> expected = ours().stream()
			.filter((event) -> "prod".equals(event.environment()))
			.sorted((a, b) -> b.timestamp().compareTo(a.timestamp()))
			.map(StoredEvent::eventId)
			.toList();
		assertThat(ids).containsExactlyElementsOf(expected);
	}

	@Test
	void environmentAndProjectParametersFilter() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events/?statsPeriod=24h&field=count()&environment=staging"
				+ "&project=" + shop.id() + "&query=" + encode("browser:Chrome"));
		long expected = ours().stream()
			.filter((event) -> event.projectId() == shop.id() && "staging".equals(event.environment())
					&& "Chrome".equals(event.tags().get("browser")))
			.count();
		assertThat(body.path("data").get(0).path("count()").asLong()).isEqualTo(expected);
	}

	@Test
	void statsCountPerBucketZeroFilled() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events-stats/?statsPeriod=24h&interval=1h&yAxis=count()");
		long start = body.path("start").asLong();
		long end = body.path("end").asLong();
		assertThat(start % 3600).isZero();
		assertThat(end % 3600).isZero();
		Map<Long, Long> expected = new TreeMap<>();
		for (StoredEvent event : ours()) {
			long bucket = event.timestamp().getEpochSecond() / 3600 * 3600;
			expected.merge(bucket, 1L, Long::sum);
		}
		Map<Long, Long> actual = new TreeMap<>();
		List<JsonNode> points = list(body.path("data"));
		assertThat(points).hasSize((int) ((end - start) / 3600));
		for (JsonNode point : points) {
			long count = point.get(1).get(0).path("count").asLong();
			if (count != 0) {
				actual.put(point.get(0).asLong(), count);
			}
		}
		assertThat(actual).isEqualTo(expected);
		assertThat(body.path("meta").path("fields").path("count()").asString()).isEqualTo("integer");
	}

	@Test
	void statsWithSeveralAxesAreKeyedByAxis() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events-stats/?statsPeriod=24h&interval=1d"
				+ "&yAxis=count()&yAxis=count_unique(user.email)");
		assertThat(body.path("count()").path("order").asInt()).isZero();
		assertThat(body.path("count_unique(user.email)").path("order").asInt()).isEqualTo(1);
		long total = 0;
		for (JsonNode point : body.path("count()").path("data")) {
			total += point.get(1).get(0).path("count").asLong();
		}
		assertThat(total).isEqualTo(ours().size());
	}

	@Test
	void topEventsSeriesPerGroupAndOther() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events-stats/?statsPeriod=24h&interval=1d&yAxis=count()"
				+ "&topEvents=2&field=level&field=count()&sort=-count()");
		Map<String, Long> counts = ours().stream()
			.collect(Collectors.groupingBy(StoredEvent::level, Collectors.counting()));
		assertThat(list(body.properties().stream().map(Map.Entry::getKey).toList())).containsExactly("error", "warning",
				"Other");
		for (String group : List.of("error", "warning")) {
			assertThat(total(body.path(group))).as(group).isEqualTo(counts.get(group));
		}
		assertThat(total(body.path("Other"))).isEqualTo(counts.get("info"));
		assertThat(body.path("error").path("order").asInt()).isZero();
		assertThat(body.path("Other").path("order").asInt()).isEqualTo(2);

		JsonNode without = ok("/api/0/organizations/faultline/events-stats/?statsPeriod=24h&interval=1d"
				+ "&yAxis=count()&topEvents=2&field=level&field=count()&sort=-count()&excludeOther=1");
		assertThat(without.has("Other")).isFalse();
	}

	@Test
	void transactionsWithPerformanceFunctionsExtrapolated() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events/?dataset=transactions&statsPeriod=24h"
				+ "&field=transaction&field=count()&field=failure_rate()&field=apdex(300)&field=tpm()"
				+ "&field=p50(transaction.duration)&field=count_web_vitals(measurements.lcp,good)&sort=-count()");
		Map<String, List<StoredSpan>> byName = transactions.stream()
			.collect(Collectors.groupingBy(StoredSpan::transaction));
		List<JsonNode> rows = list(body.path("data"));
		assertThat(rows).extracting((row) -> row.path("transaction").asString()).containsExactly("/cart", "/checkout");
		for (JsonNode row : rows) {
			List<StoredSpan> group = byName.get(row.path("transaction").asString());
			double weight = group.stream().mapToDouble(StoredSpan::sampleWeight).sum();
			double failed = group.stream()
				.filter((span) -> !span.status().equals("ok"))
				.mapToDouble(StoredSpan::sampleWeight)
				.sum();
			double satisfied = group.stream()
				.filter((span) -> span.durationMs() <= 300)
				.mapToDouble(StoredSpan::sampleWeight)
				.sum();
			double tolerating = group.stream()
				.filter((span) -> span.durationMs() > 300 && span.durationMs() <= 1200)
				.mapToDouble(StoredSpan::sampleWeight)
				.sum();
			double good = group.stream()
				.filter((span) -> span.measurements().get("lcp").value() <= 2500)
				.mapToDouble(StoredSpan::sampleWeight)
				.sum();
			List<Double> durations = group.stream().map(StoredSpan::durationMs).sorted().toList();
			double rank = (durations.size() - 1) * 0.5;
			double median = durations.get((int) Math.floor(rank)) + (rank - Math.floor(rank))
					* (durations.get((int) Math.ceil(rank)) - durations.get((int) Math.floor(rank)));
			assertThat(row.path("count()").asLong()).isEqualTo(Math.round(weight));
			assertThat(row.path("failure_rate()").asDouble()).isCloseTo(failed / weight, within(1e-9));
			assertThat(row.path("apdex(300)").asDouble()).isCloseTo((satisfied + tolerating / 2) / weight,
					within(1e-9));
			assertThat(row.path("tpm()").asDouble()).isCloseTo(weight / (24 * 60), within(1e-9));
			assertThat(row.path("p50(transaction.duration)").asDouble()).isCloseTo(median, within(1e-9));
			assertThat(row.path("count_web_vitals(measurements.lcp,good)").asLong()).isEqualTo(Math.round(good));
		}
		JsonNode meta = body.path("meta");
		assertThat(meta.path("fields").path("tpm()").asString()).isEqualTo("rate");
		assertThat(meta.path("units").path("tpm()").asString()).isEqualTo("1/minute");
		assertThat(meta.path("fields").path("failure_rate()").asString()).isEqualTo("percentage");
		assertThat(meta.path("fields").path("p50(transaction.duration)").asString()).isEqualTo("duration");
		assertThat(meta.path("units").path("p50(transaction.duration)").asString()).isEqualTo("millisecond");

		JsonNode stats = ok("/api/0/organizations/faultline/events-stats/?dataset=transactions&statsPeriod=24h"
				+ "&interval=1d&yAxis=count()&yAxis=epm()");
		double weight = transactions.stream().mapToDouble(StoredSpan::sampleWeight).sum();
		assertThat(total(stats.path("count()"))).isEqualTo(Math.round(weight));
		double epm = 0;
		for (JsonNode point : stats.path("epm()").path("data")) {
			epm += point.get(1).get(0).path("count").asDouble();
		}
		assertThat(epm).isCloseTo(weight / (24 * 60), within(1e-9));
		assertThat(detail("/api/0/organizations/faultline/events/?field=apdex(300)", 400))
			.contains("apdex() needs transaction.duration or span.duration");
	}

	@Test
	void badRequestsSayWhy() throws Exception {
		String events = "/api/0/organizations/faultline/events/?statsPeriod=24h";
		assertThat(detail(events + "&field=nope()", 400)).contains("unknown function nope()");
		assertThat(detail(events + "&field=avg(title)", 400)).contains("avg() cannot read title");
		assertThat(detail(events + "&field=count()&dataset=metrics", 400)).contains("Unsupported dataset");
		assertThat(detail(events, 400)).contains("No columns selected");
		assertThat(detail(events + "&field=level&sort=-count()", 400)).contains("orderby must also be in");
		assertThat(detail(events + "&field=count()&query=" + encode("level:\"open"), 400)).contains("quote");
		assertThat(detail("/api/0/organizations/faultline/events-stats/?statsPeriod=90d&interval=1s", 400))
			.contains("too many results");
		assertThat(detail("/api/0/organizations/faultline/events-stats/?yAxis=level", 400))
			.contains("yAxis must be a function");
		assertThat(detail(events + "&field=count()&statsPeriod=1y", 400)).contains("statsPeriod");
		// A project of another organization is refused, and another organization is not
		// found.
		assertThat(detail(events + "&field=count()&project=" + foreign.id(), 403)).isNotEmpty();
		assertThat(detail("/api/0/organizations/discover-elsewhere/events/?field=count()", 404)).isNotEmpty();
	}

	private JsonNode ok(String path) throws Exception {
		return jsonBody(request("GET", path, TOKEN), 200);
	}

	private String detail(String path, int status) throws Exception {
		return jsonBody(request("GET", path, TOKEN), status).path("detail").asString();
	}

	private static long total(JsonNode series) {
		long total = 0;
		for (JsonNode point : series.path("data")) {
			total += point.get(1).get(0).path("count").asLong();
		}
		return total;
	}

	private static <T> List<T> list(Iterable<T> items) {
		List<T> list = new ArrayList<>();
		items.forEach(list::add);
		return list;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
