package dev.faultline.storage.duckdb;

import dev.faultline.storage.sql.SqlDialect;
import dev.faultline.storage.tck.query.QuerySafetyContract;

/**
 * No value of a query reaches DuckDB's SQL text.
 */
class DuckDbQuerySafetyTest extends QuerySafetyContract {

	@Override
	protected SqlDialect dialect() {
		return new DuckDbSqlDialect();
	}

}
