package dev.faultline.processor;

import dev.faultline.boot.QueueConfiguration;
import dev.faultline.boot.ManagementAccessConfiguration;
import dev.faultline.boot.MetadataConfiguration;
import dev.faultline.boot.DeadLetterConfiguration;
import dev.faultline.boot.EventStoreConfiguration;
import dev.faultline.boot.outcome.OutcomeConfiguration;

import dev.faultline.boot.system.SystemProbeConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Everything the processor service contributes to an application context, with the ports
 * it needs. Imported by {@link ProcessorServiceApplication} and by the standalone
 * application.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import({ QueueConfiguration.class, MetadataConfiguration.class, EventStoreConfiguration.class,
		DeadLetterConfiguration.class, OutcomeConfiguration.class, SystemProbeConfiguration.class,
		ManagementAccessConfiguration.class })
public class ProcessorModule {

}
