package dev.faultline.api.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.UserStore;
import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueueRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance administrator's dead-letter API over HTTP on the embedded adapters:
 * payloads sealed at rest and opened on inspection, replay onto the queue, purge, and
 * nobody else let in.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + DeadLetterApiIT.TOKEN, "faultline.admin.email=root@example.com" })
class DeadLetterApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "dead-letter-admin-token-0123456789";

	private static final String OTHER_TOKEN = "dead-letter-other-token-0123456789";

	private static final String BASE = "/api/0/internal/dead-letters/";

	private static final String SECRET = "Cookie: session=s3cr3t-dead-letter";

	@Autowired
	DeadLetterStore letters;

	@Autowired
	MetadataStores stores;

	@Autowired
	UserStore users;

	@Autowired
	EnvelopeQueue queue;

	@BeforeEach
	void parkLetters() {
		this.letters.deleteParkedBefore(Instant.MAX);
		Instant now = Instant.now();
		this.letters.park(new DeadLetter(0, 7, "11", -1, "envelope", "poison", "unreadable envelope",
				("{}\n{\"type\":\"event\"}\n{\"message\":\"" + SECRET + "\"}\n").getBytes(StandardCharsets.UTF_8), now,
				now));
		this.letters.park(new DeadLetter(0, 7, "12", 0, "event", "invalid", "not JSON",
				new byte[] { (byte) 0xff, 0, 1 }, now, now.plusSeconds(1)));
		if (this.users.findByEmail("member@example.com").isEmpty()) {
			long member = this.users.create("member@example.com", "Member", "x").id();
			this.users.createToken(member, "all", ApiTokens.hash(OTHER_TOKEN), Scopes.ALL);
		}
	}

	@Test
	void payloadsAreSealedAtRestAndOpenedForTheAdmin() throws Exception {
		DeadLetter stored = this.stores.deadLetters().list(0, 10).get(1);
		assertThat(new String(stored.payload(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");

		JsonNode list = jsonBody(request("GET", BASE, TOKEN), 200);
		assertThat(list).hasSize(2);
		assertThat(list.get(0).path("reason").asString()).isEqualTo("invalid");
		assertThat(list.get(0).path("payload").isNull() || list.get(0).path("payload").isMissingNode()).isTrue();

		JsonNode envelope = jsonBody(request("GET", BASE + list.get(1).path("id").asString() + "/", TOKEN), 200);
		assertThat(envelope.path("payload").path("encoding").asString()).isEqualTo("utf-8");
		assertThat(envelope.path("payload").path("data").asString()).contains(SECRET);
		JsonNode binary = jsonBody(request("GET", BASE + list.get(0).path("id").asString() + "/", TOKEN), 200);
		assertThat(binary.path("payload").path("encoding").asString()).isEqualTo("base64");
		assertThat(binary.path("payload").path("data").asString()).isEqualTo("/wAB");
	}

	@Test
	void replayQueuesThePayloadAndRemovesTheLetter() throws Exception {
		JsonNode list = jsonBody(request("GET", BASE, TOKEN), 200);
		String envelopeId = list.get(1).path("id").asString();
		String itemId = list.get(0).path("id").asString();

		assertThat(request("POST", BASE + envelopeId + "/replay/", TOKEN).statusCode()).isEqualTo(202);
		assertThat(request("POST", BASE + itemId + "/replay/", TOKEN).statusCode()).isEqualTo(202);

		EnvelopeConsumer consumer = this.queue.consumer("dead-letter-test");
		List<QueueRecord> replayed = consumer.poll(10, Duration.ofSeconds(10));
		assertThat(replayed).hasSize(2);
		assertThat(new String(replayed.get(0).envelope().body(), StandardCharsets.UTF_8)).contains(SECRET);
		assertThat(replayed.get(1).envelope().body())
			.containsExactly(concat("{}\n{\"type\":\"event\",\"length\":3}\n".getBytes(StandardCharsets.UTF_8),
					new byte[] { (byte) 0xff, 0, 1, '\n' }));
		assertThat(replayed).allSatisfy((record) -> assertThat(record.envelope().projectId()).isEqualTo(7));
		consumer.close();
		assertThat(this.letters.count()).isZero();
		assertThat(request("POST", BASE + envelopeId + "/replay/", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void purgeOneOrAll() throws Exception {
		String id = jsonBody(request("GET", BASE, TOKEN), 200).get(0).path("id").asString();

		assertThat(request("DELETE", BASE + id + "/", TOKEN).statusCode()).isEqualTo(204);
		assertThat(request("DELETE", BASE + id + "/", TOKEN).statusCode()).isEqualTo(404);
		assertThat(jsonBody(request("DELETE", BASE, TOKEN), 200).path("deleted").asLong()).isEqualTo(1);
		assertThat(this.letters.count()).isZero();
	}

	@Test
	void onlyTheInstanceAdminGetsIn() throws Exception {
		String id = jsonBody(request("GET", BASE, TOKEN), 200).get(0).path("id").asString();

		assertThat(request("GET", BASE, OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("GET", BASE + id + "/", OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("POST", BASE + id + "/replay/", OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("DELETE", BASE, OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("GET", BASE, null).statusCode()).isEqualTo(401);
		assertThat(this.letters.count()).isEqualTo(2);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
