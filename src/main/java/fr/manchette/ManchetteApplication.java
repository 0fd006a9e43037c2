package fr.manchette;

import java.util.Arrays;

import fr.manchette.discover.DiscoverCommand;
import fr.manchette.discover.ImportCommand;
import fr.manchette.preview.PreviewCommand;
import fr.manchette.store.H2ObjectCache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Manchette: French news feeds in, one merged feed and a headline ticker out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ManchetteApplication {

	public static void main(String[] args) {
		// Before any class of H2 loads: it reads the setting once.
		H2ObjectCache.offUnlessSet();
		// An operator's command runs on its own and exits: no web server, no database, no polling.
		if (args.length > 0 && args[0].equals(DiscoverCommand.NAME)) {
			System.exit(DiscoverCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && args[0].equals(ImportCommand.NAME)) {
			System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && args[0].equals(PreviewCommand.NAME)) {
			PreviewCommand.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(ManchetteApplication.class, args);
	}

}
