package fr.manchette.store;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An instance as far as leases go, in a process of its own for a test to kill: takes its lock on the PostgreSQL
 * database at the URL it is given ({@link LeaseOwner}), prints its name, and waits.
 */
public final class InstanceProcess {

	private InstanceProcess() {
	}

	public static void main(String[] args) throws Exception {
		LeaseOwner owner = new LeaseOwner(new DriverManagerDataSource(args[0]));
		System.out.println(owner.name());
		System.out.flush();
		// Until killed (or its test's JVM ends, closing the pipe).
		System.in.read();
	}

}
