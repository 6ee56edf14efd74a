package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.storage.metadata.KeyRateLimit;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of what ingest keeps in the metadata port: per-key rate limits
 * ({@code ProjectStore.findKeyRateLimit} / {@code setKeyRateLimit}) and outcome counters
 * ({@link dev.faultline.storage.metadata.OutcomeStore}). An adapter's test subclasses
 * this like {@link MetadataStoresContract} and returns fresh, empty stores.
 */
public abstract class RateLimitAndOutcomeContract {

	private static final Instant HOUR = Instant.parse("2026-11-25T01:00:00Z");

	private MetadataStores stores;

	private Project project;

	/**
	 * Fresh stores over an empty, migrated database; the suite closes what it returns.
	 */
	protected abstract MetadataStores newStores();

	@BeforeEach
	void openStores() {
		this.stores = newStores();
		this.project = newProject("api");
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	// ---- key rate limits ----------------------------------------------------------

	@Test
	void keysStartUnlimited() {
		this.stores.projects().createKey(this.project.id(), "Default", "a".repeat(32), "s");

		assertThat(this.stores.projects().findKeyRateLimit("a".repeat(32))).isEmpty();
		assertThat(this.stores.projects().findKeyRateLimit("b".repeat(32))).isEmpty();
	}

	@Test
	void rateLimitIsSetReadReplacedAndRemoved() {
		String key = "a".repeat(32);
		this.stores.projects().createKey(this.project.id(), "Default", key, "s");
		KeyRateLimit perMinute = new KeyRateLimit(100, Duration.ofMinutes(1));
		KeyRateLimit perDay = new KeyRateLimit(1_000_000_000_000L, Duration.ofDays(1));

		assertThat(this.stores.projects().setKeyRateLimit(this.project.id(), key, perMinute)).isTrue();
		assertThat(this.stores.projects().findKeyRateLimit(key)).contains(perMinute);
		assertThat(this.stores.projects().setKeyRateLimit(this.project.id(), key, perDay)).isTrue();
		assertThat(this.stores.projects().findKeyRateLimit(key)).contains(perDay);
		assertThat(this.stores.projects().setKeyRateLimit(this.project.id(), key, null)).isTrue();
		assertThat(this.stores.projects().findKeyRateLimit(key)).isEmpty();
		assertThat(this.stores.projects().findKeyByPublicKey(key)).hasValueSatisfying((k) -> {
			assertThat(k.active()).isTrue();
			assertThat(k.label()).isEqualTo("Default");
		});
	}

	@Test
	void rateLimitOfAnotherProjectsKeyOrAnUnknownKeyIsNotSet() {
		Project other = newProject("web");
		String key = "c".repeat(32);
		this.stores.projects().createKey(this.project.id(), "Default", key, "s");

		assertThat(this.stores.projects().setKeyRateLimit(other.id(), key, new KeyRateLimit(1, Duration.ofHours(1))))
			.isFalse();
		assertThat(this.stores.projects()
			.setKeyRateLimit(this.project.id(), "d".repeat(32), new KeyRateLimit(1, Duration.ofHours(1)))).isFalse();
		assertThat(this.stores.projects().findKeyRateLimit(key)).isEmpty();
	}

	@Test
	void rateLimitsAreValidated() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyRateLimit(0, Duration.ofMinutes(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyRateLimit(1, Duration.ofMillis(1500)));
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyRateLimit(1, Duration.ZERO));
	}

	// ---- outcomes -------------------------------------------------------------------

	@Test
	void outcomesAddUpPerProjectHourCategoryOutcomeAndReason() {
		Project other = newProject("web");
		this.stores.outcomes()
			.record(List.of(count(this.project, HOUR, "error", "accepted", "", 3),
					count(this.project, HOUR, "error", "rate_limited", "key_quota", 2),
					count(this.project, HOUR, "error", "accepted", "", 4),
					count(other, HOUR, "transaction", "invalid", "payload_too_large", 1),
					count(this.project, HOUR.plus(Duration.ofHours(1)), "error", "accepted", "", 5)));
		this.stores.outcomes().record(List.of(count(this.project, HOUR, "error", "rate_limited", "key_quota", 1)));

		assertThat(this.stores.outcomes().query(List.of(this.project.id(), other.id()), HOUR, HOUR.plusSeconds(7200)))
			.containsExactly(count(this.project, HOUR, "error", "accepted", "", 7),
					count(this.project, HOUR, "error", "rate_limited", "key_quota", 3),
					count(other, HOUR, "transaction", "invalid", "payload_too_large", 1),
					count(this.project, HOUR.plus(Duration.ofHours(1)), "error", "accepted", "", 5));
	}

	@Test
	void outcomesAreScopedToTheProjectsAndHoursAsked() {
		Project other = newProject("web");
		this.stores.outcomes()
			.record(List.of(count(this.project, HOUR.minus(Duration.ofHours(1)), "error", "accepted", "", 1),
					count(this.project, HOUR, "error", "accepted", "", 2),
					count(this.project, HOUR.plus(Duration.ofHours(1)), "error", "accepted", "", 3),
					count(other, HOUR, "error", "accepted", "", 4)));

		assertThat(this.stores.outcomes().query(List.of(this.project.id()), HOUR, HOUR.plusSeconds(3600)))
			.containsExactly(count(this.project, HOUR, "error", "accepted", "", 2));
		assertThat(this.stores.outcomes().query(List.of(), HOUR, HOUR.plusSeconds(3600))).isEmpty();
	}

	@Test
	void outcomesOfEveryProjectAreReadForTheInstance() {
		Project other = newProject("web");
		this.stores.outcomes()
			.record(List.of(count(this.project, HOUR.minus(Duration.ofHours(1)), "error", "accepted", "", 1),
					count(other, HOUR, "error", "filtered", "localhost", 4),
					count(this.project, HOUR, "error", "accepted", "", 2),
					count(this.project, HOUR.plus(Duration.ofHours(1)), "error", "accepted", "", 3)));

		assertThat(this.stores.outcomes().queryAll(HOUR, HOUR.plusSeconds(3600))).containsExactly(
				count(this.project, HOUR, "error", "accepted", "", 2),
				count(other, HOUR, "error", "filtered", "localhost", 4));
	}

	@Test
	void theRetentionSweepDeletesWholeHoursBeforeTheCutoffOfEveryProject() {
		Project other = newProject("web");
		this.stores.outcomes()
			.record(List.of(count(this.project, HOUR.minus(Duration.ofHours(2)), "error", "accepted", "", 1),
					count(other, HOUR.minus(Duration.ofHours(1)), "error", "filtered", "localhost", 4),
					count(this.project, HOUR, "error", "accepted", "", 2),
					count(other, HOUR.plus(Duration.ofHours(1)), "error", "accepted", "", 3)));

		// Mid-hour: the hour the cutoff falls in is kept whole.
		assertThat(this.stores.outcomes().deleteBefore(HOUR.plus(Duration.ofMinutes(30)))).isEqualTo(2);
		assertThat(this.stores.outcomes().deleteBefore(HOUR.plus(Duration.ofMinutes(30)))).isZero();

		assertThat(this.stores.outcomes().queryAll(HOUR.minus(Duration.ofDays(1)), HOUR.plus(Duration.ofDays(1))))
			.containsExactly(count(this.project, HOUR, "error", "accepted", "", 2),
					count(other, HOUR.plus(Duration.ofHours(1)), "error", "accepted", "", 3));
	}

	@Test
	void outcomesOfUnknownProjectsAreDroppedWithoutFailingTheBatch() {
		Project ghost = new Project(this.project.id() + 1000, 1, 1, "ghost", "Ghost", "", Instant.EPOCH);

		this.stores.outcomes()
			.record(List.of(count(ghost, HOUR, "error", "accepted", "", 1),
					count(this.project, HOUR, "error", "accepted", "", 2)));

		assertThat(this.stores.outcomes().query(List.of(this.project.id(), ghost.id()), HOUR, HOUR.plusSeconds(3600)))
			.containsExactly(count(this.project, HOUR, "error", "accepted", "", 2));
	}

	@Test
	void largeBatchesAndEmptyBatchesAreRecorded() {
		List<OutcomeCount> batch = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			batch.add(count(this.project, HOUR, "category" + (i % 50), "accepted", "", 1));
		}
		this.stores.outcomes().record(batch);
		this.stores.outcomes().record(List.of());

		assertThat(this.stores.outcomes().query(List.of(this.project.id()), HOUR, HOUR.plusSeconds(3600))).hasSize(50)
			.allSatisfy((count) -> assertThat(count.quantity()).isEqualTo(10));
	}

	@Test
	void attachmentBytesAndTheirNumberAddUpApart() {
		this.stores.outcomes()
			.record(List.of(new OutcomeCount(this.project.id(), HOUR, "attachment", "accepted", "", 1_500, 1),
					new OutcomeCount(this.project.id(), HOUR, "attachment", "accepted", "", 20_000, 1),
					new OutcomeCount(this.project.id(), HOUR, "attachment", "rate_limited", "key_quota", 700, 2)));
		this.stores.outcomes()
			.record(List.of(new OutcomeCount(this.project.id(), HOUR, "attachment", "accepted", "", 500, 1)));

		assertThat(this.stores.outcomes().query(List.of(this.project.id()), HOUR, HOUR.plusSeconds(3600)))
			.containsExactly(new OutcomeCount(this.project.id(), HOUR, "attachment", "accepted", "", 22_000, 3),
					new OutcomeCount(this.project.id(), HOUR, "attachment", "rate_limited", "key_quota", 700, 2));
	}

	@Test
	void outcomeCountsAreValidated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutcomeCount(1, HOUR.plusSeconds(1), "error", "accepted", "", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeCount(1, HOUR, "", "accepted", "", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeCount(1, HOUR, "error", "accepted", "", -1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutcomeCount(1, HOUR, "attachment", "accepted", "", 10, -1));
		assertThat(new OutcomeCount(1, HOUR, "error", "accepted", "", 4).timesSeen()).isEqualTo(4);
	}

	private Project newProject(String slug) {
		Organization org = this.stores.organizations()
			.findBySlug("acme")
			.orElseGet(() -> this.stores.organizations().create("acme", "Acme"));
		Team team = this.stores.organizations().createTeam(org.id(), "team-" + slug, "Team " + slug);
		return this.stores.projects().create(org.id(), team.id(), slug, slug, "java");
	}

	private static OutcomeCount count(Project project, Instant hour, String category, String outcome, String reason,
			long quantity) {
		return new OutcomeCount(project.id(), hour, category, outcome, reason, quantity);
	}

}
