package dev.faultline.api.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance "brute force": 50 wrong passwords for one account are throttled, and an
 * unknown email gets exactly the same answers (statuses, bodies, Retry-After), so neither
 * tells whether the account exists; the time of each answer is printed per phase. Then
 * one address trying many emails is throttled too (the tests share the one address,
 * 127.0.0.1, so they run in order).
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.password=the-right-password", "faultline.public-url=http://brute.example" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BruteForceIT extends EmbeddedApplicationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	@Order(1)
	void wrongPasswordsAreThrottledAlikeForExistingAndUnknownAccounts() throws Exception {
		List<String> existing = attempts("admin@localhost", 50);
		List<String> unknown = attempts("nobody-here@example.com", 50);
		assertThat(existing).hasSize(50);
		assertThat(existing.subList(0, LoginThrottle.ACCOUNT_LIMIT)).allMatch((answer) -> answer.startsWith("401 "));
		assertThat(existing.subList(LoginThrottle.ACCOUNT_LIMIT, 50)).allMatch((answer) -> answer.startsWith("429 "));
		assertThat(unknown).isEqualTo(existing);
		// The right password is refused too while throttled.
		assertThat(login("admin@localhost", "the-right-password").statusCode()).isEqualTo(429);
	}

	// After the first test: its failures count towards this address's limit too.
	@Test
	@Order(2)
	void oneAddressTryingManyEmailsIsThrottled() throws Exception {
		int refused = 0;
		for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT + 5; i++) {
			if (login("spray" + i + "@example.com", "guess").statusCode() == 429) {
				refused++;
			}
		}
		assertThat(refused).isPositive();
		assertThat(login("another@example.com", "guess").statusCode()).isEqualTo(429);
	}

	/**
	 * Each answer as "status Retry-After-present body", the time per phase printed.
	 */
	private List<String> attempts(String email, int count) throws Exception {
		List<String> answers = new ArrayList<>();
		long checked = 0;
		long throttled = 0;
		for (int i = 0; i < count; i++) {
			long started = System.nanoTime();
			HttpResponse<String> response = login(email, "wrong-password-" + i);
			long took = System.nanoTime() - started;
			if (response.statusCode() == 429) {
				throttled += took;
			}
			else {
				checked += took;
			}
			String body = response.body().replaceAll("\\d+ seconds", "N seconds");
			answers.add(response.statusCode() + " " + response.headers().firstValue("Retry-After").isPresent() + " "
					+ body);
		}
		long refusedCount = answers.stream().filter((answer) -> answer.startsWith("429")).count();
		System.out.printf("%s: %d wrong passwords, %d checked (mean %.1f ms), %d throttled (mean %.1f ms)%n", email,
				count, count - refusedCount, checked / 1e6 / Math.max(1, count - refusedCount), refusedCount,
				throttled / 1e6 / Math.max(1, refusedCount));
		return answers;
	}

	private HttpResponse<String> login(String email, String password) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/0/auth/login/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
