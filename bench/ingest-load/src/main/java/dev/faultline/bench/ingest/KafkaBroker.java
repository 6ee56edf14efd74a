package dev.faultline.bench.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft Kafka broker for the distributed ingest run, the same one the
 * distributed end-to-end test uses. Usage: {@code KafkaBroker <file>}: writes the
 * bootstrap servers to the file once ready and runs until killed.
 */
public final class KafkaBroker {

	private KafkaBroker() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
		broker.afterPropertiesSet();
		Files.writeString(Path.of(args[0]), broker.getBrokersAsString());
		System.out.println("kafka broker at " + broker.getBrokersAsString());
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		Thread.currentThread().join();
	}

}
