package dev.faultline.boot.outcome;

import java.time.Clock;

import dev.faultline.boot.FaultlineProperties;
import dev.faultline.boot.RetentionSweep;
import dev.faultline.storage.metadata.OutcomeStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the one {@link OutcomeRecorder} of an application context, imported by ingest
 * and the processor alike (so the embedded shape, which runs both, has one), over the
 * context's {@link OutcomeStore}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultlineProperties.class)
public class OutcomeConfiguration {

	@Bean(destroyMethod = "close")
	OutcomeRecorder outcomeRecorder(OutcomeStore outcomes, ObjectProvider<MeterRegistry> meters,
			FaultlineProperties properties) {
		return new OutcomeRecorder(outcomes, meters.getIfAvailable(SimpleMeterRegistry::new),
				properties.outcomes().flushInterval(), Clock.systemUTC());
	}

	@Bean
	RetentionSweep outcomeRetention(OutcomeStore outcomes, FaultlineProperties properties) {
		return new RetentionSweep("outcome counters", properties.outcomes().retention(), Clock.systemUTC(),
				outcomes::deleteBefore);
	}

}
