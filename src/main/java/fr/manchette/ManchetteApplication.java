package fr.manchette;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
		String command = (args.length > 0) ? args[0] : "";
		if (command.equals(DiscoverCommand.NAME) || command.equals(ImportCommand.NAME)
				|| command.equals(PreviewCommand.NAME)) {
			String[] rest = Arrays.copyOfRange(args, 1, args.length);
			PrintStream out = console(FileDescriptor.out, System.out);
			PrintStream err = console(FileDescriptor.err, System.err);
			System.exit(switch (command) {
				case DiscoverCommand.NAME -> DiscoverCommand.run(rest, out, err);
				case ImportCommand.NAME -> ImportCommand.run(rest, out, err);
				default -> PreviewCommand.run(rest, out, err);
			});
		}
		SpringApplication application = new SpringApplication(ManchetteApplication.class);
		application.addListeners(new AheadOfTime());
		application.run(args);
	}

	/**
	 * Where a command prints: the system's stream, but in UTF-8 when the system's charset is ASCII (no locale set, as
	 * in most containers), where Java prints each accent, « and ’ as "?": a name pasted into feeds.yml would be wrong.
	 */
	private static PrintStream console(FileDescriptor descriptor, PrintStream system) {
		String encoding = System.getProperty("native.encoding", "");
		boolean ascii = Charset.isSupported(encoding)
				&& Charset.forName(encoding).equals(StandardCharsets.US_ASCII);
		return ascii ? new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8) : system;
	}

}
