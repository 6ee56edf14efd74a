package dev.faultline.api;

import dev.faultline.boot.ManagementAccessConfiguration;
import dev.faultline.boot.MetadataConfiguration;
import dev.faultline.boot.QueueConfiguration;
import dev.faultline.boot.DeadLetterConfiguration;
import dev.faultline.boot.AlertConfiguration;
import dev.faultline.boot.EventStoreConfiguration;

import dev.faultline.boot.backup.BackupConfiguration;
import dev.faultline.boot.system.SystemProbeConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Everything the api service contributes to an application context, with the ports it
 * needs. Imported by {@link ApiServiceApplication} and by the standalone application.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import({ MetadataConfiguration.class, EventStoreConfiguration.class, ManagementAccessConfiguration.class,
		DeadLetterConfiguration.class, QueueConfiguration.class, SystemProbeConfiguration.class,
		BackupConfiguration.class, AlertConfiguration.class })
public class ApiModule {

}
