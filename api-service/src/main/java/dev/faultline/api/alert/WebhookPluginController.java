package dev.faultline.api.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.storage.alert.WebhookPluginStore;
import dev.faultline.storage.alert.WebhookPluginStore.WebhookPlugin;
import dev.faultline.storage.metadata.MetadataStores;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legacy WebHooks plugin of a project, as Sentry's plugin endpoint serves it:
 * {@code PUT} with {@code {"urls": "https://a\nhttps://b"}} (or a list) sets the URLs and
 * enables it, {@code POST} enables, {@code DELETE} disables; {@code GET} answers the
 * plugin with its {@code config}. Rules fire it with {@code NotifyEventServiceAction}
 * ({@code service: webhooks}).
 */
@RestController
class WebhookPluginController {

	private static final String PATH = "/api/0/projects/{organizationSlug}/{projectSlug}/plugins/webhooks/";

	private static final int MAX_URLS = 20;

	private final Access access;

	private final WebhookPluginStore plugins;

	WebhookPluginController(Access access, MetadataStores stores) {
		this.access = access;
		this.plugins = stores.alerts().webhookPlugins();
	}

	@GetMapping(PATH)
	Map<String, Object> get(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		return json(current(found));
	}

	@PutMapping(PATH)
	Map<String, Object> configure(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		Map<String, Object> given = (body != null) ? body : Map.of();
		List<String> urls = urls(given.get("urls"));
		boolean enabled = !Boolean.FALSE.equals(given.get("enabled"));
		return json(this.plugins.save(found.project().id(), enabled, urls));
	}

	@PostMapping(PATH)
	Map<String, Object> enable(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		return json(this.plugins.save(found.project().id(), true, current(found).urls()));
	}

	@DeleteMapping(PATH)
	ResponseEntity<Void> disable(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		this.plugins.save(found.project().id(), false, current(found).urls());
		return ResponseEntity.noContent().build();
	}

	private WebhookPlugin current(OrganizationProject found) {
		return this.plugins.find(found.project().id())
			.orElseGet(() -> new WebhookPlugin(found.project().id(), false, List.of()));
	}

	private static List<String> urls(@Nullable Object value) {
		List<String> raw = new ArrayList<>();
		if (value instanceof String text) {
			raw.addAll(Arrays.asList(ClientPatterns.LINE_BREAKS.jdk().split(text)));
		}
		else if (value instanceof List<?> list) {
			list.forEach((item) -> raw.add(String.valueOf(item)));
		}
		else if (value != null) {
			throw ApiException.badRequest("urls must be text, one URL per line");
		}
		List<String> urls = new ArrayList<>();
		for (String candidate : raw) {
			String url = candidate.strip();
			if (url.isEmpty()) {
				continue;
			}
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest("Not a valid URL: " + url);
			}
			if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw ApiException.badRequest("Not a valid URL: " + url);
			}
			urls.add(url);
		}
		if (urls.size() > MAX_URLS) {
			throw ApiException.badRequest("at most " + MAX_URLS + " URLs");
		}
		return urls;
	}

	private static Map<String, Object> json(WebhookPlugin plugin) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", "webhooks");
		json.put("name", "WebHooks");
		json.put("slug", "webhooks");
		json.put("type", "notification");
		json.put("enabled", plugin.enabled());
		json.put("isHidden", false);
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", "urls");
		field.put("label", "Callback URLs");
		field.put("type", "textarea");
		field.put("value", String.join("\n", plugin.urls()));
		field.put("required", false);
		json.put("config", List.of(field));
		return json;
	}

}
