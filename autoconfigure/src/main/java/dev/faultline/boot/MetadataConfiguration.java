package dev.faultline.boot;

import dev.faultline.storage.metadata.IssueComments;
import dev.faultline.storage.metadata.IssueGrouping;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.IssueUserState;
import dev.faultline.storage.metadata.IssueWorkflow;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.OutcomeStore;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.UserStore;
import dev.faultline.storage.postgres.PostgresMetadataStores;
import dev.faultline.storage.sqlite.SqliteMetadataStores;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Provides the metadata port ({@link MetadataStores} and each store): PostgreSQL or
 * SQLite. Opening either migrates its schema.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultlineProperties.class)
public class MetadataConfiguration {

	@Bean(destroyMethod = "close")
	MetadataStores metadataStores(FaultlineProperties properties) {
		FaultlineProperties.Metadata metadata = properties.metadata();
		if ("postgres".equals(metadata.type())) {
			FaultlineProperties.Postgres postgres = metadata.postgres();
			return PostgresMetadataStores.open(postgres.url(), postgres.username(), postgres.password());
		}
		return SqliteMetadataStores
			.open(DataDirectory.ownerOnlyFile(DataDirectory.prepare(properties).resolve("metadata.db")));
	}

	@Bean
	OrganizationStore organizationStore(MetadataStores stores) {
		return stores.organizations();
	}

	@Bean
	ProjectStore projectStore(MetadataStores stores) {
		return stores.projects();
	}

	@Bean
	UserStore userStore(MetadataStores stores) {
		return stores.users();
	}

	@Bean
	IssueStore issueStore(MetadataStores stores) {
		return stores.issues();
	}

	// The issue store's roles, so a service depends on the role it uses (the processor's
	// grouping on IssueGrouping, the API's pages on IssueReader…). A view implements its
	// role only (the adapter is one object); primary, because the wide IssueStore bean is
	// a candidate for every role type too.

	@Bean(destroyMethod = "")
	@Primary
	IssueGrouping issueGrouping(MetadataStores stores) {
		return RoleViews.of(IssueGrouping.class, stores.issues());
	}

	@Bean(destroyMethod = "")
	@Primary
	IssueReader issueReader(MetadataStores stores) {
		return RoleViews.of(IssueReader.class, stores.issues());
	}

	@Bean(destroyMethod = "")
	@Primary
	IssueWorkflow issueWorkflow(MetadataStores stores) {
		return RoleViews.of(IssueWorkflow.class, stores.issues());
	}

	@Bean(destroyMethod = "")
	@Primary
	IssueUserState issueUserState(MetadataStores stores) {
		return RoleViews.of(IssueUserState.class, stores.issues());
	}

	@Bean(destroyMethod = "")
	@Primary
	IssueComments issueComments(MetadataStores stores) {
		return RoleViews.of(IssueComments.class, stores.issues());
	}

	@Bean
	OutcomeStore outcomeStore(MetadataStores stores) {
		return stores.outcomes();
	}

}
