package fr.manchette.support;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process with an H2 file open, as a second instance or one still stopping would have it: opens the file at
 * the URL it is given, prints {@code open}, and keeps it open until its standard input closes.
 */
public final class H2FileHolder {

	private H2FileHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection(args[0])) {
			System.out.println("open");
			System.out.flush();
			// Until killed (or its test's JVM ends, closing the pipe).
			System.in.read();
		}
	}

}
