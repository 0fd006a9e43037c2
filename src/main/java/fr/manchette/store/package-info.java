/** The only package with SQL: items, stories and source health on JdbcClient. */
@NullMarked
package fr.manchette.store;

import org.jspecify.annotations.NullMarked;
