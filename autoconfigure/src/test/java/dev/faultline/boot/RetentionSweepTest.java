package dev.faultline.boot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A retention sweep over a real (SQLite) metadata store: what is older than the retention
 * goes, the rest stays; a failing store is reported as nothing deleted rather than thrown
 * into the scheduler; retentions under a day are refused.
 */
class RetentionSweepTest {

	private static final Instant NOW = Instant.parse("2026-12-07T12:30:00Z");

	@TempDir
	Path directory;

	@Test
	void deletesOutcomeCountersOlderThanTheRetention() {
		try (MetadataStores stores = SqliteMetadataStores.open(this.directory.resolve("metadata.db"))) {
			long organization = stores.organizations().create("acme", "Acme").id();
			long team = stores.organizations().createTeam(organization, "core", "Core").id();
			Project project = stores.projects().create(organization, team, "shop", "Shop", "java");
			Instant hour = Instant.parse("2026-12-07T12:00:00Z");
			stores.outcomes()
				.record(List.of(
						new OutcomeCount(project.id(), hour.minus(Duration.ofDays(31)), "error", "accepted", "", 1),
						new OutcomeCount(project.id(), hour.minus(Duration.ofDays(29)), "error", "accepted", "", 2)));
			RetentionSweep sweep = new RetentionSweep("outcome counters", Duration.ofDays(30),
					Clock.fixed(NOW, ZoneOffset.UTC), stores.outcomes()::deleteBefore);

			assertThat(sweep.sweep()).isEqualTo(1);
			assertThat(stores.outcomes().queryAll(hour.minus(Duration.ofDays(60)), hour))
				.extracting(OutcomeCount::quantity)
				.containsExactly(2L);
		}
	}

	@Test
	void aFailingStoreDeletesNothingAndDoesNotThrow() {
		MetadataStores stores = SqliteMetadataStores.open(this.directory.resolve("closed.db"));
		stores.close();
		RetentionSweep sweep = new RetentionSweep("dead letters", Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC),
				stores.deadLetters()::deleteParkedBefore);

		assertThat(sweep.sweep()).isZero();
	}

	@Test
	void refusesARetentionUnderADay() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new RetentionSweep("outcome counters", Duration.ofHours(23), Clock.systemUTC(), (cutoff) -> 0))
			.withMessageContaining("outcome counters");
	}

}
