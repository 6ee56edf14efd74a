package dev.faultline.api.web;

import dev.faultline.protocol.json.ClientJson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * Request bodies are client input: the application's {@link JsonMapper} parses them with
 * {@link ClientJson}'s limits (nesting depth, string length), so a deeply nested body
 * fails while it is read, with a 400 ({@link ApiExceptionHandler}). Spring Boot's own
 * builder takes no stream factory, so this one replaces it the way Boot builds it: a
 * fresh builder per injection point, with every {@link JsonMapperBuilderCustomizer}
 * applied in order.
 */
@Configuration(proxyBeanMethods = false)
class ClientJsonConfiguration {

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = ClientJson.mapperBuilder();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}
