package dev.faultline.api.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.ProjectKey;

import org.jspecify.annotations.Nullable;

/**
 * A client key as Sentry renders it. As in Sentry, the key's {@code id} is its public key
 * and {@code projectId} is a number.
 */
record ProjectKeyJson(String id, String name, String label, @JsonProperty("public") String publicKey, String secret,
		long projectId, boolean isActive, @Nullable Object rateLimit, Dsns.DsnJson dsn, String browserSdkVersion,
		String dateCreated, String useCase) {

	static ProjectKeyJson of(ProjectKey key, Dsns dsns) {
		return new ProjectKeyJson(key.publicKey(), key.label(), key.label(), key.publicKey(), key.secretKey(),
				key.projectId(), key.active(), null, dsns.json(key.publicKey(), key.secretKey(), key.projectId()),
				"latest", ApiDates.format(key.dateCreated()), "user");
	}

}
