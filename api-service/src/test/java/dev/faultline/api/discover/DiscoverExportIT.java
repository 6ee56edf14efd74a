package dev.faultline.api.discover;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discover's CSV export over the embedded adapters: 250,000 rows (three streamed pages of
 * the store) arrive each once, in order, as a chunked response (no length known in
 * advance: nothing was collected first); values are quoted per RFC 4180; a grouped table
 * exports as it reads in {@code events/}.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + DiscoverExportIT.TOKEN, "faultline.admin.password=admin-password" })
class DiscoverExportIT extends EmbeddedApplicationTest {

	static final String TOKEN = "discover-export-token-0123456789";

	static final int ROWS = 250_000;

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	EventStore events;

	private static @Nullable Project project;

	@BeforeEach
	void seed() {
		if (project != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		project = this.projects.create(organization.id(), team.id(), "export-shop", "Shop", "java");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<StoredEvent> batch = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			Instant at = now.minusMillis(1000L + i * 100L);
			String title = (i % 1000 == 0) ? "Quote \"this\", then\nbreak" : "Title " + (i % 7);
			batch.add(new StoredEvent(project.id(), String.format("%032x", 0xe0000000L + i), 1 + (i % 3), at, at,
					"java", (i % 2 == 0) ? "error" : "warning", title, "x", "m", "1.0", "prod", null, null, Map.of(),
					new EventUser("u" + (i % 50), null, null, null), "h", "app", "{}"));
			if (batch.size() == 50_000) {
				this.events.write(batch);
				batch.clear();
			}
		}
	}

	@Test
	void everyRowOnceInOrderStreamed() throws Exception {
		HttpResponse<InputStream> response = get(
				"field=id&field=title&field=timestamp&statsPeriod=24h&project=" + project.id());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");

		Set<String> ids = new HashSet<>();
		Instant previous = null;
		int quoted = 0;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(reader.readLine()).isEqualTo("id,title,timestamp");
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.contains("\"Quote")) {
					// The quoted title holds a line break: its record continues on the
					// next line.
					assertThat(line).endsWith("\"Quote \"\"this\"\", then");
					line = line + "\n" + reader.readLine();
					assertThat(line).contains("break\",");
					quoted++;
				}
				String id = line.substring(0, line.indexOf(','));
				Instant timestamp = Instant.parse(line.substring(line.lastIndexOf(',') + 1));
				assertThat(ids.add(id)).as("row %s once", id).isTrue();
				if (previous != null) {
					assertThat(timestamp.compareTo(previous)).as("newest first").isLessThanOrEqualTo(0);
				}
				previous = timestamp;
			}
		}
		assertThat(ids).hasSize(ROWS);
		assertThat(quoted).isEqualTo(ROWS / 1000);
	}

	@Test
	void aGroupedTableExportsAsItReads() throws Exception {
		HttpResponse<InputStream> response = get(
				"field=level&field=count()&sort=level&statsPeriod=24h&project=" + project.id());
		try (InputStream body = response.body()) {
			String csv = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(csv).isEqualTo("level,count()\r\nerror," + (ROWS / 2) + "\r\nwarning," + (ROWS / 2) + "\r\n");
		}
		HttpResponse<InputStream> refused = get("field=" + URLEncoder.encode("nosuch(level)", StandardCharsets.UTF_8)
				+ "&statsPeriod=24h&project=" + project.id());
		assertThat(refused.statusCode()).isEqualTo(400);
		refused.body().close();
	}

	private HttpResponse<InputStream> get(String parameters) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(
					"http://127.0.0.1:" + this.port + "/api/0/organizations/faultline/events/export/?" + parameters))
			.header("Authorization", "Bearer " + TOKEN)
			.timeout(Duration.ofMinutes(5))
			.GET()
			.build();
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
	}

}
