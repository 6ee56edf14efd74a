package dev.faultline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in a JVM of its own, run
 * from the Kafka jars on the test's class path: unlike spring-kafka's embedded broker it
 * can be killed ({@code kill -9}) and started again on the same port and log directory,
 * which is what a broker restart is to the services. The log directory is formatted once.
 */
final class KafkaBrokerProcess implements AutoCloseable {

	private final Path config;

	private final Path log;

	private final int port;

	private @Nullable Process process;

	private KafkaBrokerProcess(Path config, Path log, int port) {
		this.config = config;
		this.log = log;
		this.port = port;
	}

	/** Formats a log directory under {@code home}, starts the broker and waits for it. */
	static KafkaBrokerProcess start(Path home, Duration atMost) {
		try {
			Path directory = Files.createDirectories(home.resolve("kafka"));
			int port = FreePort.find();
			int controllerPort = FreePort.find();
			Path config = directory.resolve("server.properties");
			Files.writeString(config,
					String.join("\n", "process.roles=broker,controller", "node.id=1",
							"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
							"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
							"advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
							"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
							"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
							"log.dirs=" + directory.resolve("data"), "offsets.topic.replication.factor=1",
							"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
							"group.initial.rebalance.delay.ms=0", "num.partitions=4", ""));
			KafkaBrokerProcess broker = new KafkaBrokerProcess(config, directory.resolve("broker.log"), port);
			broker.run("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
				.waitFor(2, TimeUnit.MINUTES);
			broker.start();
			broker.awaitReady(atMost);
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker on its port and log directory; returns without waiting. */
	synchronized void start() {
		this.process = run("kafka.Kafka", this.config.toString());
	}

	/** SIGKILL, then waits until the process is gone. */
	synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroyForcibly();
		try {
			running.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/** Waits until the broker answers an admin client's cluster description. */
	void awaitReady(Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
			Process running = this.process;
			if (running != null && !running.isAlive()) {
				throw new IllegalStateException("the Kafka broker exited; see " + this.log);
			}
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
					AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
					3000))) {
				return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
			}
			catch (Exception ex) {
				return false;
			}
		});
	}

	@Override
	public void close() {
		kill();
	}

	private Process run(String mainClass, String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
