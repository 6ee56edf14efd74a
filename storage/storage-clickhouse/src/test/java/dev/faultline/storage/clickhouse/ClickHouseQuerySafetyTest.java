package dev.faultline.storage.clickhouse;

import dev.faultline.storage.sql.SqlDialect;
import dev.faultline.storage.tck.query.QuerySafetyContract;

/**
 * No value of a query reaches ClickHouse's SQL text.
 */
class ClickHouseQuerySafetyTest extends QuerySafetyContract {

	@Override
	protected SqlDialect dialect() {
		return new ClickHouseSqlDialect();
	}

}
