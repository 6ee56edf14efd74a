package dev.faultline.bench.ingest;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.postgres.PostgresMetadataStores;

/**
 * Creates (migrating the schema) an organization, team, project and one client key in a
 * PostgreSQL database for the distributed ingest run. Usage:
 * {@code SeedPostgres <jdbc-url> <user> <public-key>}; prints the project id.
 */
public final class SeedPostgres {

	private SeedPostgres() {
	}

	public static void main(String[] args) {
		try (MetadataStores stores = PostgresMetadataStores.open(args[0], args[1], "")) {
			Organization org = stores.organizations().create("bench", "Bench");
			Team team = stores.organizations().createTeam(org.id(), "bench", "Bench");
			Project project = stores.projects().create(org.id(), team.id(), "bench", "Bench", "java");
			stores.projects().createKey(project.id(), "Bench", args[2], "secret");
			System.out.println(project.id());
		}
	}

}
