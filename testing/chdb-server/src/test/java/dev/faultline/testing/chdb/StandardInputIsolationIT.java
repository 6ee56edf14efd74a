package dev.faultline.testing.chdb;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM whose standard input carries data (as a test runner's command pipe does) still
 * inserts exactly the rows it sends: the server detaches fd 0 from libchdb
 * ({@link HostStandardInput}). Without that, the insert fails with "Processing async
 * inserts with both inlined and external data" or stores the stdin bytes as rows.
 */
class StandardInputIsolationIT {

	@TempDir
	Path dataDir;

	@Test
	void insertsIgnoreTheHostsStandardInput() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				"-Dfaultline.libchdb=" + System.getProperty("faultline.libchdb", ""),
				"-Dfaultline.tools.dir=" + System.getProperty("faultline.tools.dir", ""),
				InsertingChild.class.getName(), this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (OutputStream stdin = child.getOutputStream()) {
			// Rows that must never be stored, kept pending while the child inserts.
			stdin.write("{\"id\":9999}\n(9999)\n".repeat(64).getBytes(StandardCharsets.UTF_8));
			stdin.flush();
			assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
		}
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.exitValue()).as(output).isZero();
		assertThat(output).contains("rows=3 ids=1,2,3");
	}

	/**
	 * Starts a server, inserts three rows through the official client and prints what the
	 * table holds.
	 */
	static final class InsertingChild {

		public static void main(String[] args) throws Exception {
			try (ChdbHttpServer server = ChdbHttpServer.start(Files.createDirectories(Path.of(args[0])));
					Client client = new Client.Builder().addEndpoint(server.endpoint())
						.setUsername("default")
						.setPassword("")
						.build()) {
				client.queryAll("CREATE TABLE t (id UInt64) ENGINE = MergeTree ORDER BY id");
				String rows = "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n";
				client
					.insert("t", new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
							ClickHouseFormat.JSONEachRow)
					.get(60, TimeUnit.SECONDS)
					.close();
				List<String> ids = client.queryAll("SELECT id FROM t ORDER BY id")
					.stream()
					.map((row) -> Long.toString(row.getLong("id")))
					.toList();
				System.out.println("rows=" + ids.size() + " ids=" + String.join(",", ids));
			}
		}

	}

}
