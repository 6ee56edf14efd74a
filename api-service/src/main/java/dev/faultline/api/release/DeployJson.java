package dev.faultline.api.release;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.release.Deploy;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's deploy serializer.
 */
record DeployJson(String id, String environment, @Nullable String name, @Nullable String url,
		@Nullable String dateStarted, String dateFinished) {

	static DeployJson of(Deploy deploy) {
		return new DeployJson(Long.toString(deploy.id()), deploy.environment(), deploy.name(), deploy.url(),
				ApiDates.formatNullable(deploy.dateStarted()), ApiDates.format(deploy.dateFinished()));
	}

}
