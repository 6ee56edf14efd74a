package dev.faultline.storage.clickhouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.faultline.query.Query;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.QueryLimitExceededException;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.query.QueryLimitsContract;
import dev.faultline.testing.chdb.ChdbHttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query limits TCK against a real ClickHouse engine (libchdb behind the HTTP test
 * server), and the limits only ClickHouse enforces: groups and time, stopped by the
 * server from the statement's settings.
 */
class ClickHouseQueryLimitsIT extends QueryLimitsContract {

	@Override
	protected EventStore createStore() {
		String database = "limits_" + UUID.randomUUID().toString().replace("-", "");
		return ClickHouseEventStorage
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))
			.eventStore();
	}

	@Test
	void aGroupByOverItsLimitOfGroupsIsStopped() {
		QueryLimits limits = new QueryLimits(Duration.ZERO, 0, 0, 0, 100);
		assertThatThrownBy(() -> store().run(everyEventById(everything(), List.of(BUSY)), limits))
			.isInstanceOfSatisfying(QueryLimitExceededException.class,
					(ex) -> assertThat(ex.limit()).isEqualTo(QueryLimitExceededException.Limit.GROUPS));
		assertThat(store().run(everyEventById(everything(), List.of(QUIET)), limits).rows()).hasSize(50);
	}

	@Test
	void aQueryPastItsTimeLimitIsStoppedByTheServer() {
		List<StoredEvent> many = new ArrayList<>();
		for (int i = 0; i < 300_000; i++) {
			many.add(event(ELSEWHERE + 1, 100_000 + i, start().plusMillis(i * 1000L)));
		}
		for (int from = 0; from < many.size(); from += 50_000) {
			store().write(many.subList(from, from + 50_000));
		}
		Query heavy = everyEventById(everything(), List.of(ELSEWHERE + 1));
		assertThatThrownBy(() -> store().run(heavy, QueryLimits.NONE.withTimeout(Duration.ofMillis(1))))
			.isInstanceOfSatisfying(QueryLimitExceededException.class,
					(ex) -> assertThat(ex.limit()).isEqualTo(QueryLimitExceededException.Limit.TIME));
	}

}
