package dev.faultline.api.issue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Project;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issue's tag facets, values and distribution, a project's tag keys and values, and
 * the events tab's search.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + IssueTagIT.TOKEN, "faultline.admin.password=admin-password" })
class IssueTagIT extends IssueApiTest {

	static final String TOKEN = "tag-token-0123456789abcdef";

	private static @Nullable Project project;

	private static long issueId;

	@Override
	String token() {
		return TOKEN;
	}

	/**
	 * Four events: browser Chrome ×3 (releases 1.0, 1.0, 2.0), Firefox ×1 (release 2.0);
	 * one event without a browser tag.
	 */
	@BeforeEach
	void seed() {
		if (project != null) {
			return;
		}
		project = project(faultline(), "tagged");
		String hash = "t".repeat(32);
		Issue issue = issue(project, hash, "Tagged");
		issueId = issue.id();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		event(project, issueId, hash, now.minusSeconds(300), "1.0", Map.of("browser", "Chrome"), "a@example.com");
		event(project, issueId, hash, now.minusSeconds(240), "1.0", Map.of("browser", "Chrome"), "b@example.com");
		event(project, issueId, hash, now.minusSeconds(180), "2.0", Map.of("browser", "Chrome"), null);
		event(project, issueId, hash, now.minusSeconds(120), "2.0", Map.of("browser", "Firefox"), null);
		event(project, issueId, hash, now.minusSeconds(60), "2.0", Map.of("os", "Linux"), null);
	}

	@Test
	void issueTagFacets() {
		JsonNode tags = get(issuePath() + "tags/");
		JsonNode browser = byKey(tags, "browser");
		assertThat(browser.path("name").asString()).isEqualTo("Browser");
		assertThat(browser.path("totalValues").asLong()).isEqualTo(4);
		assertThat(browser.path("uniqueValues").asLong()).isEqualTo(2);
		JsonNode chrome = browser.path("topValues").get(0);
		assertThat(chrome.path("value").asString()).isEqualTo("Chrome");
		assertThat(chrome.path("name").asString()).isEqualTo("Chrome");
		assertThat(chrome.path("key").asString()).isEqualTo("browser");
		assertThat(chrome.path("count").asLong()).isEqualTo(3);
		assertThat(chrome.path("percent").asDouble()).isEqualTo(75.0);
		assertThat(chrome.path("firstSeen").asString()).endsWith("Z");
		assertThat(byKey(tags, "release").path("totalValues").asLong()).isEqualTo(5);
		assertThat(byKey(tags, "level").path("topValues").get(0).path("value").asString()).isEqualTo("error");

		JsonNode only = get(issuePath() + "tags/?key=os&key=browser");
		assertThat(only).hasSize(2);

		JsonNode one = get(issuePath() + "tags/release/");
		assertThat(one.path("key").asString()).isEqualTo("release");
		assertThat(one.path("topValues").get(0).path("value").asString()).isEqualTo("2.0");
		assertThat(one.path("topValues").get(0).path("count").asLong()).isEqualTo(3);
		assertThat(send("GET", issuePath() + "tags/nope/", null).statusCode()).isEqualTo(404);

		JsonNode values = get(issuePath() + "tags/browser/values/");
		assertThat(values).hasSize(2);
		assertThat(values.get(1).path("value").asString()).isEqualTo("Firefox");
		assertThat(get(issuePath() + "tags/nope/values/")).isEmpty();
	}

	@Test
	void tagDistribution() {
		JsonNode hourly = get(issuePath() + "tags/browser/distribution/?statsPeriod=24h");
		assertThat(hourly.path("key").asString()).isEqualTo("browser");
		assertThat(hourly.path("values")).hasSize(2);
		JsonNode chrome = hourly.path("values").get(0);
		assertThat(chrome.path("value").asString()).isEqualTo("Chrome");
		assertThat(chrome.path("data")).hasSize(24);
		long total = 0;
		for (JsonNode point : chrome.path("data")) {
			total += point.get(1).asLong();
		}
		assertThat(total).isEqualTo(3);
		JsonNode daily = get(issuePath() + "tags/browser/distribution/?statsPeriod=14d");
		assertThat(daily.path("values").get(0).path("data")).hasSize(14);
		assertThat(badRequest(send("GET", issuePath() + "tags/browser/distribution/?statsPeriod=1y", null)))
			.startsWith("statsPeriod:");
	}

	@Test
	void projectTagKeysAndValues() {
		JsonNode keys = get("/api/0/projects/faultline/tagged/tags/");
		JsonNode browser = byKey(keys, "browser");
		assertThat(browser.path("name").asString()).isEqualTo("Browser");
		assertThat(browser.path("totalValues").asLong()).isEqualTo(4);
		assertThat(browser.path("uniqueValues").asLong()).isEqualTo(2);
		assertThat(byKey(keys, "environment").path("totalValues").asLong()).isEqualTo(5);

		JsonNode values = get("/api/0/projects/faultline/tagged/tags/browser/values/");
		assertThat(values).hasSize(2);
		assertThat(values.get(0).path("value").asString()).isEqualTo("Chrome");
		assertThat(values.get(0).path("count").asLong()).isEqualTo(3);
		JsonNode prefixed = get("/api/0/projects/faultline/tagged/tags/browser/values/?query=fire");
		assertThat(prefixed).hasSize(1);
		assertThat(prefixed.get(0).path("value").asString()).isEqualTo("Firefox");
	}

	@Test
	void eventsTabSearch() {
		assertThat(get(issuePath() + "events/")).hasSize(5);
		assertThat(get(issuePath() + "events/?query=" + encode("browser:Chrome"))).hasSize(3);
		assertThat(get(issuePath() + "events/?query=" + encode("release:2.0 !browser:Chrome"))).hasSize(2);
		assertThat(get(issuePath() + "events/?query=" + encode("user.email:a@example.com"))).hasSize(1);
		HttpResponse<String> first = send("GET", issuePath() + "events/?limit=2&query=" + encode("browser:Chrome"),
				null);
		JsonNode page = json(first, 200);
		assertThat(page).hasSize(2);
		JsonNode next = get(issuePath() + "events/?limit=2&cursor=0:2:0&query=" + encode("browser:Chrome"));
		assertThat(next).hasSize(1);
		// The Link header's cursors are key cursors: next seeks past the page's last
		// event, previous from the second page comes back to the first.
		String nextCursor = linkCursor(first, "next");
		assertThat(nextCursor).doesNotStartWith("0:").endsWith(":0:0");
		HttpResponse<String> second = send("GET",
				issuePath() + "events/?limit=2&cursor=" + nextCursor + "&query=" + encode("browser:Chrome"), null);
		assertThat(json(second, 200)).hasSize(1);
		assertThat(second.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"; results=\"false\"");
		JsonNode back = get(issuePath() + "events/?limit=2&cursor=" + linkCursor(second, "previous") + "&query="
				+ encode("browser:Chrome"));
		assertThat(back).extracting((event) -> event.path("eventID").asString())
			.containsExactly(page.get(0).path("eventID").asString(), page.get(1).path("eventID").asString());
		assertThat(badRequest(send("GET", issuePath() + "events/?cursor=bm9wZQ:0:0", null)))
			.contains("Invalid cursor parameter.");
		assertThat(badRequest(send("GET", issuePath() + "events/?query=" + encode("browser:\"open"), null)))
			.contains("at position");
	}

	@Test
	void projectEventsPageNewestFirstByCursor() {
		JsonNode all = get("/api/0/projects/faultline/tagged/events/");
		assertThat(all).hasSize(5);
		java.util.List<String> paged = new java.util.ArrayList<>();
		String path = "/api/0/projects/faultline/tagged/events/?limit=2";
		HttpResponse<String> page = send("GET", path, null);
		json(page, 200).forEach((event) -> paged.add(event.path("eventID").asString()));
		while (page.headers().firstValue("Link").orElseThrow().contains("rel=\"next\"; results=\"true\"")) {
			page = send("GET", path + "&cursor=" + linkCursor(page, "next"), null);
			json(page, 200).forEach((event) -> paged.add(event.path("eventID").asString()));
		}
		java.util.List<String> newestFirst = new java.util.ArrayList<>();
		all.forEach((event) -> newestFirst.add(event.path("eventID").asString()));
		assertThat(paged).hasSize(5).containsExactlyElementsOf(newestFirst);
		assertThat(get("/api/0/projects/faultline/tagged/events/?query=" + encode("browser:Chrome"))).hasSize(3);
		assertThat(badRequest(send("GET", "/api/0/projects/faultline/tagged/events/?cursor=0:x:0", null)))
			.contains("Invalid cursor parameter.");
	}

	private static JsonNode byKey(JsonNode tags, String key) {
		for (JsonNode tag : tags) {
			if (tag.path("key").asString().equals(key)) {
				return tag;
			}
		}
		throw new AssertionError("no tag " + key + " in " + tags);
	}

	/** The cursor of one rel of a response's Link header. */
	private static String linkCursor(HttpResponse<String> response, String rel) {
		String link = response.headers().firstValue("Link").orElseThrow();
		String marker = "rel=\"" + rel + "\"; results=\"";
		int at = link.indexOf(marker);
		int start = link.indexOf("cursor=\"", at) + "cursor=\"".length();
		return link.substring(start, link.indexOf('"', start));
	}

	private static String issuePath() {
		return "/api/0/issues/" + issueId + "/";
	}

}
