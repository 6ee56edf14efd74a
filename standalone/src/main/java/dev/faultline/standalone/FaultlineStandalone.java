package dev.faultline.standalone;

import dev.faultline.api.ApiModule;
import dev.faultline.ingest.IngestModule;
import dev.faultline.processor.ProcessorModule;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Faultline in one process: ingest, processing and the Web API on one port, on the
 * embedded adapters (SQLite queue and metadata, DuckDB events) unless configured
 * otherwise.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ IngestModule.class, ProcessorModule.class, ApiModule.class })
public class FaultlineStandalone {

	public static void main(String[] args) {
		SpringApplication.run(FaultlineStandalone.class, args);
	}

}
