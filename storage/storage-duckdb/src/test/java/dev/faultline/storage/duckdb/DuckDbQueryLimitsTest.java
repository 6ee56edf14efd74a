package dev.faultline.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.QueryLimitExceededException;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.query.QueryLimitsContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query limits TCK against an embedded DuckDB file, and the time limit: a query is
 * cancelled when it is due, and waiting for a reading connection counts against it.
 */
class DuckDbQueryLimitsTest extends QueryLimitsContract {

	@Override
	protected EventStore createStore() throws Exception {
		Path directory = Files.createTempDirectory("faultline-query-limits");
		return DuckDbEventStorage.open(directory.resolve("events.duckdb")).eventStore();
	}

	@Test
	void aQueryPastItsTimeLimitIsCancelled() {
		// 300,000 more rows grouped by id: far more work than a millisecond allows.
		List<StoredEvent> many = new ArrayList<>();
		for (int i = 0; i < 300_000; i++) {
			many.add(event(ELSEWHERE + 1, 100_000 + i, start().plusMillis(i * 1000L)));
		}
		store().write(many);
		Query heavy = everyEventById(everything(), List.of(ELSEWHERE + 1));
		assertThatThrownBy(() -> store().run(heavy, QueryLimits.NONE.withTimeout(Duration.ofMillis(1))))
			.isInstanceOfSatisfying(QueryLimitExceededException.class,
					(ex) -> assertThat(ex.limit()).isEqualTo(QueryLimitExceededException.Limit.TIME));
		// The reading connection came back usable.
		assertThat(store().run(heavy, QueryLimits.NONE).rows()).hasSize(100);
	}

	@Test
	void waitingForABusyReadingConnectionCountsAgainstTheTimeLimit() throws Exception {
		CountDownLatch reading = new CountDownLatch(4);
		CountDownLatch release = new CountDownLatch(1);
		Query query = Query.builder(Datasets.ERRORS, List.of(BUSY), everything())
			.select(Expression.field(Datasets.ERRORS, "id"))
			.orderBy(Order.asc(Expression.field(Datasets.ERRORS, "timestamp")))
			.page(0, 10)
			.build();
		List<CompletableFuture<?>> streams = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			streams.add(CompletableFuture.supplyAsync(() -> store().stream(query, QueryLimits.NONE, (row) -> {
				reading.countDown();
				release.await();
			})));
		}
		try {
			assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> store().run(query, QueryLimits.NONE.withTimeout(Duration.ofMillis(200))))
				.isInstanceOfSatisfying(QueryLimitExceededException.class, (ex) -> {
					assertThat(ex.limit()).isEqualTo(QueryLimitExceededException.Limit.TIME);
					assertThat(ex.getMessage()).contains("busy");
				});
		}
		finally {
			release.countDown();
		}
		for (CompletableFuture<?> stream : streams) {
			stream.get(60, TimeUnit.SECONDS);
		}
	}

}
