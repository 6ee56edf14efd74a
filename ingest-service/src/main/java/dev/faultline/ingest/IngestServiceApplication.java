package dev.faultline.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The ingest service as its own process (distributed shape).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IngestModule.class)
public class IngestServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestServiceApplication.class, args);
	}

}
