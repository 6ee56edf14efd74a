package dev.faultline.api.organization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link PeopleProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleProperties.class)
class PeopleConfiguration {

}
