package dev.faultline.api.release;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.release.Repository;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's repository serializer; sentry-cli reads {@code id name url provider{id,name}
 * status dateCreated}.
 */
record RepositoryJson(String id, String name, @Nullable String url, Provider provider, String status,
		String dateCreated, @Nullable String integrationId, @Nullable String externalSlug) {

	record Provider(String id, String name) {

	}

	static RepositoryJson of(Repository repository) {
		String provider = repository.provider();
		String providerName = provider.startsWith("integrations:") ? provider.substring("integrations:".length())
				: provider;
		return new RepositoryJson(Long.toString(repository.id()), repository.name(), repository.url(),
				new Provider(provider, providerName), "active", ApiDates.format(repository.dateCreated()), null, null);
	}

}
