package fr.manchette.discover;

/** The site's page could not be fetched: said to the operator in one line. */
public class DiscoveryException extends RuntimeException {

	DiscoveryException(String message) {
		super(message);
	}

}
