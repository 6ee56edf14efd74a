package dev.faultline.boot;

import java.nio.file.Path;

import dev.faultline.storage.clickhouse.ClickHouseEventStorage;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.EventStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the event storage component, ClickHouse or DuckDB, which owns the engine
 * connection, and its {@link EventStore} (every role in one bean, so a caller that asks
 * for one role — {@code EventWriter}, {@code QueryRunner}… — gets it from the same
 * component).
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
		Path file = DataDirectory.prepare(properties.dataDir()).resolve("events.duckdb");
		DuckDbEventStorage storage = DuckDbEventStorage.open(file);
		DataDirectory.restrictToOwner(file);
		return storage;
	}

	/**
	 * The component's roles; closed with the component, not on its own.
	 */
	@Bean(destroyMethod = "")
	EventStore eventStore(EventStorage storage) {
		return storage.eventStore();
	}

}
