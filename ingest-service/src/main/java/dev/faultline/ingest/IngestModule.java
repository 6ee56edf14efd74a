package dev.faultline.ingest;

import dev.faultline.boot.QueueConfiguration;
import dev.faultline.boot.ManagementAccessConfiguration;
import dev.faultline.boot.MetadataConfiguration;
import dev.faultline.boot.outcome.OutcomeConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Everything the ingest service contributes to an application context, with the ports it
 * needs. Imported by {@link IngestServiceApplication} and by the standalone application.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import({ QueueConfiguration.class, MetadataConfiguration.class, ManagementAccessConfiguration.class,
		OutcomeConfiguration.class })
public class IngestModule {

}
