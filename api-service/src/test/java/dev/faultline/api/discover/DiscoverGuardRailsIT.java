package dev.faultline.api.discover;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discover's guard rails on the whole application over the embedded adapters, with a
 * budget of 100 rows to read: a high-cardinality group-by over every event of two
 * projects is answered 400 naming the limit and how to narrow it, on {@code events/} and
 * {@code events-stats/} alike; the same question over one project, or a shorter range, is
 * answered.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + DiscoverGuardRailsIT.TOKEN, "faultline.admin.password=admin-password",
				"faultline.discover.max-rows-to-read=100" })
class DiscoverGuardRailsIT extends EmbeddedApplicationTest {

	static final String TOKEN = "discover-guard-token-0123456789";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	EventStore events;

	private static @Nullable Project busy;

	private static @Nullable Project quiet;

	/** 150 events of a busy project over the last 15 hours, 30 of a quiet one. */
	@BeforeEach
	void seed() {
		if (busy != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		busy = this.projects.create(organization.id(), team.id(), "guard-busy", "Busy", "java");
		quiet = this.projects.create(organization.id(), team.id(), "guard-quiet", "Quiet", "java");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<StoredEvent> seeded = new ArrayList<>();
		for (int i = 0; i < 180; i++) {
			Project project = (i < 150) ? busy : quiet;
			Instant at = now.minus(Duration.ofMinutes(6L * (i % 150) + 1));
			seeded.add(new StoredEvent(project.id(), String.format("%032x", 0x9a4dL * 1000 + i), 1, at, at, "java",
					"error", "Boom", "x", "m", "1.0", "prod", null, null, Map.of(),
					new EventUser("u" + i, null, null, null), "h", "app", "{}"));
		}
		this.events.write(seeded);
	}

	@Test
	void aWideHighCardinalityGroupByIsRefusedWithTheLimitAndHowToNarrowIt() throws Exception {
		String wide = "field=id&field=count()&field=count_unique(user)&sort=-count()&statsPeriod=24h&project="
				+ busy.id() + "&project=" + quiet.id();
		JsonNode table = jsonBody(request("GET", "/api/0/organizations/faultline/events/?" + wide, TOKEN), 400);
		assertThat(table.path("detail").asString()).contains("limit of rows to read")
			.contains("100")
			.contains("shorter time range")
			.contains("fewer projects");

		JsonNode series = jsonBody(
				request("GET",
						"/api/0/organizations/faultline/events-stats/?yAxis=count()"
								+ "&interval=1h&statsPeriod=24h&project=" + busy.id() + "&project=" + quiet.id(),
						TOKEN),
				400);
		assertThat(series.path("detail").asString()).contains("limit of rows to read");
	}

	@Test
	void theSameQuestionOverFewerProjectsOrAShorterRangeIsAnswered() throws Exception {
		JsonNode fewer = jsonBody(
				request("GET",
						"/api/0/organizations/faultline/events/?field=id&field=count()"
								+ "&field=count_unique(user)&sort=-count()&statsPeriod=24h&project=" + quiet.id(),
						TOKEN),
				200);
		assertThat(fewer.path("data").size()).isEqualTo(30);

		// The last 5 hours hold 50 of the busy project's events.
		JsonNode shorter = jsonBody(request("GET",
				"/api/0/organizations/faultline/events/?field=count()" + "&statsPeriod=5h&project=" + busy.id(), TOKEN),
				200);
		assertThat(shorter.path("data").get(0).path("count()").asLong()).isEqualTo(50);
	}

}
