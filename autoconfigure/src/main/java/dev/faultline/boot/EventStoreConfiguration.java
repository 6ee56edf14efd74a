package dev.faultline.boot;

import java.nio.file.Path;

import dev.faultline.storage.clickhouse.ClickHouseEventStorage;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.backup.StoreBarrier;
import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.EventMaintenance;
import dev.faultline.storage.events.EventReader;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventWriter;
import dev.faultline.storage.events.QueryRunner;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.spans.SpanReader;
import dev.faultline.storage.spans.SpanWriter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Provides the event storage component, ClickHouse or DuckDB, which owns the engine
 * connection, and the role stores it hands out ({@code EventWriter}, {@code EventReader},
 * {@code EventAggregates}, {@code EventMaintenance}, {@code SpanWriter},
 * {@code SpanReader}, {@code QueryRunner}): services take the narrow role they use, so a
 * new kind of data adds a role bean here instead of widening what every caller sees.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultlineProperties.class)
public class EventStoreConfiguration {

	@Bean(destroyMethod = "close")
	EventStorage eventStorage(FaultlineProperties properties) {
		FaultlineProperties.Events events = properties.events();
		if ("clickhouse".equals(events.type())) {
			FaultlineProperties.ClickHouse clickhouse = events.clickhouse();
			return ClickHouseEventStorage.open(new ClickHouseSettings(clickhouse.url(), clickhouse.username(),
					clickhouse.password(), clickhouse.database()));
		}
		Path file = DataDirectory.prepare(properties).resolve("events.duckdb");
		DuckDbEventStorage storage = DuckDbEventStorage.open(file);
		DataDirectory.restrictToOwner(file);
		return storage;
	}

	/**
	 * The component's roles in one, for callers that need several (tests, benchmarks);
	 * closed with the component, not on its own.
	 */
	@Bean(destroyMethod = "")
	EventStore eventStore(EventStorage storage) {
		return storage.eventStore();
	}

	// Each role as handed out by the component, so a service depends on the role it uses.
	// A view implements its role only (the component's roles are one object); primary,
	// because the wide EventStore bean is a candidate for every role type too.

	@Bean(destroyMethod = "")
	@Primary
	EventWriter eventWriter(EventStorage storage) {
		return RoleViews.of(EventWriter.class, storage.eventWriter());
	}

	@Bean(destroyMethod = "")
	@Primary
	EventReader eventReader(EventStorage storage) {
		return RoleViews.of(EventReader.class, storage.eventReader());
	}

	@Bean(destroyMethod = "")
	@Primary
	EventAggregates eventAggregates(EventStorage storage) {
		return RoleViews.of(EventAggregates.class, storage.eventAggregates());
	}

	@Bean(destroyMethod = "")
	@Primary
	EventMaintenance eventMaintenance(EventStorage storage) {
		return RoleViews.of(EventMaintenance.class, storage.eventMaintenance());
	}

	@Bean(destroyMethod = "")
	@Primary
	SpanWriter spanWriter(EventStorage storage) {
		return RoleViews.of(SpanWriter.class, storage.spanWriter());
	}

	@Bean(destroyMethod = "")
	@Primary
	SpanReader spanReader(EventStorage storage) {
		return RoleViews.of(SpanReader.class, storage.spanReader());
	}

	@Bean(destroyMethod = "")
	@Primary
	SessionWriter sessionWriter(EventStorage storage) {
		return RoleViews.of(SessionWriter.class, storage.sessionWriter());
	}

	@Bean(destroyMethod = "")
	@Primary
	QueryRunner queryRunner(EventStorage storage) {
		return RoleViews.of(QueryRunner.class, storage.queries());
	}

	/**
	 * One per application context: the processor holds it per batch, an online backup
	 * while it copies the metadata and event stores.
	 */
	@Bean
	StoreBarrier storeBarrier() {
		return new StoreBarrier();
	}

}
