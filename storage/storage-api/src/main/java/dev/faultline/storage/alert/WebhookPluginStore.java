package dev.faultline.storage.alert;

import java.util.List;
import java.util.Optional;

/**
 * The legacy WebHooks plugin of projects: whether it is on and its URLs. Thread-safe.
 */
public interface WebhookPluginStore {

	/**
	 * The project's plugin settings, empty when never configured.
	 */
	Optional<WebhookPlugin> find(long projectId);

	/**
	 * Replaces the project's settings.
	 */
	WebhookPlugin save(long projectId, boolean enabled, List<String> urls);

	/**
	 * A project's WebHooks plugin.
	 */
	record WebhookPlugin(long projectId, boolean enabled, List<String> urls) {

		public WebhookPlugin {
			urls = List.copyOf(urls);
		}

	}

}
