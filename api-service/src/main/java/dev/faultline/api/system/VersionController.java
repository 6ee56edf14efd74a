package dev.faultline.api.system;

import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.InstanceAdmin;
import dev.faultline.api.system.SystemStatusJson.SchemaJson;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.SchemaVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/0/internal/version/}: which Faultline answers (its version, the commit
 * it was built from, when) and the schema each store is at, for the instance
 * administrator. What an operator checks before and after an upgrade.
 *
 * <p>
 * Not public: the exact version and commit tell an attacker which known flaws to try, so
 * an anonymous caller gets 401 like every other internal endpoint. Build facts come from
 * {@code META-INF/build-info.properties} and {@code git.properties} written at build
 * time; a build without them (an IDE, a source tree without {@code .git}) answers
 * {@code null} for what it lacks.
 */
@RestController
class VersionController {

	private final InstanceAdmin instanceAdmin;

	private final MetadataStores metadata;

	private final EventStorage events;

	private final @Nullable BuildProperties build;

	private final @Nullable GitProperties git;

	VersionController(InstanceAdmin instanceAdmin, MetadataStores metadata, EventStorage events,
			ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
		this.instanceAdmin = instanceAdmin;
		this.metadata = metadata;
		this.events = events;
		this.build = build.getIfAvailable();
		this.git = git.getIfAvailable();
	}

	@GetMapping("/api/0/internal/version/")
	VersionJson version(Caller caller) {
		this.instanceAdmin.require(caller);
		BuildProperties build = this.build;
		GitProperties git = this.git;
		String version = (build != null) ? build.getVersion() : null;
		if (version == null) {
			version = VersionController.class.getPackage().getImplementationVersion();
		}
		return new VersionJson((version != null) ? version : "unknown", (git != null) ? git.getCommitId() : null,
				(build != null && build.getTime() != null) ? ApiDates.format(build.getTime()) : null,
				(git != null && git.getCommitTime() != null) ? ApiDates.format(git.getCommitTime()) : null,
				new SchemasJson(schema(this.metadata::schemaVersion), schema(this.events::schemaVersion)));
	}

	private static SchemaJson schema(java.util.function.Supplier<SchemaVersion> reader) {
		try {
			SchemaVersion version = reader.get();
			return new SchemaJson(version.version(), version.description(), null);
		}
		catch (RuntimeException ex) {
			return new SchemaJson(null, null, ex.getMessage());
		}
	}

	/**
	 * @param version the release ({@code unknown} when the build did not say)
	 * @param commit the full commit id the build was made from
	 * @param builtAt when it was built
	 * @param committedAt the commit's time
	 */
	record VersionJson(String version, @Nullable String commit, @Nullable String builtAt, @Nullable String committedAt,
			SchemasJson schemas) {
	}

	/** The newest migration of each store's schema. */
	record SchemasJson(SchemaJson metadata, SchemaJson events) {
	}

}
