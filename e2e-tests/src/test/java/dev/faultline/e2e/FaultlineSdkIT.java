package dev.faultline.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.faultline.sdk.Breadcrumb;
import dev.faultline.sdk.Dsn;
import dev.faultline.sdk.Event;
import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.FaultlineOptions;
import dev.faultline.sdk.Level;
import dev.faultline.sdk.Span;
import dev.faultline.sdk.Transaction;
import dev.faultline.sdk.Transport;
import dev.faultline.sdk.TransportResponse;
import dev.faultline.sdk.User;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faultline's own SDK ({@code sdk-java}) against the packaged embedded Faultline: an
 * exception, a message and a transaction are sent, read back through the Web API, and
 * grouped as the official SDK's equivalents are.
 */
class FaultlineSdkIT {

	private static final String ORGANIZATION = "faultline";

	private static StandaloneFaultline faultline;

	@BeforeAll
	static void start() {
		faultline = StandaloneFaultline.start();
	}

	@AfterAll
	static void stop() {
		if (faultline != null) {
			faultline.close();
		}
	}

	@Test
	void exceptionMessageAndTransactionAreAcceptedAndGrouped() {
		String dsn = faultline.api().createProjectDsn(ORGANIZATION, ORGANIZATION, "Light Shop", "java");
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		try (FaultlineClient client = new FaultlineClient(options(dsn, statuses))) {
			client.configureScope((scope) -> scope.setTag("feature", "checkout")
				.setUser(new User("user-42", null, "alice@example.com", null))
				.addBreadcrumb(Breadcrumb.of("ui.click", "Clicked checkout")));
			for (int attempt = 0; attempt < 2; attempt++) {
				try {
					checkout("ord-1234");
				}
				catch (IllegalStateException ex) {
					client.captureException(ex);
				}
			}
			client.captureEvent(Event.ofMessage("Cart cart-77 holds 3 items", Level.WARNING)
				.setMessage("Cart cart-77 holds 3 items", "Cart %s holds %s items", List.of("cart-77", "3")));
			Transaction transaction = client.startTransaction("GET /checkout", "http.server");
			Span query = transaction.startChild("db.query", "SELECT * FROM orders WHERE id = ?");
			query.setStatus("ok").finish();
			transaction.setStatus("ok").finish();
			assertThat(client.flush(Duration.ofSeconds(30))).isTrue();
		}
		// Two events, one message and one transaction, each answered 200 (the processor
		// does not store transactions yet, so acceptance is what can be checked for it).
		assertThat(statuses).containsExactly(200, 200, 200, 200);

		List<JsonNode> issues = ReadBack.awaitIssues(faultline.api(), ORGANIZATION, "light-shop", 3);
		JsonNode chained = ReadBack.onlyIssue(issues,
				ReadBack.titled("IllegalStateException: Checkout failed for order ord-1234"));
		assertThat(chained.get("count").asString()).isEqualTo("2");
		assertThat(ReadBack.onlyIssue(issues, ReadBack.titled("Cart cart-77 holds 3 items")).get("count").asString())
			.isEqualTo("1");
		assertThat(issues).hasSize(2);

		JsonNode latest = faultline.api().get("/api/0/issues/" + chained.get("id").asString() + "/events/latest/");
		assertThat(ReadBack.exceptionTypes(latest)).containsExactly("IOException", "IllegalStateException");
		assertThat(ReadBack.functionNames(latest)).contains("chargeCard", "checkout");
		assertThat(ReadBack.breadcrumbMessages(latest)).contains("Clicked checkout");
	}

	@Test
	void theSameExceptionFromTheOfficialSdkAndThisSdkIsOneIssue() {
		String dsn = faultline.api().createProjectDsn(ORGANIZATION, ORGANIZATION, "Mixed Shop", "java");
		IllegalStateException failure;
		try {
			checkout("ord-5678");
			throw new AssertionError("checkout must fail");
		}
		catch (IllegalStateException ex) {
			failure = ex;
		}
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.addInAppInclude("dev.faultline.e2e");
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			Sentry.captureException(failure);
			Sentry.flush(20_000);
		}
		finally {
			Sentry.close();
		}
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		try (FaultlineClient client = new FaultlineClient(options(dsn, statuses))) {
			client.captureException(failure);
			assertThat(client.flush(Duration.ofSeconds(30))).isTrue();
		}
		assertThat(statuses).containsExactly(200);

		List<JsonNode> issues = ReadBack.awaitIssues(faultline.api(), ORGANIZATION, "mixed-shop", 2);
		assertThat(issues).hasSize(1);
		assertThat(issues.get(0).get("count").asString()).isEqualTo("2");
	}

	private static FaultlineOptions options(String dsn, List<Integer> statuses) {
		Transport http = Transport.http(Dsn.parse(dsn));
		Transport recording = (envelope) -> {
			TransportResponse response = http.send(envelope);
			statuses.add(response.status());
			return response;
		};
		return new FaultlineOptions().setDsn(dsn)
			.setRelease("e2e@1.0.0")
			.setEnvironment("e2e")
			.setTracesSampleRate(1.0)
			.addInAppInclude("dev.faultline.e2e")
			.setUncaughtExceptionHandler(false)
			.setTransport(recording);
	}

	private static void checkout(String order) {
		try {
			chargeCard(order);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Checkout failed for order " + order, ex);
		}
	}

	private static void chargeCard(String order) throws IOException {
		throw new IOException("Connection reset by peer while charging " + order);
	}

}
