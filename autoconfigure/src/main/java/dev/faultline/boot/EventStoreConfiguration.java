package dev.faultline.boot;

import java.nio.file.Path;

import dev.faultline.storage.clickhouse.ClickHouseEventStore;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link EventStore} port: ClickHouse or DuckDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultlineProperties.class)
public class EventStoreConfiguration {

	@Bean(destroyMethod = "close")
	EventStore eventStore(FaultlineProperties properties) {
		FaultlineProperties.Events events = properties.events();
		if ("clickhouse".equals(events.type())) {
			FaultlineProperties.ClickHouse clickhouse = events.clickhouse();
			return ClickHouseEventStore.open(new ClickHouseSettings(clickhouse.url(), clickhouse.username(),
					clickhouse.password(), clickhouse.database()));
		}
		Path file = DataDirectory.prepare(properties.dataDir()).resolve("events.duckdb");
		DuckDbEventStore store = DuckDbEventStore.open(file);
		DataDirectory.restrictToOwner(file);
		return store;
	}

}
