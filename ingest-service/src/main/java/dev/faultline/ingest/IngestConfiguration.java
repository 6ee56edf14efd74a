package dev.faultline.ingest;

import dev.faultline.boot.FaultlineProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the ingest settings; the endpoints, authentication and body decoding are
 * components of the feature packages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestProperties.class, FaultlineProperties.class })
public class IngestConfiguration {

}
