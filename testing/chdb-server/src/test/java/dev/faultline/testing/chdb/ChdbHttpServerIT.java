package dev.faultline.testing.chdb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The official client-v2 against the server, with its default settings (LZ4 response
 * compression on).
 */
class ChdbHttpServerIT {

	@TempDir
	Path dataDir;

	@Test
	void servesTheOfficialClientAndKeepsDataAcrossRestarts() throws Exception {
		try (ChdbHttpServer server = ChdbHttpServer.start(this.dataDir); Client client = client(server, "default")) {
			assertThat(client.ping()).isTrue();
			client.queryAll("CREATE DATABASE IF NOT EXISTS it");
		}
		try (ChdbHttpServer server = ChdbHttpServer.start(this.dataDir); Client client = client(server, "it")) {
			client.queryAll("CREATE TABLE IF NOT EXISTS t (id UInt64, name String, at DateTime64(3, 'UTC'), "
					+ "tags Map(String, String)) ENGINE = MergeTree ORDER BY id");
			String rows = "{\"id\":1,\"name\":\"één 🚀\",\"at\":\"2026-01-02 03:04:05.678\",\"tags\":{\"k\":\"v\"}}\n"
					+ "{\"id\":2,\"name\":\"two\",\"at\":\"2026-01-02 03:04:06.000\",\"tags\":{}}\n";
			InsertResponse inserted = client
				.insert("t", new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
						ClickHouseFormat.JSONEachRow)
				.get(30, TimeUnit.SECONDS);
			assertThat(inserted.getWrittenRows()).isEqualTo(2);

			List<GenericRecord> found = client.queryAll("SELECT id, name, tags FROM t WHERE name = {name:String}",
					Map.of("name", "één 🚀"));
			assertThat(found).hasSize(1);
			assertThat(found.get(0).getLong("id")).isEqualTo(1);
			assertThat(found.get(0).getString("name")).isEqualTo("één 🚀");
			assertThat(found.get(0).getObject("tags")).isEqualTo(Map.of("k", "v"));
		}
		try (ChdbHttpServer server = ChdbHttpServer.start(this.dataDir); Client client = client(server, "it")) {
			assertThat(client.queryAll("SELECT count() AS c FROM t").get(0).getLong("c")).isEqualTo(2);
		}
	}

	@Test
	void errorsCarryClickHouseCodes() throws Exception {
		try (ChdbHttpServer server = ChdbHttpServer.start(this.dataDir); Client client = client(server, "default")) {
			assertThat(serverCode(() -> client.queryAll("SELECT * FROM no_such_table"))).isEqualTo(60);
			assertThat(serverCode(() -> client.queryAll("SELEC 1"))).isEqualTo(62);
			assertThat(serverCode(() -> client.queryAll("SELECT 1", new QuerySettings().setDatabase("missing"))))
				.isEqualTo(81);
			assertThat(client.queryAll("SELECT 1 AS one").get(0).getInteger("one")).isEqualTo(1);
		}
	}

	@Test
	void secondServerInOneJvmFailsClearly() {
		try (ChdbHttpServer server = ChdbHttpServer.start(this.dataDir)) {
			assertThat(server.endpoint()).startsWith("http://127.0.0.1:");
			assertThatIllegalStateException().isThrownBy(() -> ChdbHttpServer.start(this.dataDir.resolve("other")))
				.withMessageContaining("one data directory per process");
		}
	}

	private static int serverCode(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof ServerException server) {
				return server.getCode();
			}
		}
		throw new AssertionError("Expected a ServerException, got " + thrown, thrown);
	}

	private static Client client(ChdbHttpServer server, String database) {
		return new Client.Builder().addEndpoint(server.endpoint())
			.setUsername("default")
			.setPassword("")
			.setDefaultDatabase(database)
			.compressClientRequest(true)
			.build();
	}

}
