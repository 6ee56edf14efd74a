package dev.faultline.api.discover;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds Discover's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoverProperties.class)
class DiscoverConfiguration {

}
