package dev.faultline.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Guards the actuator on the application port of every service that serves HTTP (see
 * {@link ActuatorAccessFilter}). A separate {@code management.server.port} runs in its
 * own context without this filter: that port is meant to stay on the internal network.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(FaultlineProperties.class)
public class ManagementAccessConfiguration {

	@Bean
	FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(FaultlineProperties properties) {
		FilterRegistrationBean<ActuatorAccessFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAccessFilter(properties.management().token()));
		registration.addUrlPatterns(ActuatorAccessFilter.BASE, ActuatorAccessFilter.BASE + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
