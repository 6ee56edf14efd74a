/**
 * The query model's SQL compiler: {@link dev.faultline.storage.sql.QueryCompiler} turns a
 * {@link dev.faultline.query.Query} into one statement for a
 * {@link dev.faultline.storage.sql.SqlDialect}. The compiler writes only trusted text
 * into SQL (the dialect's column expressions for declared columns, operators, function
 * names and placeholders); every value of the query — tag keys, texts, patterns, numbers,
 * times, limits — is a bound parameter.
 */
@NullMarked
package dev.faultline.storage.sql;

import org.jspecify.annotations.NullMarked;
