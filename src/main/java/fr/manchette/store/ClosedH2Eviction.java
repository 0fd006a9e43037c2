package fr.manchette.store;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;

/**
 * Has the pool throw away a connection to an embedded H2 database that has closed itself. H2 closes the database for
 * every session when it cannot write its file (the disk full, a file system remounted read-only); its sessions stay
 * open and valid to the pool ({@code isValid()} is true), and every statement on them fails with "The database has
 * been closed", which is not among the connection failures (SQL state class 08) that the pool throws a connection
 * away for. So it kept lending them, and the store stayed closed until a restart. Thrown away, a connection is
 * replaced by a new one, which opens the file anew: the service goes on once H2 can write again. Not for
 * {@code DATABASE_CALLED_AT_SHUTDOWN}: a {@code SHUTDOWN} closes the sessions too, which the pool's own check of a
 * connection finds, and the stop's {@code SHUTDOWN COMPACT} would otherwise have the pool open the file again to
 * replace it. Set for H2 URLs only ({@link DatabaseUrl#H2_POOL_DEFAULTS}).
 */
public final class ClosedH2Eviction implements SQLExceptionOverride {

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException failure) {
		return (failure.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) ? SQLExceptionOverride.Override.MUST_EVICT
				: SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

}
